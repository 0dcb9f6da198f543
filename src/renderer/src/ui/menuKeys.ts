/** Where a key press in a menu moves focus, following the WAI-ARIA menu pattern. */
export type MenuMove =
  | { type: 'focus'; index: number }
  /** Esc closes the menu and returns focus to what opened it; Tab closes it and moves on. */
  | { type: 'close'; refocus: boolean }
  | { type: 'none' }

/** How long typed letters add up to one type-ahead search. */
export const TYPE_AHEAD_MS = 600

/** Type-ahead state: the letters typed so far and when the last one came. */
export type TypeAhead = { text: string; at: number }

const normal = (text: string): string => text.trim().toLocaleLowerCase()

/**
 * The item whose label starts with `typed`: searching from the one after `current` when a single
 * letter is typed (so pressing it again cycles), else from `current` itself; -1 when none.
 */
export function typeAheadMatch(labels: readonly string[], current: number, typed: string): number {
  const wanted = normal(typed)
  if (wanted === '' || labels.length === 0) return -1
  const start = wanted.length === 1 ? current + 1 : Math.max(current, 0)
  for (let step = 0; step < labels.length; step++) {
    const index = (((start + step) % labels.length) + labels.length) % labels.length
    if (normal(labels[index] ?? '').startsWith(wanted)) return index
  }
  return -1
}

/**
 * What a key does in an open menu of `labels` with `current` focused: arrows wrap, Home and End
 * jump, a printable character searches by first letters (updating `typeAhead`), Esc and Tab close.
 */
export function menuKeyMove(
  key: string,
  current: number,
  labels: readonly string[],
  typeAhead: TypeAhead,
  now: number,
): { move: MenuMove; typeAhead: TypeAhead } {
  const count = labels.length
  const keep = (move: MenuMove) => ({ move, typeAhead })
  if (count === 0)
    return keep(key === 'Escape' ? { type: 'close', refocus: true } : { type: 'none' })
  switch (key) {
    case 'ArrowDown':
      return keep({ type: 'focus', index: current < 0 ? 0 : (current + 1) % count })
    case 'ArrowUp':
      return keep({ type: 'focus', index: current <= 0 ? count - 1 : current - 1 })
    case 'Home':
    case 'PageUp':
      return keep({ type: 'focus', index: 0 })
    case 'End':
    case 'PageDown':
      return keep({ type: 'focus', index: count - 1 })
    case 'Escape':
      return keep({ type: 'close', refocus: true })
    case 'Tab':
      return keep({ type: 'close', refocus: false })
    default:
      break
  }
  // One printable character (a letter, a digit, a CJK character) searches; space does not.
  if ([...key].length !== 1 || key === ' ') return keep({ type: 'none' })
  const text = now - typeAhead.at <= TYPE_AHEAD_MS ? typeAhead.text + key : key
  const index = typeAheadMatch(labels, current, text)
  return {
    move: index >= 0 ? { type: 'focus', index } : { type: 'none' },
    typeAhead: { text, at: now },
  }
}
