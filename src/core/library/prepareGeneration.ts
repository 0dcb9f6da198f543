import type { ParsedGenerateRequest } from '@shared/contract'
import { renderPrompt, type RenderedPrompt } from '@shared/prompts/render'
import { detectLanguage } from '@shared/text/script'
import { findPersona, findPreset, findPrompt, type PromptLibrary } from './promptLibrary'

/**
 * Turns a generate request into the exact messages and sampling values: picks the language
 * (auto: the selection's majority script), the prompt file, its persona and preset.
 */
export function prepareGeneration(
  library: PromptLibrary,
  request: ParsedGenerateRequest,
): RenderedPrompt {
  const language =
    request.language === 'auto' ? detectLanguage(request.selection) : request.language
  const prompt = findPrompt(library, request.promptId, language)
  const rendered = renderPrompt(
    prompt,
    findPersona(library, prompt.persona, language),
    findPreset(library, prompt.preset),
    {
      selection: request.selection,
      before: request.before,
      after: request.after,
      title: request.title,
      language,
      variables: request.variables,
    },
  )
  if (request.maxTokens !== undefined) rendered.sampling.maxTokens = request.maxTokens
  return rendered
}
