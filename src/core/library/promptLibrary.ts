import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { QuireError, languageSchema, type Language, type PromptSummary } from '@shared/contract'
import { parsePersonaFile, parsePromptFile, type ParseResult } from '@shared/prompts/parsePrompt'
import type { LibraryProblem, Persona, PromptDefinition } from '@shared/prompts/schema'
import { presetFileSchema, type SamplingPreset } from '@shared/presets/schema'

/** The loaded prompt library: prompts, personas and presets, plus every problem found. */
export type PromptLibrary = {
  prompts: PromptDefinition[]
  personas: Persona[]
  presets: SamplingPreset[]
  problems: LibraryProblem[]
}

async function markdownFiles(folder: string): Promise<string[]> {
  try {
    const names = await readdir(folder)
    return names
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(folder, name))
  } catch {
    return []
  }
}

async function loadFolder<T>(
  root: string,
  parse: (text: string, source: string, language: Language) => ParseResult<T>,
  problems: LibraryProblem[],
): Promise<T[]> {
  const items: T[] = []
  for (const language of languageSchema.options) {
    for (const file of await markdownFiles(join(root, language))) {
      const result = parse(await readFile(file, 'utf8'), file, language)
      if (result.ok) items.push(result.value)
      else problems.push(...result.problems)
    }
  }
  return items
}

async function loadPresets(file: string, problems: LibraryProblem[]): Promise<SamplingPreset[]> {
  try {
    const parsed = presetFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    if (parsed.success) return parsed.data.presets
    for (const issue of parsed.error.issues) {
      problems.push({
        source: file,
        line: null,
        field: issue.path.map(String).join('.'),
        message: issue.message,
      })
    }
  } catch (error) {
    problems.push({
      source: file,
      line: null,
      field: null,
      message: error instanceof Error ? error.message : String(error),
    })
  }
  return []
}

/**
 * Loads the bundled library from a resources folder (prompts/{en,zh}, personas/{en,zh},
 * presets.json). A malformed file is reported and skipped; the rest loads.
 */
export async function loadPromptLibrary(resourcesDir: string): Promise<PromptLibrary> {
  const problems: LibraryProblem[] = []
  const presets = await loadPresets(join(resourcesDir, 'presets.json'), problems)
  const personas = await loadFolder(join(resourcesDir, 'personas'), parsePersonaFile, problems)
  const candidates = await loadFolder(join(resourcesDir, 'prompts'), parsePromptFile, problems)
  const prompts: PromptDefinition[] = []
  for (const prompt of candidates) {
    const missing = [
      presets.some((p) => p.id === prompt.preset)
        ? null
        : { field: 'preset', message: `Unknown preset "${prompt.preset}".` },
      personas.some((p) => p.id === prompt.persona)
        ? null
        : { field: 'persona', message: `Unknown persona "${prompt.persona}".` },
    ].filter((problem) => problem !== null)
    if (missing.length === 0) prompts.push(prompt)
    else
      problems.push(
        ...missing.map((problem) => ({ source: prompt.source, line: null, ...problem })),
      )
  }
  return { prompts, personas, presets, problems }
}

/** Finds a prompt by id in a language, falling back to the other language's file. */
export function findPrompt(
  library: PromptLibrary,
  id: string,
  language: Language,
): PromptDefinition {
  const prompt =
    library.prompts.find((p) => p.id === id && p.language === language) ??
    library.prompts.find((p) => p.id === id)
  if (!prompt)
    throw new QuireError('prompt-not-found', `There is no prompt "${id}" in the library.`)
  return prompt
}

/** Finds a persona in a language, falling back to the other language's file. */
export function findPersona(library: PromptLibrary, id: string, language: Language): Persona {
  const persona =
    library.personas.find((p) => p.id === id && p.language === language) ??
    library.personas.find((p) => p.id === id)
  if (!persona)
    throw new QuireError('prompt-not-found', `There is no persona "${id}" in the library.`)
  return persona
}

export function findPreset(library: PromptLibrary, id: string): SamplingPreset {
  const preset = library.presets.find((p) => p.id === id)
  if (!preset) throw new QuireError('prompt-not-found', `There is no sampling preset "${id}".`)
  return preset
}

/** The summaries the editor lists, one per prompt file. */
export function summarizePrompts(library: PromptLibrary): PromptSummary[] {
  return library.prompts.map((p) => ({
    id: p.id,
    kind: p.kind,
    language: p.language,
    title: p.title,
    description: p.description,
    shortcut: p.shortcut ?? null,
    apply: p.apply,
    preset: p.preset,
    persona: p.persona,
    postprocess: p.postprocess,
    variables: p.variables,
  }))
}
