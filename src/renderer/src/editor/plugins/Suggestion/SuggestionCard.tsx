import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Placement } from '../../positioning'
import { visibleText, type SuggestionState } from './suggestionState'

type Props = {
  state: Exclude<SuggestionState, { phase: 'idle' }>
  /** The "Show prompt" part, built by the plugin. */
  promptView: ReactNode
  placement: Placement
  notice: string | null
  onAccept(): void
  onReject(): void
  onStop(): void
  onRetry(): void
  onToggleRaw(): void
}

/** The card under the selection where the answer streams in, with Accept, Retry, Reject and Stop. */
export function SuggestionCard({
  state,
  promptView,
  placement,
  notice,
  onAccept,
  onReject,
  onStop,
  onRetry,
  onToggleRaw,
}: Props) {
  const { t } = useTranslation()
  const streaming = state.phase === 'starting' || state.phase === 'streaming'
  const done = state.phase === 'done' ? state : null
  const stopReason = done?.result.stats.stopReason
  const status = streaming
    ? t('suggestion.writing')
    : state.phase === 'failed'
      ? t('suggestion.failedShort')
      : stopReason === 'abort'
        ? t('suggestion.stopped')
        : stopReason === 'deadline'
          ? t('suggestion.deadline')
          : t('suggestion.done', {
              tokens: done?.result.stats.generatedTokens ?? 0,
              speed: Math.round(done?.result.stats.tokensPerSecond ?? 0),
            })
  const text = visibleText(state)
  const empty = done !== null && text.trim() === ''
  const cleaned = done !== null && done.result.changes.length > 0
  const notes = [
    state.retrying ? t('suggestion.retriedLanguage') : null,
    done?.result.flags.languageMismatch ? t('suggestion.languageMismatch') : null,
    done?.result.flags.truncated ? t('suggestion.truncated') : null,
    done?.result.flags.keptRaw ? t('suggestion.keptRaw') : null,
    empty ? t('suggestion.empty') : null,
  ].filter((note) => note !== null)

  return (
    <div
      className="suggestion-card"
      data-testid="suggestion"
      data-phase={state.phase}
      data-view={done?.showRaw ? 'raw' : 'cleaned'}
      role="dialog"
      aria-label={t('suggestion.label')}
      style={{ top: placement.top, left: placement.left }}
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLElement && event.target.closest('.suggestion-text')))
          event.preventDefault()
      }}
    >
      <div className="suggestion-header">
        <span className="suggestion-title">{state.prompt.title}</span>
        <span
          className={`suggestion-status${state.phase === 'failed' ? ' is-error' : ''}`}
          data-testid="suggestion-status"
          role="status"
        >
          {streaming && <span className="spinner" aria-hidden="true" />}
          {status}
        </span>
      </div>
      {state.phase === 'failed' && (
        <p className="suggestion-notice" role="alert" data-testid="suggestion-error">
          {state.message}
        </p>
      )}
      <div className="suggestion-text" data-testid="suggestion-text" aria-live="polite">
        {text}
        {streaming && <span className="caret" aria-hidden="true" />}
      </div>
      {notes.map((note) => (
        <p key={note} className="suggestion-note">
          {note}
        </p>
      ))}
      {notice && (
        <p className="suggestion-notice" role="alert" data-testid="suggestion-notice">
          {notice}
        </p>
      )}
      {promptView}
      <div className="suggestion-actions">
        {streaming ? (
          <button type="button" className="button" data-testid="suggestion-stop" onClick={onStop}>
            {t('suggestion.stop')} <kbd>Esc</kbd>
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button primary"
              data-testid="suggestion-accept"
              disabled={!done || empty || notice !== null}
              onClick={onAccept}
            >
              {t(`suggestion.accept.${state.prompt.apply}`)}
            </button>
            <button
              type="button"
              className="button"
              data-testid="suggestion-retry"
              onClick={onRetry}
            >
              {t('suggestion.retry')}
            </button>
          </>
        )}
        <button
          type="button"
          className="button subtle"
          data-testid="suggestion-reject"
          onClick={onReject}
        >
          {t('suggestion.reject')}
          {!streaming && <kbd>Esc</kbd>}
        </button>
        {cleaned && (
          <button
            type="button"
            className="button subtle toggle"
            data-testid="suggestion-raw-toggle"
            aria-pressed={done.showRaw}
            title={t('suggestion.cleanedHint', { count: done.result.changes.length })}
            onClick={onToggleRaw}
          >
            {done.showRaw ? t('suggestion.showCleaned') : t('suggestion.showRaw')}
          </button>
        )}
      </div>
    </div>
  )
}
