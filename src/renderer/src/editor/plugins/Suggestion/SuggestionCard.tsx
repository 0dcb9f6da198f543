import { hostErrorText } from '../../../i18n/hostText'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { ShowPrompt } from './ShowPrompt'
import { CardStatus } from './CardStatus'
import { visibleText, type ActiveSuggestion } from './suggestionState'

type Props = {
  state: ActiveSuggestion
  /** How far the model load has come (0..1), while the card waits for it. */
  loadProgress: number | null
  ref: Ref<HTMLDivElement>
  onAccept(): void
  onReject(): void
  onStop(): void
  onRetry(): void
  onToggleRaw(): void
  onOpenModels(): void
}

/** The card next to the passage where the answer streams in, with Accept, Retry, Reject and Stop. */
export function SuggestionCard({
  state,
  loadProgress,
  ref,
  onAccept,
  onReject,
  onStop,
  onRetry,
  onToggleRaw,
  onOpenModels,
}: Props) {
  const { t } = useTranslation()
  const running = state.phase === 'waiting' || state.phase === 'streaming'
  const done = state.phase === 'done' ? state : null
  const text = visibleText(state)
  const empty = done !== null && text.trim() === '' && done.result.stats.stopReason !== 'abort'
  const cleaned = done !== null && done.result.changes.length > 0
  const notes = [
    state.retrying ? t('suggestion.retriedLanguage') : null,
    done?.result.flags.languageMismatch ? t('suggestion.languageMismatch') : null,
    // Cut by the prompt's length limit, or stopped at a sentence end once it reached it.
    done?.result.flags.truncated
      ? t('suggestion.truncated')
      : done?.result.stats.stopReason === 'budget'
        ? t('suggestion.budget')
        : null,
    done?.result.flags.keptRaw ? t('suggestion.keptRaw') : null,
    empty ? t('suggestion.empty') : null,
  ].filter((note) => note !== null)

  return (
    <div
      ref={ref}
      className="suggestion-card"
      data-testid="suggestion"
      data-phase={state.phase}
      data-view={done?.showRaw ? 'raw' : 'cleaned'}
      role="dialog"
      aria-label={t('suggestion.label')}
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLElement && event.target.closest('.suggestion-scroll')))
          event.preventDefault()
      }}
    >
      <div className="suggestion-header">
        <span className="suggestion-title">{state.prompt.title}</span>
        <CardStatus state={state} loadProgress={loadProgress} />
      </div>
      <div className="suggestion-scroll">
        {state.phase === 'error' && (
          <div className="suggestion-error" role="alert" data-testid="suggestion-error">
            <p>{state.code === 'no-model' ? t('suggestion.noModel') : hostErrorText(t, state)}</p>
            {state.code === 'no-model' && (
              <button
                type="button"
                className="button primary"
                data-testid="suggestion-open-models"
                onClick={onOpenModels}
              >
                {t('suggestion.openModels')}
              </button>
            )}
          </div>
        )}
        {state.phase === 'waiting' && state.reason === 'model-loading' && (
          <p className="suggestion-note">{t('suggestion.waitingHint')}</p>
        )}
        {state.phase !== 'error' && state.phase !== 'waiting' && (
          <div className="suggestion-text" data-testid="suggestion-text" aria-live="polite">
            {text}
            {running && state.phase === 'streaming' && (
              <span className="caret" aria-hidden="true" />
            )}
          </div>
        )}
        {notes.map((note) => (
          <p key={note} className="suggestion-note">
            {note}
          </p>
        ))}
        {done?.refused && (
          <p className="suggestion-notice" role="alert" data-testid="suggestion-notice">
            {t('suggestion.changed')}
          </p>
        )}
        <ShowPrompt sent={state.sent} />
      </div>
      <div className="suggestion-actions">
        {running ? (
          <button type="button" className="button" data-testid="suggestion-stop" onClick={onStop}>
            {t('suggestion.stop')} <kbd>Esc</kbd>
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button primary"
              data-testid="suggestion-accept"
              disabled={!done || text.trim() === '' || done.refused}
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
          {!running && <kbd>Esc</kbd>}
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
