import {
  formatParsedShortcut,
  readShortcut,
  reservedEntry,
  sameKeys,
  type ReservedUse,
  type ShortcutReadProblem,
} from './shortcuts'

/** Something a shortcut can run: an app action ("app:rewrite") or a prompt ("rewrite.lyrical"). */
export type KeyAction = { id: string; defaultShortcut: string | null }

/** An action's shortcut in effect, written the canonical way ("Mod+Alt+L"). */
export type Binding = { id: string; shortcut: string }

/** The app's own actions that have shortcuts, with their defaults. */
export const appKeyActions = [
  { id: 'app:rewrite', defaultShortcut: 'Mod+Alt+R' },
  { id: 'app:ask', defaultShortcut: 'Mod+Alt+A' },
  { id: 'app:compare', defaultShortcut: 'Mod+Alt+B' },
  { id: 'app:best-of', defaultShortcut: 'Mod+Alt+N' },
  { id: 'app:palette', defaultShortcut: 'Mod+K' },
] as const satisfies readonly KeyAction[]

export type AppKeyActionId = (typeof appKeyActions)[number]['id']

/** A reserved key that is an app action's own default: free for that action, never for others. */
const ownReserved: Partial<Record<string, ReservedUse>> = {
  'app:rewrite': 'rewrite',
  'app:palette': 'palette',
}

const canonical = (shortcut: string): string | null => {
  const read = readShortcut(shortcut)
  return read.ok ? formatParsedShortcut(read.shortcut) : null
}

/**
 * The shortcuts in effect: the writer's own from Settings over each action's default ("" turns
 * one off). Unreadable ones and ones a earlier action already holds are left out, so a key
 * never runs two things.
 */
export function effectiveBindings(
  actions: readonly KeyAction[],
  overrides: Readonly<Record<string, string>>,
): Binding[] {
  const bindings: Binding[] = []
  const seen = new Set<string>()
  for (const action of actions) {
    if (seen.has(action.id)) continue
    seen.add(action.id)
    const chosen = Object.hasOwn(overrides, action.id)
      ? overrides[action.id]
      : action.defaultShortcut
    const shortcut = chosen ? canonical(chosen) : null
    if (!shortcut) continue
    const parsed = readShortcut(shortcut)
    const taken = bindings.some((b) => {
      const other = readShortcut(b.shortcut)
      return other.ok && parsed.ok && sameKeys(other.shortcut, parsed.shortcut)
    })
    if (!taken) bindings.push({ id: action.id, shortcut })
  }
  return bindings
}

/** What the writer typed for one action's shortcut: usable (canonical, "" for none), or why not. */
export type ShortcutCheck =
  | { ok: true; shortcut: string }
  | ({ ok: false } & Exclude<ShortcutReadProblem, { reason: 'empty' }>)
  | { ok: false; reason: 'reserved'; use: ReservedUse }
  | { ok: false; reason: 'taken'; by: string }

/**
 * Checks a shortcut typed for `actionId`: readable, not a key the editor or system keeps, and
 * not held by another action (the same id may keep its own shortcut). Empty means no shortcut.
 */
export function checkShortcut(
  text: string,
  actionId: string,
  bindings: readonly Binding[],
): ShortcutCheck {
  if (text.trim() === '') return { ok: true, shortcut: '' }
  const read = readShortcut(text)
  if (!read.ok) {
    if (read.reason === 'empty') return { ok: true, shortcut: '' }
    return read
  }
  const own = ownReserved[actionId]
  const reserved = reservedEntry(read.shortcut, new Set(own ? [own] : []))
  if (reserved) return { ok: false, reason: 'reserved', use: reserved.use }
  const holder = bindings.find((binding) => {
    if (binding.id === actionId) return false
    const other = readShortcut(binding.shortcut)
    return other.ok && sameKeys(other.shortcut, read.shortcut)
  })
  if (holder) return { ok: false, reason: 'taken', by: holder.id }
  return { ok: true, shortcut: formatParsedShortcut(read.shortcut) }
}
