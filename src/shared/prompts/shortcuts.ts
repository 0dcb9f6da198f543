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

/** What a reserved key does, as an id the interface puts into words. */
export type ReservedUse =
  | 'rewrite'
  | 'palette'
  | 'undo'
  | 'redo'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'paste-plain'
  | 'select-all'
  | 'save'
  | 'accept'
  | 'print'
  | 'find'
  | 'close'
  | 'quit'
  | 'reload'

/**
 * Keys the editor, the app or the system already use. `rewrite` and `palette` are those
 * actions' own defaults: a prompt may never take them, and the writer may move the actions.
 */
export const reservedKeys: readonly { shortcut: string; use: ReservedUse; name: string }[] = [
  { shortcut: 'Mod+Alt+R', use: 'rewrite', name: 'the Rewrite action' },
  { shortcut: 'Mod+K', use: 'palette', name: 'the command palette' },
  { shortcut: 'Mod+Z', use: 'undo', name: 'Undo' },
  { shortcut: 'Mod+Shift+Z', use: 'redo', name: 'Redo' },
  { shortcut: 'Mod+Y', use: 'redo', name: 'Redo' },
  { shortcut: 'Mod+B', use: 'bold', name: 'Bold' },
  { shortcut: 'Mod+I', use: 'italic', name: 'Italic' },
  { shortcut: 'Mod+U', use: 'underline', name: 'Underline' },
  { shortcut: 'Mod+C', use: 'copy', name: 'Copy' },
  { shortcut: 'Mod+X', use: 'cut', name: 'Cut' },
  { shortcut: 'Mod+V', use: 'paste', name: 'Paste' },
  { shortcut: 'Mod+Shift+V', use: 'paste-plain', name: 'Paste as plain text' },
  { shortcut: 'Mod+A', use: 'select-all', name: 'Select all' },
  { shortcut: 'Mod+S', use: 'save', name: 'Save' },
  { shortcut: 'Mod+Enter', use: 'accept', name: 'Accept a suggestion or continue at the cursor' },
  { shortcut: 'Mod+P', use: 'print', name: 'Print' },
  { shortcut: 'Mod+F', use: 'find', name: 'Find' },
  { shortcut: 'Mod+W', use: 'close', name: 'Close the window' },
  { shortcut: 'Mod+Q', use: 'quit', name: 'Quit' },
  { shortcut: 'Mod+R', use: 'reload', name: 'Reload' },
]

/** Shortcuts the editor already uses, with what they do (for the host's English messages). */
export const reservedShortcuts: Readonly<Record<string, string>> = Object.fromEntries(
  reservedKeys.map((entry) => [entry.shortcut, entry.name]),
)

/** Why a shortcut cannot be read, as a reason the interface puts into words. */
export type ShortcutReadProblem =
  | { reason: 'empty' }
  | { reason: 'not-modifier'; part: string }
  | { reason: 'bad-key'; key: string }
  | { reason: 'bare-key' }

/** Reads a shortcut such as "Mod+Alt+L" into modifiers and a key, or names what is wrong. */
export function readShortcut(
  shortcut: string,
): { ok: true; shortcut: ParsedShortcut } | ({ ok: false } & ShortcutReadProblem) {
  if (shortcut.trim() === '') return { ok: false, reason: 'empty' }
  const parts = shortcut.split('+').map((part) => part.trim())
  const key = parts.at(-1) ?? ''
  const modifiers = new Set<Modifier>()
  for (const part of parts.slice(0, -1)) {
    const name = part.toLowerCase()
    if (!isModifier(name)) return { ok: false, reason: 'not-modifier', part }
    modifiers.add(name)
  }
  if (!keyPattern.test(key)) return { ok: false, reason: 'bad-key', key }
  if (![...modifiers].some((m) => m !== 'shift')) return { ok: false, reason: 'bare-key' }
  return { ok: true, shortcut: { modifiers, key: key.length === 1 ? key.toUpperCase() : 'Enter' } }
}

/** Reads a shortcut such as "Mod+Alt+L", or explains in one sentence why the editor cannot use it. */
export function parseShortcut(
  shortcut: string,
):
  | { ok: true; shortcut: ParsedShortcut }
  | { ok: false; message: string; key: HostMessageKey; params: Record<string, string> } {
  const read = readShortcut(shortcut)
  if (read.ok) return read
  switch (read.reason) {
    case 'not-modifier':
      return {
        ok: false,
        message: `"${read.part}" is not a modifier; use Mod, Ctrl, Meta, Alt or Shift, e.g. Mod+Alt+L.`,
        key: 'shortcut-not-modifier',
        params: { part: read.part },
      }
    case 'empty':
    case 'bad-key':
      return {
        ok: false,
        message: `The shortcut "${shortcut}" must end in a letter, a digit or Enter, e.g. Mod+Alt+L.`,
        key: 'shortcut-bad-key',
        params: { shortcut },
      }
    case 'bare-key':
      return {
        ok: false,
        message: `The shortcut "${shortcut}" needs Mod, Ctrl, Meta or Alt; a bare key would take over typing.`,
        key: 'shortcut-bare',
        params: { shortcut },
      }
    default:
      return read satisfies never
  }
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

/** The reserved key a shortcut would clash with, skipping the ones owned by `except`; null when free. */
export function reservedEntry(
  shortcut: ParsedShortcut,
  except: ReadonlySet<ReservedUse> = new Set(),
): (typeof reservedKeys)[number] | null {
  for (const entry of reservedKeys) {
    if (except.has(entry.use)) continue
    const parsed = readShortcut(entry.shortcut)
    if (parsed.ok && sameKeys(parsed.shortcut, shortcut)) return entry
  }
  return null
}

/** What a shortcut would clash with in the editor, e.g. "Bold"; null when it is free. */
export function reservedUse(shortcut: ParsedShortcut): string | null {
  return reservedEntry(shortcut)?.name ?? null
}
