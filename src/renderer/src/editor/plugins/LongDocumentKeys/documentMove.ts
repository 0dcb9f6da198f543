/** The parts of a keydown a document-wide caret move looks at. */
export type MoveChord = {
  key: string
  metaKey: boolean
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** A caret move across the document that Quire makes itself; `extend` keeps the anchor (Shift). */
export type DocumentMove = { to: 'start' | 'end' | 'pageUp' | 'pageDown'; extend: boolean }

/**
 * The document-wide caret move a key asks for: Ctrl+Home/End (⌘↑/⌘↓ on macOS) to the start or
 * end, PageUp/PageDown a screen (not on macOS, where they only scroll); with Shift each extends
 * the selection. Null for any other key.
 */
export function documentMove(chord: MoveChord, isMac: boolean): DocumentMove | null {
  const extend = chord.shiftKey
  if (chord.altKey) return null
  if (!chord.metaKey && !chord.ctrlKey) {
    // On macOS PageUp/PageDown scroll and leave the caret where it is: the browser's own does that.
    if (isMac) return null
    if (chord.key === 'PageUp') return { to: 'pageUp', extend }
    if (chord.key === 'PageDown') return { to: 'pageDown', extend }
    return null
  }
  const edges: Record<string, 'start' | 'end'> = isMac
    ? { ArrowUp: 'start', ArrowDown: 'end' }
    : { Home: 'start', End: 'end' }
  const to = edges[chord.key]
  const modifierOnly = isMac ? chord.metaKey && !chord.ctrlKey : chord.ctrlKey && !chord.metaKey
  return to && modifierOnly ? { to, extend } : null
}
