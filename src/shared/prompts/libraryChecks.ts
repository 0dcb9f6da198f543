import type { HostMessageKey } from '../contract/messageKeys'
import type { Language } from '../contract/schemas'
import type { PromptOrigin } from './libraryTypes'
import type { LibraryProblem, PromptDefinition } from './schema'
import { formatParsedShortcut, parseShortcut, reservedUse, sameKeys } from './shortcuts'

/** The line of a field in a file the library has read; null when it is not known. */
export type FieldLine = (source: string, field: string) => number | null

type Entry = { id: string; language: Language; source: string }
type WithShortcut = Entry & Pick<PromptDefinition, 'shortcut'>

const languageNames: Record<Language, string> = { en: 'English', zh: 'Chinese' }

/** A prompt's preset and persona must exist; one problem per missing one, at the field's line. */
export function referenceProblems(
  prompt: Pick<PromptDefinition, 'source' | 'preset' | 'persona'>,
  known: { presets: ReadonlySet<string>; personas: ReadonlySet<string> },
  lineOf: FieldLine,
): LibraryProblem[] {
  const problems: LibraryProblem[] = []
  const report = (field: string, message: string, key: HostMessageKey, id: string) =>
    problems.push({
      source: prompt.source,
      line: lineOf(prompt.source, field),
      field,
      message,
      key,
      params: { id },
    })
  if (!known.presets.has(prompt.preset))
    report('preset', `Unknown preset "${prompt.preset}".`, 'unknown-preset', prompt.preset)
  if (!known.personas.has(prompt.persona))
    report('persona', `Unknown persona "${prompt.persona}".`, 'unknown-persona', prompt.persona)
  return problems
}

const consequenceText = {
  'shortcut-ignored': "This prompt's shortcut is ignored.",
  'shortcut-dropped': 'It is imported without a shortcut.',
} as const

type ShortcutRef = { key: HostMessageKey; params: Record<string, string> }

const originRank: Record<PromptOrigin, number> = { bundled: 0, extra: 1, user: 2 }

/**
 * The order in which prompts claim shortcuts: bundled ones first, then the extra folder's, then
 * the writer's, so a clash is always reported on a file the writer can change.
 */
export function inShortcutOrder<T extends { origin?: PromptOrigin }>(prompts: readonly T[]): T[] {
  return prompts
    .map((prompt, index) => ({ prompt, index }))
    .sort(
      (a, b) =>
        originRank[a.prompt.origin ?? 'user'] - originRank[b.prompt.origin ?? 'user'] ||
        a.index - b.index,
    )
    .map(({ prompt }) => prompt)
}

/**
 * Checks each prompt's shortcut: readable, not a key the editor already uses, and not taken by
 * a prompt with another id (one id may share its shortcut across languages). The first prompt in
 * the given order keeps a contested shortcut (see `inShortcutOrder`); the later ones lose theirs,
 * with an error each.
 */
export function shortcutProblems(
  prompts: readonly WithShortcut[],
  lineOf: FieldLine,
  consequence: 'shortcut-ignored' | 'shortcut-dropped' = 'shortcut-ignored',
): { problems: LibraryProblem[]; ignored: ReadonlySet<string> } {
  const problems: LibraryProblem[] = []
  const ignored = new Set<string>()
  const owners: { entry: Entry; keys: Parameters<typeof sameKeys>[0] }[] = []
  for (const prompt of prompts) {
    if (prompt.shortcut === undefined) continue
    const report = (message: string, ref: ShortcutRef) => {
      ignored.add(prompt.source)
      problems.push({
        source: prompt.source,
        line: lineOf(prompt.source, 'shortcut'),
        field: 'shortcut',
        message: `${message} ${consequenceText[consequence]}`,
        key: ref.key,
        params: { ...ref.params, andThen: consequence },
      })
    }
    const parsed = parseShortcut(prompt.shortcut)
    if (!parsed.ok) {
      report(parsed.message, parsed)
      continue
    }
    const name = formatParsedShortcut(parsed.shortcut)
    const use = reservedUse(parsed.shortcut)
    if (use !== null) {
      report(`${name} is the editor's key for ${use}; choose another.`, {
        key: 'shortcut-reserved',
        params: { shortcut: name, use },
      })
      continue
    }
    const owner = owners.find((o) => o.entry.id !== prompt.id && sameKeys(o.keys, parsed.shortcut))
    if (owner) {
      report(`${name} is already the shortcut of "${owner.entry.id}" (${owner.entry.source}).`, {
        key: 'shortcut-taken',
        params: { shortcut: name, id: owner.entry.id, file: owner.entry.source },
      })
      continue
    }
    owners.push({ entry: prompt, keys: parsed.shortcut })
  }
  return { problems, ignored }
}

/**
 * Each id should exist in both languages. A missing twin is a warning: text in the other
 * language gets this file instead. `alsoPresent` names files that exist but did not load, so a
 * broken twin is reported once, by its own error.
 */
export function twinProblems(
  entries: readonly Entry[],
  noun: 'prompt' | 'persona',
  lineOf: FieldLine,
  alsoPresent: readonly Pick<Entry, 'id' | 'language'>[] = [],
): LibraryProblem[] {
  const present = new Set([...entries, ...alsoPresent].map((e) => `${e.language}:${e.id}`))
  const problems: LibraryProblem[] = []
  for (const entry of entries) {
    const other: Language = entry.language === 'en' ? 'zh' : 'en'
    if (present.has(`${other}:${entry.id}`)) continue
    problems.push({
      source: entry.source,
      line: lineOf(entry.source, 'id'),
      field: 'id',
      severity: 'warning',
      message: `"${entry.id}" has no ${languageNames[other]} version, so ${languageNames[other]} text gets this ${languageNames[entry.language]} ${noun}.`,
      key: `twin-missing-${noun}-${other}`,
      params: { id: entry.id },
    })
  }
  return problems
}
