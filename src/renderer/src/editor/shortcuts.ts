/** The parts of a keyboard event a shortcut looks at. */
export type KeyChord = {
  code: string
  metaKey: boolean
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
}

const MODIFIERS = new Set(['mod', 'alt', 'shift', 'ctrl', 'meta'])

/** The physical key code of a shortcut's key ("L" → KeyL, "5" → Digit5), so Alt on a Mac still matches. */
function keyCode(key: string): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`
  if (/^[0-9]$/.test(key)) return `Digit${key}`
  if (key.toLowerCase() === 'enter') return 'Enter'
  return null
}

/**
 * Whether a chord matches a shortcut such as "Mod+Alt+L" (Mod is ⌘ on macOS, Ctrl elsewhere).
 * A shortcut that cannot be parsed never matches.
 */
export function matchesShortcut(shortcut: string, chord: KeyChord, isMac: boolean): boolean {
  const parts = shortcut.split('+').map((part) => part.trim().toLowerCase())
  const key = parts.at(-1)
  const modifiers = new Set(parts.slice(0, -1))
  if (!key || [...modifiers].some((m) => !MODIFIERS.has(m))) return false
  const code = keyCode(key)
  if (!code || chord.code !== code) return false
  const wantMeta = modifiers.has('meta') || (isMac && modifiers.has('mod'))
  const wantCtrl = modifiers.has('ctrl') || (!isMac && modifiers.has('mod'))
  return (
    chord.metaKey === wantMeta &&
    chord.ctrlKey === wantCtrl &&
    chord.altKey === modifiers.has('alt') &&
    chord.shiftKey === modifiers.has('shift')
  )
}

/** Shows a shortcut the way the platform writes it: ⌘⌥L on macOS, Ctrl+Alt+L elsewhere. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const names: Record<string, [string, string]> = {
    mod: ['⌘', 'Ctrl'],
    alt: ['⌥', 'Alt'],
    shift: ['⇧', 'Shift'],
    ctrl: ['⌃', 'Ctrl'],
    meta: ['⌘', 'Meta'],
  }
  const parts = shortcut.split('+').map((part) => {
    const name = names[part.trim().toLowerCase()]
    const key = part.trim()
    // Letters in capitals ("L"), named keys as named ("Enter").
    return name
      ? name[isMac ? 0 : 1]
      : key.length === 1
        ? key.toUpperCase()
        : key.charAt(0).toUpperCase() + key.slice(1).toLowerCase()
  })
  return parts.join(isMac ? '' : '+')
}

export const isMacPlatform = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * The shortcut a key press would be written as ("Mod+Alt+L"), for recording one; null while only
 * modifiers are held. A key the editor cannot use comes out as typed ("Mod+["), to be refused.
 */
export function shortcutOfChord(chord: KeyChord & { key: string }, isMac: boolean): string | null {
  if (['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS'].includes(chord.key)) return null
  const key =
    /^Key([A-Z])$/.exec(chord.code)?.[1] ??
    /^Digit([0-9])$/.exec(chord.code)?.[1] ??
    (chord.code === 'Enter' || chord.code === 'NumpadEnter' ? 'Enter' : chord.key)
  const parts: string[] = []
  if (isMac ? chord.metaKey : chord.ctrlKey) parts.push('Mod')
  if (isMac && chord.ctrlKey) parts.push('Ctrl')
  if (!isMac && chord.metaKey) parts.push('Meta')
  if (chord.altKey) parts.push('Alt')
  if (chord.shiftKey) parts.push('Shift')
  return [...parts, key].join('+')
}
