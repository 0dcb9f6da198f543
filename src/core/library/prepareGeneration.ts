import type { LanguageChoice, ParsedGenerateRequest } from '@shared/contract'
import { renderPrompt, type RenderedPrompt } from '@shared/prompts/render'
import type { PromptDefinition } from '@shared/prompts/schema'
import { detectLanguage } from '@shared/text/script'
import { findPersona, findPreset, findPrompt, type PromptLibrary } from './promptLibrary'

export type GenerationPlan = {
  prompt: PromptDefinition
  /** Renders the messages with a given `before` text (so it can be trimmed to fit). */
  render(before: string): RenderedPrompt
}

/**
 * Picks the language (the request's, else the writer's setting, else the selection's majority
 * script), the prompt file, its persona and preset, and returns how to render it.
 */
export function planGeneration(
  library: PromptLibrary,
  request: ParsedGenerateRequest,
  languageSetting: LanguageChoice = 'auto',
): GenerationPlan {
  const choice = request.language !== 'auto' ? request.language : languageSetting
  const language = choice === 'auto' ? detectLanguage(request.selection) : choice
  const prompt = findPrompt(library, request.promptId, language)
  const persona = findPersona(library, prompt.persona, language)
  const preset = findPreset(library, prompt.preset)
  return {
    prompt,
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
