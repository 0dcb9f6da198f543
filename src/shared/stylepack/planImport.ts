import { z } from 'zod'
import { languageSchema, type Language } from '../contract/schemas'
import { phrasePairsSchema, type PhrasePair } from '../postprocess/stepSpec'
import { frontMatterLine } from '../prompts/frontMatter'
import { libraryProblemSchema } from '../prompts/libraryContract'
import {
  inShortcutOrder,
  referenceProblems,
  shortcutProblems,
  twinProblems,
  type FieldLine,
} from '../prompts/libraryChecks'
import {
  MAX_REPLACEMENT_RULES,
  promptOriginSchema,
  type PromptOrigin,
} from '../prompts/libraryTypes'
import { parsePersonaFile, parsePromptFile, type ParseResult } from '../prompts/parsePrompt'
import { isErrorProblem } from '../prompts/problems'
import type { LibraryProblem, PromptDefinition } from '../prompts/schema'
import { packLoraSchema, type PackFile, type StylePack } from './format'

const plannedFileSchema = z.object({
  id: z.string(),
  language: languageSchema,
  title: z.string(),
  /** `unchanged`: the library already has this very file; nothing is written. */
  action: z.enum(['add', 'replace', 'unchanged']),
  /** What the import hides or overwrites: the writer's own file, a bundled one, an extra-folder one. */
  replaces: promptOriginSchema.nullable(),
  /** The prompt's shortcut is taken; it is imported without one. */
  dropsShortcut: z.boolean(),
})

/** What importing a pack would do, shown before anything is written. */
export const stylePackPlanSchema = z.object({
  name: z.string(),
  description: z.string(),
  prompts: z.array(plannedFileSchema),
  personas: z.array(plannedFileSchema),
  presets: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      action: z.enum(['add', 'replace']),
      replaces: promptOriginSchema.nullable(),
    }),
  ),
  /** Only the rules not already in the writer's list. */
  replacements: z.object({ zh: phrasePairsSchema, en: phrasePairsSchema }),
  lora: z.array(packLoraSchema.extend({ status: z.enum(['present', 'missing', 'different']) })),
  problems: z.array(libraryProblemSchema),
  /** False when the pack has errors, or nothing to import. */
  canApply: z.boolean(),
  /** Ties an apply to this very plan: it is refused if the pack or the library changed since. */
  fingerprint: z.string(),
})
export type StylePackPlan = z.output<typeof stylePackPlanSchema>
export type PlannedFile = z.output<typeof plannedFileSchema>
export type LoraStatus = StylePackPlan['lora'][number]['status']

/** The parts of the current library a plan compares against. */
export type PlanLibrary = {
  prompts: readonly (PromptDefinition & { origin: PromptOrigin })[]
  personas: readonly { id: string; language: Language; origin: PromptOrigin; source: string }[]
  presets: readonly { id: string }[]
  presetOrigins: Readonly<Record<string, { origin: PromptOrigin }>>
  replacements: Readonly<Record<Language, readonly PhrasePair[]>>
  lineOf: FieldLine
  textOf: (source: string) => string | undefined
}

/** Where a pack entry is, for problems: `pack.quirepack#prompts/en/rewrite.x.md`. */
export const packEntrySource = (pack: string, kind: 'prompts' | 'personas', file: PackFile) =>
  `${pack}#${kind}/${file.language}/${file.id}.md`

type Entry = { id: string; language: Language; title: string; source: string }
type Existing = { id: string; language: Language; origin: PromptOrigin; source: string }

/** One file of the library: the same id in another language is another file. */
const fileKey = (file: { id: string; language: Language }) => `${file.language}:${file.id}`
/** Rules compare by both sides; JSON keeps the two strings apart whatever they contain. */
const ruleKey = (rule: PhrasePair) => JSON.stringify(rule)

/** The first file of each key, as `find` would have picked it. */
function byFileKey(files: readonly Existing[]): Map<string, Existing> {
  const map = new Map<string, Existing>()
  for (const file of files) if (!map.has(fileKey(file))) map.set(fileKey(file), file)
  return map
}

function parseEntries<T extends Entry>(
  files: readonly PackFile[],
  kind: 'prompts' | 'personas',
  packSource: string,
  parse: (text: string, source: string, language: Language) => ParseResult<T>,
  problems: LibraryProblem[],
): (T & { text: string })[] {
  const seen = new Set<string>()
  const parsed: (T & { text: string })[] = []
  for (const file of files) {
    const source = packEntrySource(packSource, kind, file)
    const result = parse(file.text, source, file.language)
    if (!result.ok) {
      problems.push(...result.problems)
      continue
    }
    const key = `${file.language}:${result.value.id}`
    if (result.value.id !== file.id || seen.has(key)) {
      problems.push({
        source,
        line: frontMatterLine(file.text, ['id']),
        field: 'id',
        message:
          result.value.id !== file.id
            ? `The file says its id is "${result.value.id}", but the pack lists it as "${file.id}".`
            : `The pack holds "${file.id}" twice in this language.`,
        key: result.value.id !== file.id ? 'pack-id-mismatch' : 'pack-id-twice',
        params: { id: result.value.id, listed: file.id },
      })
      continue
    }
    seen.add(key)
    parsed.push({ ...result.value, text: file.text })
  }
  return parsed
}

/**
 * Works out what importing a pack into the user folder would add and replace, and what would be
 * wrong with it, against the current library. Pure: LoRA files are checked by the caller.
 */
