import { matchesShortcut, type KeyChord } from '../../shortcuts'

/** The shortcut every editor uses for "paste as plain text". */
export const PLAIN_PASTE_SHORTCUT = 'Mod+Shift+V'

/**
 * The paste a Mod+Shift+V starts comes within the same key press; a keydown that was swallowed
 * (no paste followed) must not make a later paste plain, hence the short window.
 */
export const PLAIN_PASTE_WINDOW_MS = 1000

/**
 * Remembers a Mod+Shift+V until the paste it causes. Chromium's own "paste as plain text"
 * fires an ordinary paste event with only text/plain, indistinguishable from a plain-text
 * clipboard, so the key press is what tells them apart.
 */
export function plainPasteKey(isMac: boolean, now: () => number = () => performance.now()) {
  let pressedAt: number | null = null
  return {
    /** Every keydown in the editor: Mod+Shift+V arms, any other key disarms. */
    keyDown(chord: KeyChord): void {
      pressedAt = matchesShortcut(PLAIN_PASTE_SHORTCUT, chord, isMac) ? now() : null
    },
    /** At a paste: whether it is a plain one. A paste uses the key press up. */
    take(): boolean {
      const plain = pressedAt !== null && now() - pressedAt <= PLAIN_PASTE_WINDOW_MS
      pressedAt = null
      return plain
    },
  }
}
