import { useTranslation } from 'react-i18next'
import { formatShortcut } from '../../shortcuts'

/** Alt+[ and Alt+] browse the answers (handled in useCardKeys). */
export const PREVIOUS_SHORTCUT = 'Alt+['
export const NEXT_SHORTCUT = 'Alt+]'

type Props = {
  shown: number
  count: number
  isMac: boolean
  onStep(by: -1 | 1): void
}

/** ◀ 2/3 ▶: which of the passage's answers is shown, and the way to the others. */
export function AlternativeNav({ shown, count, isMac, onStep }: Props) {
  const { t } = useTranslation()
  if (count < 2) return null
  return (
    <span className="alternative-nav" role="group" aria-label={t('suggestion.alternatives')}>
      <button
        type="button"
        className="button subtle icon"
        data-testid="suggestion-prev"
        aria-label={t('suggestion.previous')}
        title={`${t('suggestion.previous')} (${formatShortcut(PREVIOUS_SHORTCUT, isMac)})`}
        disabled={shown === 0}
        onClick={() => onStep(-1)}
      >
        ◀
      </button>
      <span
        className="alternative-counter"
        data-testid="suggestion-counter"
        aria-live="polite"
        aria-label={t('suggestion.counter', { shown: shown + 1, count })}
      >
        {shown + 1}/{count}
      </span>
      <button
        type="button"
        className="button subtle icon"
        data-testid="suggestion-next"
        aria-label={t('suggestion.next')}
        title={`${t('suggestion.next')} (${formatShortcut(NEXT_SHORTCUT, isMac)})`}
        disabled={shown === count - 1}
        onClick={() => onStep(1)}
      >
        ▶
      </button>
    </span>
  )
}
