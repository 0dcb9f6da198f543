import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut } from '../../shortcuts'
import { isRunning } from './alternative'
import { copyText } from './copyText'
import { canAccept, shownAlternative, visibleText, type OpenSuggestion } from './suggestionState'

/** Accept's shortcut while a finished answer is shown (handled in useCardKeys). */
export const ACCEPT_SHORTCUT = 'Mod+Enter'
/** The most versions the card offers to write at once. */
const MAX_VERSIONS = 4

type Props = {
  card: OpenSuggestion
  /** How many versions "Write versions" asks for at first (the "Answers at once" setting). */
  defaultVersions: number
  isMac: boolean
  onAccept(): void
  onReject(): void
  onStop(): void
  onRetry(): void
  onVersions(count: number): void
  onToggleRaw(): void
  onToggleDiff(): void
}

/** The card's buttons: Accept, Retry, Write N versions, Reject or Stop, Copy, and the view toggles. */
export function CardActions(props: Props) {
  const { card, isMac, onAccept, onReject, onStop, onRetry, onToggleRaw, onToggleDiff } = props
  const { t } = useTranslation()
  const [versions, setVersions] = useState(() =>
    Math.min(MAX_VERSIONS, Math.max(2, props.defaultVersions)),
  )
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null)
  useEffect(() => {
    if (copied === null) return
    const timer = window.setTimeout(() => setCopied(null), 2_000)
    return () => window.clearTimeout(timer)
  }, [copied])

  const shown = shownAlternative(card)
  const running = isRunning(shown)
  const text = visibleText(card)
  const done = shown.phase === 'done' ? shown : null
  const cleaned = done !== null && done.result.changes.length > 0

  return (
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
            disabled={!canAccept(card)}
            onClick={onAccept}
          >
            {t(`suggestion.accept.${card.prompt.apply}`)}{' '}
            <kbd>{formatShortcut(ACCEPT_SHORTCUT, isMac)}</kbd>
          </button>
          <button type="button" className="button" data-testid="suggestion-retry" onClick={onRetry}>
            {t('suggestion.retry')}
          </button>
        </>
      )}
      <span className="versions-control">
        <button
          type="button"
          className="button"
          data-testid="suggestion-versions"
          title={t('suggestion.versionsHint')}
          onClick={() => props.onVersions(versions)}
        >
          {t('suggestion.writeVersions', { count: versions })}
        </button>
        <select
          className="versions-count"
          data-testid="suggestion-versions-count"
          aria-label={t('suggestion.versionsCount')}
          value={versions}
          onChange={(event) => setVersions(Number(event.target.value))}
        >
          {Array.from({ length: MAX_VERSIONS - 1 }, (_, i) => i + 2).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </span>
      <button
        type="button"
        className="button subtle"
        data-testid="suggestion-reject"
        onClick={onReject}
      >
        {t('suggestion.reject')}
        {!running && <kbd>Esc</kbd>}
      </button>
      <button
        type="button"
        className="button subtle"
        data-testid="suggestion-copy"
        disabled={text.trim() === ''}
        // Without the blank space a model may start or end with, as Accept leaves it out too.
        onClick={() => void copyText(text.trim()).then((ok) => setCopied(ok ? 'copied' : 'failed'))}
      >
        {copied === 'copied'
          ? t('suggestion.copied')
          : copied === 'failed'
            ? t('suggestion.copyFailed')
            : t('suggestion.copy')}
      </button>
      {card.prompt.apply === 'replace' && (
        <button
          type="button"
          className="button subtle toggle"
          data-testid="suggestion-diff"
          aria-pressed={card.showDiff}
          title={t('suggestion.diffHint')}
          onClick={onToggleDiff}
        >
          {t('suggestion.diff')}
        </button>
      )}
      {cleaned && (
        <button
          type="button"
          className="button subtle toggle"
          data-testid="suggestion-raw-toggle"
          aria-pressed={card.showRaw}
          title={t('suggestion.cleanedHint', { count: done.result.changes.length })}
          onClick={onToggleRaw}
        >
          {card.showRaw ? t('suggestion.showCleaned') : t('suggestion.showRaw')}
        </button>
      )}
    </div>
  )
}
