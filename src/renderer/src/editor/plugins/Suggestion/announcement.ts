import { shownAlternative, visibleText, type OpenSuggestion } from './suggestionState'

type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * What the card's polite live region says: nothing while the shown answer is written (a screen
 * reader would read every token), then the finished answer once. Errors are not repeated here:
 * their alert on the card is announced when it appears.
 */
export function cardAnnouncement(card: OpenSuggestion, t: Translate): string {
  const shown = shownAlternative(card)
  if (shown.phase !== 'done') return ''
  const text = visibleText(card).trim()
  if (shown.result.stats.stopReason === 'abort')
    return text ? t('suggestion.announceStopped', { text }) : t('suggestion.stopped')
  return text ? t('suggestion.announceDone', { text }) : t('suggestion.empty')
}
