import { useTranslation } from 'react-i18next'
import type { Placement } from '../../positioning'
import type { SuggestionState } from './suggestionState'

type Props = {
  state: Exclude<SuggestionState, { phase: 'idle' }>
  placement: Placement
  notice: string | null
  onAccept(): void
  onReject(): void
  onStop(): void
  onRetry(): void
}

/** The card under the selection where the answer streams in, with Accept, Retry, Reject and Stop. */
export function SuggestionCard({
  state,
  placement,
  notice,
  onAccept,
  onReject,
  onStop,
  onRetry,
}: Props) {
  const { t } = useTranslation()
  const streaming = state.phase === 'starting' || state.phase === 'streaming'
  const stopped = state.phase === 'done' && state.stats.stopReason === 'abort'
  const status = streaming
    ? t('suggestion.writing')
    : state.phase === 'failed'
      ? t('suggestion.failed', { message: state.message })
      : stopped
        ? t('suggestion.stopped')
        : t('suggestion.done', {
            tokens: state.stats.generatedTokens,
            speed: Math.round(state.stats.tokensPerSecond),
          })
  const empty = state.phase === 'done' && state.text.trim() === ''

  return (
    <div
      className="suggestion-card"
      data-testid="suggestion"
      data-phase={state.phase}
      role="dialog"
      aria-label={t('suggestion.label')}
      style={{ top: placement.top, left: placement.left }}
      onMouseDown={(event) => event.preventDefault()}
    >
      <div className="suggestion-header">
        <span className="suggestion-title">{state.title}</span>
        <span
          className={`suggestion-status${state.phase === 'failed' ? ' is-error' : ''}`}
          data-testid="suggestion-status"
          role="status"
        >
          {streaming && <span className="spinner" aria-hidden="true" />}
          {status}
        </span>
      </div>
      <div className="suggestion-text" data-testid="suggestion-text" aria-live="polite">
        {state.text}
        {streaming && <span className="caret" aria-hidden="true" />}
      </div>
      {empty && <p className="suggestion-notice">{t('suggestion.empty')}</p>}
      {notice && (
        <p className="suggestion-notice" role="alert" data-testid="suggestion-notice">
          {notice}
        </p>
      )}
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
              disabled={state.phase !== 'done' || empty || notice !== null}
              onClick={onAccept}
            >
              {t('suggestion.accept')}
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
      </div>
    </div>
  )
}
