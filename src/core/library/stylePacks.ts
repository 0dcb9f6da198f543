import { createHash } from 'node:crypto'
import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { QuireError, type Language } from '@shared/contract'
import { editFrontMatter } from '@shared/prompts/editFrontMatter'
import { replacementRulesSchema } from '@shared/prompts/libraryTypes'
import { parseJsonFile } from '@shared/prompts/jsonFile'
import { formatProblem, isErrorProblem } from '@shared/prompts/problems'
import { samplingPresetSchema } from '@shared/presets/schema'
import {
  parseStylePack,
  planStylePackImport,
  type LoraStatus,
  type StylePack,
  type StylePackPlan,
} from '@shared/stylepack'
import { writeFileAtomic } from '../settings/atomicWrite'
import type { LayerPaths } from './libraryPaths'
import type { LayeredLibrary } from './loadLibrary'
import { loraStatus } from './loraFiles'

export { exportStylePack } from './stylePackExport'

/** The largest pack Quire reads: packs hold text, never model weights. */
const MAX_PACK_BYTES = 20_000_000

function readPack(text: string, fileName: string): StylePack {
  if (text.length > MAX_PACK_BYTES)
    throw new QuireError(
      'invalid-request',
      `${fileName} is larger than 20 MB; a style pack holds text only, never model files.`,
      'pack-too-large',
      { file: fileName },
    )
  const parsed = parseStylePack(text, fileName)
  if (parsed.ok) return parsed.pack
  const [first, ...more] = parsed.problems
  const rest =
    more.length > 0 ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : ''
  throw new QuireError(
    'invalid-request',
    `${first ? formatProblem(first) : fileName}${rest}`,
    more.length > 0 ? 'pack-invalid-more' : 'pack-invalid',
    { problem: first ? formatProblem(first) : fileName, count: more.length },
  )
}

function userPaths(library: LayeredLibrary): LayerPaths {
  if (!library.userPaths)
    throw new QuireError(
      'internal',
      'This library was loaded without a user folder.',
      'no-user-folder',
    )
  return library.userPaths
}

/**
 * What importing a pack's text would do to the library: what it adds and replaces (the writer's
 * own files and bundled ones), its problems, and whether its LoRA adapters are present. Writes
 * nothing. A file that is not a readable pack is refused with a QuireError.
 */
export async function planPackImport(
  library: LayeredLibrary,
  dataDir: string,
  text: string,
  fileName: string,
): Promise<StylePackPlan> {
  const pack = readPack(text, fileName)
  const statuses = new Map<string, LoraStatus>()
  for (const ref of pack.lora)
    statuses.set(`${ref.file}:${ref.sha256}`, await loraStatus(dataDir, ref.file, ref.sha256))
  const plan = planStylePackImport(
    pack,
    fileName,
    library,
    (file, sha256) => statuses.get(`${file}:${sha256}`) ?? 'missing',
  )
  const fingerprint = createHash('sha256').update(text).update(JSON.stringify(plan)).digest('hex')
  return { ...plan, fingerprint }
}

async function backUp(file: string, backups: string[]): Promise<void> {
  try {
    await copyFile(file, `${file}.bak`)
    backups.push(`${file}.bak`)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error
  }
}

/**
 * A JSON file of the user folder the import merges into: null when it does not exist yet. One
 * that cannot be read is refused rather than overwritten, so an import never drops the
 * writer's own presets or rules.
 */
async function readJson<S extends z.ZodType>(schema: S, file: string): Promise<z.output<S> | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null
    throw new QuireError(
      'invalid-request',
      `Nothing was imported: ${file} could not be read (${String(error)}).`,
      'import-unreadable',
      { file, reason: String(error) },
    )
  }
  const parsed = parseJsonFile(schema, text, file)
  if (parsed.ok) return parsed.value
  const first = parsed.problems[0]
  throw new QuireError(
    'invalid-request',
    `Nothing was imported: fix ${first ? formatProblem(first) : file} first.`,
    'import-fix-first',
    { problem: first ? formatProblem(first) : file },
  )
}

/**
 * Imports a pack into the user folder exactly as its plan said: the plan's fingerprint must
 * match (else the library or pack changed since the writer saw it). Every file it replaces is
 * kept as `<file>.bak`.
 */
export async function applyPackImport(
  library: LayeredLibrary,
  dataDir: string,
  text: string,
  fileName: string,
  fingerprint: string,
): Promise<{ written: string[]; backups: string[] }> {
  const plan = await planPackImport(library, dataDir, text, fileName)
  if (plan.fingerprint !== fingerprint)
    throw new QuireError(
      'invalid-request',
      'The library or the pack changed since the import was previewed; look at the plan again.',
      'import-stale-plan',
    )
  const firstError = plan.problems.find(isErrorProblem)
  if (!plan.canApply)
    throw new QuireError(
      'invalid-request',
      `Nothing was imported: ${firstError ? formatProblem(firstError) : 'the pack has problems.'}`,
      'import-has-problems',
      { problem: firstError ? formatProblem(firstError) : '' },
    )
  const pack = readPack(text, fileName)
  const paths = userPaths(library)
  const written: string[] = []
  const backups: string[] = []
  const write = async (file: string, content: string) => {
    await backUp(file, backups)
    await writeFileAtomic(file, content)
    written.push(file)
  }

  const place = (
    entries: readonly { id: string; language: Language; origin: string; source: string }[],
    folder: string,
    id: string,
    language: Language,
  ) =>
    entries.find((e) => e.id === id && e.language === language && e.origin === 'user')?.source ??
    join(folder, language, `${id}.md`)
  // Both files are read before anything is written: one that cannot be read stops the import.
  const currentPresets =
    pack.presets.length > 0
      ? ((await readJson(z.object({ presets: z.array(samplingPresetSchema) }), paths.presets))
          ?.presets ?? [])
      : []
  const addsRules = plan.replacements.zh.length + plan.replacements.en.length > 0
  const currentRules = addsRules ? await readJson(replacementRulesSchema, paths.replacements) : null
  // What prompts refer to goes first, so a prompt never arrives before its persona or preset.
  if (pack.presets.length > 0) {
    const current = currentPresets
    const merged = new Map(current.map((p) => [p.id, p]))
    for (const preset of pack.presets) merged.set(preset.id, preset)
    await write(paths.presets, `${JSON.stringify({ presets: [...merged.values()] }, null, 2)}\n`)
  }
  if (addsRules) {
    const current = currentRules ?? { zh: [], en: [] }
    const next = {
      zh: [...current.zh, ...plan.replacements.zh],
      en: [...current.en, ...plan.replacements.en],
    }
    await write(paths.replacements, `${JSON.stringify(next, null, 2)}\n`)
  }
  for (const planned of plan.personas.filter((p) => p.action !== 'unchanged')) {
    const entry = pack.personas.find((p) => p.id === planned.id && p.language === planned.language)
    if (entry)
      await write(place(library.personas, paths.personas, planned.id, planned.language), entry.text)
  }
  for (const planned of plan.prompts.filter((p) => p.action !== 'unchanged')) {
    const entry = pack.prompts.find((p) => p.id === planned.id && p.language === planned.language)
    if (!entry) continue
    const content = planned.dropsShortcut
      ? (editFrontMatter(entry.text, { remove: ['shortcut'] }) ?? entry.text)
      : entry.text
    await write(place(library.prompts, paths.prompts, planned.id, planned.language), content)
  }
  return { written, backups }
}
