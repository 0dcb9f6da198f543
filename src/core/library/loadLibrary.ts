import { stat } from 'node:fs/promises'
import { frontMatterLine } from '@shared/prompts/frontMatter'
import {
  inShortcutOrder,
  referenceProblems,
  shortcutProblems,
  twinProblems,
  type FieldLine,
} from '@shared/prompts/libraryChecks'
import type { PromptOrigin, ReplacementRules } from '@shared/prompts/libraryTypes'
import type { Persona, PromptDefinition } from '@shared/prompts/schema'
import type { SamplingPreset } from '@shared/presets/schema'
import { layerPaths, type LayerPaths } from './libraryPaths'
import type { PromptLibrary } from './promptLibrary'
import { readLayer, type LibraryLayer } from './readLayer'

/** Where an entry comes from, and whether it hides one with the same id (and language) below it. */
export type Provenance = { origin: PromptOrigin; overrides: boolean }
export type LibraryPrompt = PromptDefinition & Provenance
export type LibraryPersona = Persona & Provenance

/** The folders a library is loaded from: bundled, then an optional extra folder, then the user's. */
export type LibrarySources = {
  resourcesDir: string
  /** The user-data folder; its prompts/ and personas/ win over every other layer. */
  dataDir?: string | null
  /** An extra folder with the same layout, e.g. a shared drive; read, never written. */
  extraDir?: string | null
}

/** The merged library: the effective entries (later layers win), with where each came from. */
export type LayeredLibrary = Omit<PromptLibrary, 'prompts' | 'personas'> & {
  prompts: LibraryPrompt[]
  personas: LibraryPersona[]
  /** For each effective preset id. (Kept apart: preset objects flow into sampling values.) */
  presetOrigins: Record<string, Provenance>
  /** The writer's own replacements (extra folder, then user). */
  replacements: ReplacementRules
  userPaths: LayerPaths | null
  extraPaths: LayerPaths | null
  /** The line of a field in a loaded file. */
  lineOf: FieldLine
  /** A loaded prompt or persona file's text, as it was read. */
  textOf: (source: string) => string | undefined
}

function merge<T>(
  layers: readonly LibraryLayer[],
  pick: (layer: LibraryLayer) => T[],
  key: (item: T) => string,
) {
  const merged = new Map<string, T & Provenance>()
  for (const layer of layers) {
    for (const item of pick(layer)) {
      const k = key(item)
      merged.set(k, { ...item, origin: layer.origin, overrides: merged.has(k) })
    }
  }
  return merged
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/**
 * Loads the bundled library, then the extra folder, then the user's; an entry with the same id
 * (and language) in a later layer overrides the earlier one. Checks references, shortcuts and
 * twins across the merged result. Nothing here throws for a bad file.
 */
export async function loadLibrary(sources: LibrarySources): Promise<LayeredLibrary> {
  const layers = [await readLayer(sources.resourcesDir, 'bundled')]
  const extraProblems = []
  if (sources.extraDir) {
    if (await isFolder(sources.extraDir)) layers.push(await readLayer(sources.extraDir, 'extra'))
    else
      extraProblems.push({
        source: sources.extraDir,
        line: null,
        field: null,
        severity: 'warning' as const,
        message:
          'The extra prompt folder was not found; only the bundled and your own prompts are loaded.',
        key: 'extra-folder-missing',
      })
  }
  if (sources.dataDir) layers.push(await readLayer(sources.dataDir, 'user'))
  const problems = [...extraProblems, ...layers.flatMap((layer) => layer.problems)]
  const texts = new Map(layers.flatMap((layer) => [...layer.texts]))
  const lineOf: FieldLine = (source, field) => {
    const text = texts.get(source)
    return text === undefined ? null : frontMatterLine(text, [field])
  }

  const presets = merge(
    layers,
    (l) => l.presets,
    (p) => p.id,
  )
  const personas = merge(
    layers,
    (l) => l.personas,
    (p) => `${p.language}:${p.id}`,
  )
  const known = {
    presets: new Set(presets.keys()),
    personas: new Set([...personas.values()].map((p) => p.id)),
  }
  const unloaded = layers.flatMap((layer) => layer.unloaded)
  const usable = layers.map((layer) => ({
    ...layer,
    prompts: layer.prompts.filter((prompt) => {
      const missing = referenceProblems(prompt, known, lineOf)
      problems.push(...missing)
      if (missing.length > 0)
        unloaded.push({ kind: 'prompt', id: prompt.id, language: prompt.language })
      return missing.length === 0
    }),
  }))
  const merged = [
    ...merge(
      usable,
      (l) => l.prompts,
      (p) => `${p.language}:${p.id}`,
    ).values(),
  ]
  const shortcuts = shortcutProblems(inShortcutOrder(merged), lineOf)
  const prompts = merged.map((p) =>
    shortcuts.ignored.has(p.source) ? { ...p, shortcut: undefined } : p,
  )
  const twinsOf = (kind: 'prompt' | 'persona') => unloaded.filter((u) => u.kind === kind)
  problems.push(
    ...shortcuts.problems,
    ...twinProblems(prompts, 'prompt', lineOf, twinsOf('prompt')),
    ...twinProblems([...personas.values()], 'persona', lineOf, twinsOf('persona')),
  )

  const replacements: ReplacementRules = { zh: [], en: [] }
  for (const layer of layers.filter((l) => l.origin !== 'bundled')) {
    replacements.zh.push(...layer.replacements.zh)
    replacements.en.push(...layer.replacements.en)
  }
  const presetList: SamplingPreset[] = []
  const presetOrigins: Record<string, Provenance> = {}
  for (const { origin, overrides, ...preset } of presets.values()) {
    presetList.push(preset)
    presetOrigins[preset.id] = { origin, overrides }
  }
  return {
    prompts,
    personas: [...personas.values()],
    presets: presetList,
    presetOrigins,
    problems,
    replacements,
    userPaths: sources.dataDir ? layerPaths(sources.dataDir) : null,
    extraPaths: layers.find((l) => l.origin === 'extra')?.paths ?? null,
    lineOf,
    textOf: (source) => texts.get(source),
  }
}
