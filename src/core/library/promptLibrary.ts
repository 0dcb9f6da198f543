import { QuireError, type Language, type PromptSummary } from '@shared/contract'
import type { LibraryProblem, Persona, PromptDefinition } from '@shared/prompts/schema'
import type { SamplingPreset } from '@shared/presets/schema'
import { loadLibrary, type LayeredLibrary } from './loadLibrary'

/** The loaded prompt library: prompts, personas and presets, plus every problem found. */
export type PromptLibrary = {
  prompts: PromptDefinition[]
  personas: Persona[]
  presets: SamplingPreset[]
  problems: LibraryProblem[]
}

/**
 * Loads the bundled library from a resources folder (prompts/{en,zh}, personas/{en,zh},
 * presets.json). A malformed file is reported and skipped; the rest loads. For the user's and an
 * extra folder on top, see `loadLibrary`.
 */
export async function loadPromptLibrary(resourcesDir: string): Promise<LayeredLibrary> {
  return loadLibrary({ resourcesDir })
}

/** Finds a prompt by id in a language, falling back to the other language's file. */
export function findPrompt<L extends PromptLibrary>(
  library: L,
  id: string,
  language: Language,
): L['prompts'][number] {
  const prompt =
    library.prompts.find((p) => p.id === id && p.language === language) ??
    library.prompts.find((p) => p.id === id)
  if (!prompt)
    throw new QuireError(
      'prompt-not-found',
      `There is no prompt "${id}" in the library.`,
      'no-such-prompt',
      { id },
    )
  return prompt
}

/** Finds a persona in a language, falling back to the other language's file. */
export function findPersona<L extends PromptLibrary>(
  library: L,
  id: string,
  language: Language,
): L['personas'][number] {
  const persona =
    library.personas.find((p) => p.id === id && p.language === language) ??
    library.personas.find((p) => p.id === id)
  if (!persona)
    throw new QuireError(
      'prompt-not-found',
      `There is no persona "${id}" in the library.`,
      'no-such-persona',
      { id },
    )
  return persona
}

/** Finds a sampling preset by id. */
export function findPreset(library: PromptLibrary, id: string): SamplingPreset {
  const preset = library.presets.find((p) => p.id === id)
  if (!preset)
    throw new QuireError(
      'prompt-not-found',
      `There is no sampling preset "${id}".`,
      'no-such-preset',
      { id },
    )
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
    checks: p.checks,
  }))
}
