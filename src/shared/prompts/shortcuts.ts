import type { HostMessageKey } from '../contract/messageKeys'
/** A prompt's `shortcut:` read into modifiers and a key, the way the editor matches it. */
export type ParsedShortcut = { modifiers: ReadonlySet<Modifier>; key: string }

type Modifier = 'mod' | 'ctrl' | 'meta' | 'alt' | 'shift'

const modifierNames: Record<Modifier, string> = {
  mod: 'Mod',
  ctrl: 'Ctrl',
  meta: 'Meta',
  alt: 'Alt',
  shift: 'Shift',
}
const isModifier = (name: string): name is Modifier => Object.hasOwn(modifierNames, name)

/** Keys the editor's shortcut matcher understands: a letter, a digit or Enter. */
const keyPattern = /^([a-z0-9]|enter)$/i

/** Shortcuts the editor already uses, with what they do. */
export const reservedShortcuts: Readonly<Record<string, string>> = {
  'Mod+Alt+R': 'the Rewrite action',
  'Mod+Z': 'Undo',
  'Mod+Shift+Z': 'Redo',
  'Mod+Y': 'Redo',
  'Mod+B': 'Bold',
  'Mod+I': 'Italic',
  'Mod+U': 'Underline',
}

/** Reads a shortcut such as "Mod+Alt+L", or explains in one sentence why the editor cannot use it. */
export function parseShortcut(
  shortcut: string,
):
  | { ok: true; shortcut: ParsedShortcut }
  | { ok: false; message: string; key: HostMessageKey; params: Record<string, string> } {
  const parts = shortcut.split('+').map((part) => part.trim())
  const key = parts.at(-1) ?? ''
  const modifiers = new Set<Modifier>()
  for (const part of parts.slice(0, -1)) {
    const name = part.toLowerCase()
    if (!isModifier(name))
      return {
        ok: false,
        message: `"${part}" is not a modifier; use Mod, Ctrl, Meta, Alt or Shift, e.g. Mod+Alt+L.`,
        key: 'shortcut-not-modifier',
        params: { part },
      }
    modifiers.add(name)
  }
  if (!keyPattern.test(key))
    return {
      ok: false,
      message: `The shortcut "${shortcut}" must end in a letter, a digit or Enter, e.g. Mod+Alt+L.`,
      key: 'shortcut-bad-key',
      params: { shortcut },
    }
  if (![...modifiers].some((m) => m !== 'shift'))
    return {
      ok: false,
      message: `The shortcut "${shortcut}" needs Mod, Ctrl, Meta or Alt; a bare key would take over typing.`,
      key: 'shortcut-bare',
      params: { shortcut },
    }
  return { ok: true, shortcut: { modifiers, key: key.length === 1 ? key.toUpperCase() : 'Enter' } }
}

/** The keys a shortcut presses on one platform (Mod is ⌘ on macOS, Ctrl elsewhere). */
function chordOn(shortcut: ParsedShortcut, mac: boolean): string {
  const pressed = new Set<Modifier>(
    [...shortcut.modifiers].map((m) => (m === 'mod' ? (mac ? 'meta' : 'ctrl') : m)),
  )
  const order: Modifier[] = ['ctrl', 'meta', 'alt', 'shift']
  return [...order.filter((m) => pressed.has(m)), shortcut.key].join('+')
}

/** Whether two shortcuts press the same keys on macOS or on Windows and Linux. */
export function sameKeys(a: ParsedShortcut, b: ParsedShortcut): boolean {
  return chordOn(a, true) === chordOn(b, true) || chordOn(a, false) === chordOn(b, false)
}

/** The shortcut written the canonical way: "Mod+Alt+L". */
export function formatParsedShortcut(shortcut: ParsedShortcut): string {
  const order: Modifier[] = ['mod', 'ctrl', 'meta', 'alt', 'shift']
  return [
    ...order.filter((m) => shortcut.modifiers.has(m)).map((m) => modifierNames[m]),
    shortcut.key,
  ].join('+')
}

/** What a shortcut would clash with in the editor, e.g. "Bold"; null when it is free. */
export function reservedUse(shortcut: ParsedShortcut): string | null {
  for (const [reserved, use] of Object.entries(reservedShortcuts)) {
    const parsed = parseShortcut(reserved)
    if (parsed.ok && sameKeys(parsed.shortcut, shortcut)) return use
  }
  return null
}
