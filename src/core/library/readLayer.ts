import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { languageSchema, type Language } from '@shared/contract'
import { frontMatterLine } from '@shared/prompts/frontMatter'
import {
  noReplacements,
  replacementRulesSchema,
  type PromptOrigin,
  type ReplacementRules,
} from '@shared/prompts/libraryTypes'
import { parsePersonaFile, parsePromptFile, type ParseResult } from '@shared/prompts/parsePrompt'
import type { LibraryProblem, Persona, PromptDefinition } from '@shared/prompts/schema'
import { presetFileSchema, samplingPresetSchema, type SamplingPreset } from '@shared/presets/schema'
import { parseJsonFile } from '@shared/prompts/jsonFile'
import { layerPaths, type LayerPaths } from './libraryPaths'

/** Everything one library folder holds, read and validated file by file. */
export type LibraryLayer = {
  origin: PromptOrigin
  paths: LayerPaths
  prompts: PromptDefinition[]
  personas: Persona[]
  presets: SamplingPreset[]
  replacements: ReplacementRules
  /** Files that exist but did not load, by the id their name suggests (for the twin check). */
  unloaded: { kind: 'prompt' | 'persona'; id: string; language: Language }[]
  problems: LibraryProblem[]
  /** Each loaded file's text, to find the line of a field later. */
  texts: Map<string, string>
}

const userPresetFileSchema = z.object({ presets: z.array(samplingPresetSchema) }).strict()

/** The longest prompt or persona file Quire reads, as the Library editor and packs allow. */
export const MAX_PROMPT_FILE_CHARS = 200_000
/** The largest presets.json or replacements.json Quire reads (2,000 rules a language fit). */
export const MAX_JSON_FILE_BYTES = 8_000_000

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
const errorCode = (error: unknown) => (error as { code?: string }).code

/** The `.md` files of a folder; a folder that cannot be listed (other than missing) is a problem. */
async function markdownFiles(folder: string, layer: LibraryLayer): Promise<string[]> {
  try {
    const names = await readdir(folder)
    return names
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(folder, name))
  } catch (error) {
    if (errorCode(error) !== 'ENOENT')
      layer.problems.push({ source: folder, line: null, field: null, message: message(error) })
    return []
  }
}

/**
 * Reads a text file no larger than the bound, checking its size before reading it: a 10 MB
 * prompt body would slow every library load down. Null when the file does not exist.
 */
async function readBounded(
  file: string,
  limit: { chars: number } | { bytes: number },
): Promise<string | null> {
  // UTF-8 takes at most 3 bytes a UTF-16 unit; past that the file cannot fit in any case.
  const maxBytes = 'bytes' in limit ? limit.bytes : limit.chars * 3
  const tooLarge = () =>
    new Error(
      'bytes' in limit
        ? `The file is larger than ${(limit.bytes / 1_000_000).toLocaleString('en')} MB, the most Quire reads; it is ignored.`
        : `The file is longer than ${limit.chars.toLocaleString('en')} characters, the most Quire reads for a prompt or persona; it is ignored.`,
    )
  try {
    if ((await stat(file)).size > maxBytes) throw tooLarge()
    const text = await readFile(file, 'utf8')
    if ('chars' in limit && text.length > limit.chars) throw tooLarge()
    return text
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

async function loadMarkdown<T extends { id: string; language: Language; source: string }>(
  root: string,
  kind: 'prompt' | 'persona',
  parse: (text: string, source: string, language: Language) => ParseResult<T>,
  layer: LibraryLayer,
): Promise<T[]> {
  const items: T[] = []
  const seen = new Map<string, string>()
  for (const language of languageSchema.options) {
    for (const file of await markdownFiles(join(root, language), layer)) {
      const unloaded = { kind, id: basename(file, '.md'), language }
      let text: string | null
      let result: ParseResult<T>
      try {
        text = await readBounded(file, { chars: MAX_PROMPT_FILE_CHARS })
        if (text === null) continue // removed since the folder was listed
        result = parse(text, file, language)
      } catch (error) {
        // One file never stops the library: whatever it throws is reported against it.
        layer.problems.push({ source: file, line: null, field: null, message: message(error) })
        layer.unloaded.push(unloaded)
        continue
      }
      if (!result.ok) {
        layer.problems.push(...result.problems)
        layer.unloaded.push(unloaded)
        continue
      }
      const key = `${language}:${result.value.id}`
      const first = seen.get(key)
      if (first !== undefined) {
        layer.problems.push({
          source: file,
          line: frontMatterLine(text, ['id']),
          field: 'id',
          message: `${first} already defines the ${kind} "${result.value.id}" in this language; this file is ignored.`,
          key: kind === 'prompt' ? 'duplicate-prompt' : 'duplicate-persona',
          params: { file: first, id: result.value.id },
        })
        continue
      }
      seen.set(key, file)
      layer.texts.set(file, text)
      items.push(result.value)
    }
  }
  return items
}

async function loadPresets(file: string, required: boolean, layer: LibraryLayer): Promise<void> {
  const text = await readBounded(file, { bytes: MAX_JSON_FILE_BYTES }).catch((error: unknown) => {
    layer.problems.push({ source: file, line: null, field: null, message: message(error) })
    return null
  })
  if (text === null) {
    if (required)
      layer.problems.push({
        source: file,
        line: null,
        field: null,
        message: 'The file is missing.',
        key: 'file-missing',
      })
    return
  }
  const parsed = parseJsonFile(required ? presetFileSchema : userPresetFileSchema, text, file)
  if (!parsed.ok) return void layer.problems.push(...parsed.problems)
  parsed.value.presets.forEach((preset, index) => {
    if (layer.presets.some((p) => p.id === preset.id)) {
      layer.problems.push({
        source: file,
        line: null,
        field: `presets.${index}.id`,
        message: `The preset "${preset.id}" is defined twice; the second is ignored.`,
        key: 'duplicate-preset',
        params: { id: preset.id },
      })
    } else layer.presets.push(preset)
  })
}

async function loadReplacements(file: string, layer: LibraryLayer): Promise<void> {
  const text = await readBounded(file, { bytes: MAX_JSON_FILE_BYTES }).catch((error: unknown) => {
    layer.problems.push({ source: file, line: null, field: null, message: message(error) })
    return null
  })
  if (text === null) return
  const parsed = parseJsonFile(replacementRulesSchema, text, file)
  if (parsed.ok) layer.replacements = parsed.value
  else layer.problems.push(...parsed.problems)
}

/**
 * Reads one library folder: prompts/{en,zh}, personas/{en,zh}, presets.json and
 * replacements.json. A file that cannot be read or fails validation is reported and skipped.
 */
export async function readLayer(root: string, origin: PromptOrigin): Promise<LibraryLayer> {
  const paths = layerPaths(root)
  const layer: LibraryLayer = {
    origin,
    paths,
    prompts: [],
    personas: [],
    presets: [],
    replacements: noReplacements(),
    unloaded: [],
    problems: [],
    texts: new Map(),
  }
  await loadPresets(paths.presets, origin === 'bundled', layer)
  await loadReplacements(paths.replacements, layer)
  layer.personas = await loadMarkdown(paths.personas, 'persona', parsePersonaFile, layer)
  layer.prompts = await loadMarkdown(paths.prompts, 'prompt', parsePromptFile, layer)
  return layer
}
