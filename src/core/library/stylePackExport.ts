import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { QuireError } from '@shared/contract'
import type { LoraAdapterSpec, SamplingPreset } from '@shared/presets/schema'
import {
  packExportRequestSchema,
  serializeStylePack,
  stylePackExtension,
  stylePackVersion,
  type PackExportRequest,
  type PackFile,
  type PackLora,
  type StylePack,
} from '@shared/stylepack'
import type { LayeredLibrary } from './loadLibrary'
import { loraPath, sha256File } from './loraFiles'

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)]

async function filesOf(
  entries: readonly { id: string; language: PackFile['language']; source: string }[],
  id: string,
  noun: string,
): Promise<PackFile[]> {
  const matching = entries.filter((e) => e.id === id)
  if (matching.length === 0)
    throw new QuireError(
      'prompt-not-found',
      `There is no ${noun} "${id}" in the library.`,
      noun === 'prompt' ? 'no-such-prompt' : 'no-such-persona',
      { id },
    )
  return Promise.all(
    matching.map(async (e) => ({
      id: e.id,
      language: e.language,
      text: await readFile(e.source, 'utf8'),
    })),
  )
}

async function loraReference(dataDir: string, adapter: LoraAdapterSpec, usedBy: string) {
  const path = loraPath(dataDir, adapter.file)
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  )
  if (size === null)
    throw new QuireError(
      'lora-failed',
      `The LoRA adapter ${adapter.file}, used by "${usedBy}", is not at ${path}. A pack records each adapter's checksum, so the file must be there to export.`,
      'pack-lora-missing',
      { file: adapter.file, usedBy, path },
    )
  return { file: basename(adapter.file), sha256: await sha256File(path), sizeBytes: size }
}

/** A file name for a pack: its name without characters file systems refuse. */
function packFileName(name: string): string {
  const safe = [...name]
    .map((c) => (c < ' ' || '/\\:*?"<>|'.includes(c) ? '-' : c))
    .join('')
    .trim()
  return `${safe || 'style'}${stylePackExtension}`
}

/**
 * Builds a style pack from the library: each named prompt in both languages (default: every
 * prompt of the writer's own), the named personas and presets plus any non-bundled ones the
 * prompts use, the writer's replacement rules, and checksummed references to LoRA adapters.
 */
export async function exportStylePack(
  library: LayeredLibrary,
  dataDir: string,
  input: PackExportRequest,
): Promise<{ pack: StylePack; fileName: string; text: string }> {
  const request = packExportRequestSchema.parse(input)
  const promptIds = unique(
    request.prompts.length > 0
      ? request.prompts
      : library.prompts.filter((p) => p.origin !== 'bundled').map((p) => p.id),
  )
  if (promptIds.length === 0 && request.personas.length + request.presets.length === 0)
    throw new QuireError(
      'invalid-request',
      'You have no prompts of your own yet; name the prompts to put in the pack.',
      'pack-nothing-to-export',
    )
  const prompts = (
    await Promise.all(promptIds.map((id) => filesOf(library.prompts, id, 'prompt')))
  ).flat()
  const chosen = library.prompts.filter((p) => promptIds.includes(p.id))
  const own = (origin: string | undefined) => origin !== undefined && origin !== 'bundled'

  const personaIds = unique([
    ...request.personas,
    ...chosen
      .map((p) => p.persona)
      .filter((id) => own(library.personas.find((persona) => persona.id === id)?.origin)),
  ])
  const personas = (
    await Promise.all(personaIds.map((id) => filesOf(library.personas, id, 'persona')))
  ).flat()

  const presetIds = unique([
    ...request.presets,
    ...chosen.map((p) => p.preset).filter((id) => own(library.presetOrigins[id]?.origin)),
  ])
  const presets: SamplingPreset[] = presetIds.map((id) => {
    const preset = library.presets.find((p) => p.id === id)
    if (!preset)
      throw new QuireError(
        'prompt-not-found',
        `There is no sampling preset "${id}".`,
        'no-such-preset',
        { id },
      )
    return preset
  })

  const lora = new Map<string, PackLora>()
  const adapters = [
    ...chosen.flatMap((p) => p.lora.map((adapter) => ({ adapter, usedBy: p.id }))),
    ...presets.flatMap((p) => p.lora.map((adapter) => ({ adapter, usedBy: p.id }))),
  ]
  for (const { adapter, usedBy } of adapters) {
    if (lora.has(basename(adapter.file))) continue
    const reference = await loraReference(dataDir, adapter, usedBy)
    lora.set(reference.file, reference)
  }

  const name =
    request.name ??
    (chosen.length > 0 && promptIds.length === 1 ? (chosen[0]?.title ?? 'Style') : 'My style')
  const pack: StylePack = {
    format: 'quirepack',
    version: stylePackVersion,
    name,
    description: request.description ?? '',
    createdAt: new Date().toISOString(),
    prompts,
    personas,
    presets,
    replacements: { zh: [...library.replacements.zh], en: [...library.replacements.en] },
    lora: [...lora.values()],
  }
  return { pack, fileName: packFileName(name), text: serializeStylePack(pack) }
}