export function planStylePackImport(
  pack: StylePack,
  packSource: string,
  library: PlanLibrary,
  loraStatus: (file: string, sha256: string) => LoraStatus,
): Omit<StylePackPlan, 'fingerprint'> {
  const problems: LibraryProblem[] = []
  const personas = parseEntries(pack.personas, 'personas', packSource, parsePersonaFile, problems)
  const prompts = parseEntries(pack.prompts, 'prompts', packSource, parsePromptFile, problems)
  const texts = new Map(prompts.map((p) => [p.source, p.text]))
  const lineOf: FieldLine = (source, field) => {
    const text = texts.get(source)
    return text === undefined ? library.lineOf(source, field) : frontMatterLine(text, [field])
  }

  const known = {
    presets: new Set([...library.presets, ...pack.presets].map((p) => p.id)),
    personas: new Set([...library.personas, ...personas].map((p) => p.id)),
  }
  const usable = prompts.filter((prompt) => {
    const missing = referenceProblems(prompt, known, lineOf)
    problems.push(...missing)
    return missing.length === 0
  })
  // The library as it would be: imported prompts take the place of the ones they replace.
  const after = new Map<string, PromptDefinition & { origin?: PromptOrigin }>(
    library.prompts.map((p) => [fileKey(p), p]),
  )
  for (const prompt of usable) after.set(fileKey(prompt), { ...prompt, origin: 'user' as const })
  const fromPack = new Set(usable.map((p) => p.source))
  const shortcuts = shortcutProblems(
    inShortcutOrder([...after.values()]),
    lineOf,
    'shortcut-dropped',
  )
  for (const problem of shortcuts.problems.filter((p) => fromPack.has(p.source)))
    problems.push({ ...problem, severity: 'warning' })
  problems.push(
    ...twinProblems([...after.values()], 'prompt', lineOf).filter((p) => fromPack.has(p.source)),
  )

  const planFile = (entry: Entry & { text: string }, existing: ReadonlyMap<string, Existing>) => {
    const current = existing.get(fileKey(entry))
    const same = current !== undefined && library.textOf(current.source) === entry.text
    return {
      id: entry.id,
      language: entry.language,
      title: entry.title,
      action: same ? 'unchanged' : current ? 'replace' : 'add',
      replaces: current?.origin ?? null,
      dropsShortcut: shortcuts.ignored.has(entry.source),
    } satisfies PlannedFile
  }

  const presetIds = new Set<string>()
  for (const [index, preset] of pack.presets.entries()) {
    if (presetIds.has(preset.id))
      problems.push({
        source: packSource,
        line: null,
        field: `presets.${index}.id`,
        message: `The pack holds the preset "${preset.id}" twice.`,
        key: 'pack-preset-twice',
        params: { id: preset.id },
      })
    presetIds.add(preset.id)
  }
  const newRules = (language: Language) => {
    const have = new Set(library.replacements[language].map(ruleKey))
    const added = pack.replacements[language].filter((rule) => !have.has(ruleKey(rule)))
    const total = library.replacements[language].length + added.length
    if (total > MAX_REPLACEMENT_RULES)
      problems.push({
        source: packSource,
        line: null,
        field: `replacements.${language}`,
        message: `Importing would give you ${total.toLocaleString('en')} ${language === 'zh' ? 'Chinese' : 'English'} replacement rules; Quire reads at most ${MAX_REPLACEMENT_RULES.toLocaleString('en')} per language. Remove some rules from the pack or from your replacements.json first.`,
        key: language === 'zh' ? 'pack-too-many-rules-zh' : 'pack-too-many-rules-en',
        params: { total, max: MAX_REPLACEMENT_RULES },
      })
    return added
  }
  const lora = pack.lora.map((ref) => ({ ...ref, status: loraStatus(ref.file, ref.sha256) }))
  for (const ref of lora.filter((l) => l.status !== 'present'))
    problems.push({
      source: packSource,
      line: null,
      field: 'lora',
      severity: 'warning',
      message:
        ref.status === 'missing'
          ? `The LoRA adapter ${ref.file} is not in your lora folder; prompts that use it will not run until you add it.`
          : `Your lora folder has a different ${ref.file} (its SHA-256 does not match the pack's); prompts that use it may sound different.`,
      key: ref.status === 'missing' ? 'pack-lora-not-here' : 'pack-lora-differs',
      params: { file: ref.file },
    })

  const promptsByKey = byFileKey(library.prompts)
  const personasByKey = byFileKey(library.personas)
  const plan = {
    name: pack.name,
    description: pack.description,
    prompts: usable.map((p) => planFile(p, promptsByKey)),
    personas: personas.map((p) => planFile(p, personasByKey)),
    presets: [...new Map(pack.presets.map((p) => [p.id, p])).values()].map((preset) => {
      const current = library.presetOrigins[preset.id]
      return {
        id: preset.id,
        title: preset.title,
        action: current ? ('replace' as const) : ('add' as const),
        replaces: current?.origin ?? null,
      }
    }),
    replacements: { zh: newRules('zh'), en: newRules('en') },
    lora,
    problems,
  }
  const changes = (files: PlannedFile[]) => files.filter((f) => f.action !== 'unchanged').length
  const empty =
    changes(plan.prompts) + changes(plan.personas) + plan.presets.length === 0 &&
    plan.replacements.zh.length + plan.replacements.en.length === 0
  if (empty && !problems.some(isErrorProblem))
    problems.push({
      source: packSource,
      line: null,
      field: null,
      message: 'The pack holds nothing to import.',
      key: 'pack-empty',
    })
  return {
    ...plan,
    problems: problems.map((p) => ({ ...p, severity: p.severity ?? 'error' })),
    canApply: !problems.some(isErrorProblem),
  }
}
