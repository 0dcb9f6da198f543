import type { LanguageChoice, ParsedGenerateRequest } from '@shared/contract'
import { applyOverrides, type ActionParts } from '@shared/compare/applyOverrides'
import { renderPrompt, type RenderedPrompt } from '@shared/prompts/render'
import type { PromptDefinition } from '@shared/prompts/schema'
import { detectLanguage } from '@shared/text/script'
import { findPersona, findPreset, findPrompt, type PromptLibrary } from './promptLibrary'

export type GenerationPlan = {
  prompt: PromptDefinition
  /** The prompt, persona and preset rendered, the request's overrides applied. */
  parts: ActionParts
  /** Renders the messages with a given `before` text (so it can be trimmed to fit). */
  render(before: string): RenderedPrompt
}

/**
 * Picks the language (the request's, else the writer's setting, else the selection's majority
 * script), the prompt file, its persona and preset, applies the request's overrides (a
 * configuration's preset, sampling values, persona, LoRA set, template), and returns how to
 * render it.
 */
export function planGeneration(
  library: PromptLibrary,
  request: ParsedGenerateRequest,
  languageSetting: LanguageChoice = 'auto',
): GenerationPlan {
  const choice = request.language !== 'auto' ? request.language : languageSetting
  const language = choice === 'auto' ? detectLanguage(request.selection) : choice
  const found = findPrompt(library, request.promptId, language)
  const parts = applyOverrides(
    {
      prompt: found,
      persona: findPersona(library, found.persona, language),
      preset: findPreset(library, found.preset),
    },
    request.overrides,
    {
      preset: (id) => findPreset(library, id),
      persona: (id) => findPersona(library, id, language),
    },
  )
  const { prompt, persona, preset } = parts
  return {
    prompt,
    parts,
    render: (before) => {
      const rendered = renderPrompt(prompt, persona, preset, {
        selection: request.selection,
        before,
        after: request.after,
        title: request.title,
        language,
        variables: request.variables,
      })
      if (request.maxTokens !== undefined) rendered.sampling.maxTokens = request.maxTokens
      return rendered
    },
  }
}

/** The messages for a request with its whole `before` text. */
export function prepareGeneration(
  library: PromptLibrary,
  request: ParsedGenerateRequest,
): RenderedPrompt {
  return planGeneration(library, request).render(request.before)
}
