import type { Language, LanguageChoice } from '@shared/contract'
import { defaultReplacements, type PhrasePair } from '@shared/postprocess'
import type { Settings, SettingsPatch } from '@shared/settings/schema'

export const languages = ['zh', 'en'] as const satisfies readonly Language[]

export type PhraseRow = { key: number; from: string; to: string }
/** One language's clean-up list: Quire's defaults, or the writer's own rows. */
export type PhraseDraft = { useDefaults: boolean; rows: PhraseRow[] }

/** What the writer is editing: numbers stay text, so whatever was typed is kept as typed. */
export type SettingsDraft = {
  promptLanguage: LanguageChoice
  backend: Settings['engine']['backend']
  /** Empty means automatic (one thread per physical core). */
  threads: string
  contextSize: string
  gpu: Settings['engine']['gpu']
  /** Empty means automatic (as many as fit). */
  gpuLayers: string
  sequences: string
  remoteUrl: string
  remoteModel: string
  timeoutSeconds: string
  replacements: Record<Language, PhraseDraft>
  /** A new API key to store; never filled from the host. */
  apiKey: string
  /** Empty means the default folder (Documents/Quire). */
  documentsFolder: string
  autoSuggest: boolean
  /** Where `hf:` models download from; empty means Hugging Face (or HF_ENDPOINT). */
  hfEndpoint: string
}

export type NumberField = 'threads' | 'contextSize' | 'gpuLayers' | 'sequences' | 'timeoutSeconds'

/** A place an error can be shown: a draft field, one clean-up row, or the key field. */
export type FieldKey =
  | Exclude<keyof SettingsDraft, 'replacements'>
  | `phrases.${Language}`
  | `phrase.${Language}.${number}`

export type FieldErrors = Partial<Record<FieldKey, string>>
/** A problem found before sending: the field and what is wrong with it. */
export type LocalProblem = { field: FieldKey; kind: 'whole-number' | 'required' }

let nextRowKey = 1
/** A row with a key React can track across inserts and removals. */
export function phraseRow(from = '', to = ''): PhraseRow {
  return { key: nextRowKey++, from, to }
}

const rowsOf = (pairs: readonly PhrasePair[]): PhraseRow[] =>
  pairs.map(([from, to]) => phraseRow(from, to))

/** The draft for saved settings. */
export function toDraft(settings: Settings): SettingsDraft {
  const { engine, remote } = settings
  const phrases = (language: Language): PhraseDraft => {
    const own = settings.replacements[language]
    return { useDefaults: own === null, rows: rowsOf(own ?? defaultReplacements[language]) }
  }
  return {
    promptLanguage: settings.promptLanguage,
    backend: engine.backend,
    threads: engine.threads === 0 ? '' : String(engine.threads),
    contextSize: String(engine.contextSize),
    gpu: engine.gpu,
    gpuLayers: engine.gpuLayers === 'auto' ? '' : String(engine.gpuLayers),
    sequences: String(engine.sequences),
    remoteUrl: remote.baseUrl,
    remoteModel: remote.model,
    timeoutSeconds: String(remote.timeoutMs / 1000),
    replacements: { zh: phrases('zh'), en: phrases('en') },
    apiKey: '',
    documentsFolder: settings.documentsFolder,
    autoSuggest: settings.autoSuggest,
    hfEndpoint: settings.hfEndpoint,
  }
}

type Parsed<T> = { value: T } | { problem: LocalProblem['kind'] }

/** A whole number typed by the writer; `empty` is what an empty field means, when it may be empty. */
function wholeNumber(text: string): Parsed<number>
function wholeNumber<T>(text: string, empty: T): Parsed<number | T>
function wholeNumber<T>(text: string, empty?: T): Parsed<number | T> {
  const trimmed = text.trim()
  if (trimmed === '') return empty === undefined ? { problem: 'required' } : { value: empty }
  return /^\d+$/.test(trimmed) ? { value: Number(trimmed) } : { problem: 'whole-number' }
}

/** The rows worth sending (blank rows are dropped) and the row each one came from. */
export function phrasesToSend(draft: PhraseDraft): { pairs: PhrasePair[] | null; keys: number[] } {
  if (draft.useDefaults) return { pairs: null, keys: [] }
  const kept = draft.rows.filter((row) => row.from !== '' || row.to !== '')
  return { pairs: kept.map((row) => [row.from, row.to]), keys: kept.map((row) => row.key) }
}

export type Changes = {
  /** Only the settings that differ from the saved ones. */
  patch: SettingsPatch
  problems: LocalProblem[]
  /** Whether the model is reloaded (or the server switched) when the patch is applied. */
  touchesEngine: boolean
}

