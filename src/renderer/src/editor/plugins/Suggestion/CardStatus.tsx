import { useTranslation } from 'react-i18next'
import type { Alternative } from './alternative'

/**
 * The shown answer's one-line status: what it waits for (with the model's load progress), tokens
 * so far, or how it ended. Not a live region: it changes with every token; the card announces
 * the finished answer once instead.
 */
export function CardStatus({
  state,
  loadProgress,
}: {
  state: Alternative
  loadProgress: number | null
}) {
  const { t } = useTranslation()
  const busy = state.phase === 'waiting' || state.phase === 'streaming'
  const loading = state.phase === 'waiting' && state.reason === 'model-loading'
  return (
    <span
      className={`suggestion-status${state.phase === 'error' ? ' is-error' : ''}`}
      data-testid="suggestion-status"
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {statusText(state, t)}
      {loading && loadProgress !== null && (
        <progress
          className="load-progress"
          data-testid="suggestion-load-progress"
          max={1}
          value={loadProgress}
          aria-label={t('suggestion.loadProgress')}
        />
      )}
      {loading && loadProgress !== null && ` ${Math.round(loadProgress * 100)}%`}
    </span>
  )
}

type Translate = (key: string, options?: Record<string, unknown>) => string

function statusText(state: Alternative, t: Translate): string {
  switch (state.phase) {
    case 'waiting':
      return t(`suggestion.waiting.${state.reason}`)
    case 'streaming':
      return t('suggestion.writingTokens', { count: state.tokens })
    case 'error':
      return t('suggestion.failedShort')
    case 'done': {
      const { stats } = state.result
      if (stats.stopReason === 'abort') return t('suggestion.stopped')
      if (stats.stopReason === 'deadline') return t('suggestion.deadline')
      return t('suggestion.done', {
        tokens: stats.generatedTokens,
        speed: Math.round(stats.tokensPerSecond),
      })
    }
    default:
      return state satisfies never
  }
}