/** Compares the draft with the saved settings: the patch to send, and what cannot be sent yet. */
export function changesOf(saved: Settings, draft: SettingsDraft): Changes {
  const problems: LocalProblem[] = []
  const read = <T>(field: FieldKey, parsed: Parsed<T>): T | undefined => {
    if ('value' in parsed) return parsed.value
    problems.push({ field, kind: parsed.problem })
    return undefined
  }
  const ifChanged = <T>(next: T | undefined, previous: T): T | undefined =>
    next === undefined || next === previous ? undefined : next

  const engine: NonNullable<SettingsPatch['engine']> = {
    backend: ifChanged(draft.backend, saved.engine.backend),
    threads: ifChanged(read('threads', wholeNumber(draft.threads, 0)), saved.engine.threads),
    contextSize: ifChanged(
      read('contextSize', wholeNumber(draft.contextSize)),
      saved.engine.contextSize,
    ),
    gpu: ifChanged(draft.gpu, saved.engine.gpu),
    gpuLayers: ifChanged(
      read('gpuLayers', wholeNumber(draft.gpuLayers, 'auto' as const)),
      saved.engine.gpuLayers,
    ),
    sequences: ifChanged(read('sequences', wholeNumber(draft.sequences)), saved.engine.sequences),
  }
  const seconds = read('timeoutSeconds', wholeNumber(draft.timeoutSeconds))
  const remote: NonNullable<SettingsPatch['remote']> = {
    baseUrl: ifChanged(draft.remoteUrl.trim(), saved.remote.baseUrl),
    model: ifChanged(draft.remoteModel.trim(), saved.remote.model),
    timeoutMs: ifChanged(
      seconds === undefined ? undefined : seconds * 1000,
      saved.remote.timeoutMs,
    ),
  }
  const replacements: NonNullable<SettingsPatch['replacements']> = {}
  for (const language of languages) {
    const { pairs } = phrasesToSend(draft.replacements[language])
    if (JSON.stringify(pairs) !== JSON.stringify(saved.replacements[language]))
      replacements[language] = pairs
  }

  const patch: SettingsPatch = {}
  const defined = <T extends object>(group: T): T | undefined => {
    const entries = Object.entries(group).filter(([, value]) => value !== undefined)
    return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined
  }
  if (draft.promptLanguage !== saved.promptLanguage) patch.promptLanguage = draft.promptLanguage
  if (draft.autoSuggest !== saved.autoSuggest) patch.autoSuggest = draft.autoSuggest
  if (draft.documentsFolder.trim() !== saved.documentsFolder)
    patch.documentsFolder = draft.documentsFolder.trim()
  if (draft.hfEndpoint.trim() !== saved.hfEndpoint) patch.hfEndpoint = draft.hfEndpoint.trim()
  const engineChange = defined(engine)
  const remoteChange = defined(remote)
  const replacementChange = defined(replacements)
  if (engineChange) patch.engine = engineChange
  if (remoteChange) patch.remote = remoteChange
  if (replacementChange) patch.replacements = replacementChange

  // Engine values reload the local model; server values matter only while a server is used.
  const touchesEngine =
    engineChange !== undefined || (remoteChange !== undefined && draft.backend === 'remote')
  return { patch, problems, touchesEngine }
}

/** The field keys one draft edit may clear errors from. */
export function fieldsOfEdit(before: SettingsDraft, after: SettingsDraft): FieldKey[] {
  const changed: FieldKey[] = []
  for (const key of Object.keys(after) as (keyof SettingsDraft)[]) {
    if (key === 'replacements' || before[key] === after[key]) continue
    changed.push(key)
  }
  for (const language of languages) {
    const was = before.replacements[language]
    const now = after.replacements[language]
    if (was === now) continue
    changed.push(`phrases.${language}`)
    const previous = new Map(was.rows.map((row) => [row.key, row]))
    for (const row of now.rows)
      if (previous.get(row.key) !== row) changed.push(`phrase.${language}.${row.key}`)
  }
  return changed
}

/** What is wrong with a clean-up row the host refused, when the row itself shows it. */
export function phraseRowProblem(
  draft: SettingsDraft,
  field: FieldKey,
): 'empty' | 'contains' | null {
  const match = /^phrase\.(zh|en)\.(\d+)$/.exec(field)
  if (!match) return null
  const row = draft.replacements[match[1] as Language].rows.find(
    (candidate) => candidate.key === Number(match[2]),
  )
  if (!row) return null
  if (row.from === '') return 'empty'
  return row.to.includes(row.from) ? 'contains' : null
}
