import { QuireError, generateRequestSchema, type LanguageChoice } from '@shared/contract'
import type { PromptPreview, PromptPreviewRequest } from '@shared/prompts/libraryContract'
import type { LayeredLibrary } from './loadLibrary'
import { planGeneration } from './prepareGeneration'
import { findPersona } from './promptLibrary'

/**
 * The exact system and user messages, sampling values and post-processing steps a request
 * would run with — the same path as `generate`, minus fitting the text to a model's context.
 */
export function previewPrompt(
  library: LayeredLibrary,
  request: PromptPreviewRequest,
  languageSetting: LanguageChoice = 'auto',
): PromptPreview {
  const parsed = generateRequestSchema.safeParse(request)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.map(String).join('.')
    throw new QuireError(
      'invalid-request',
      `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid request'}`,
      'preview-invalid',
      { field: field ?? '', reason: issue?.message ?? 'invalid request' },
    )
  }
  const plan = planGeneration(library, parsed.data, languageSetting)
  const rendered = plan.render(parsed.data.before)
  const prompt = library.prompts.find((p) => p.source === plan.prompt.source)
  if (!prompt)
    throw new QuireError(
      'internal',
      `${plan.prompt.source} is not in the library.`,
      'prompt-gone',
      { file: plan.prompt.source },
    )
  const persona = findPersona(library, prompt.persona, rendered.language)
  return {
    promptId: prompt.id,
    title: prompt.title,
    kind: rendered.kind,
    apply: rendered.apply,
    language: rendered.language,
    promptLanguage: prompt.language,
    origin: prompt.origin,
    source: prompt.source,
    preset: prompt.preset,
    persona: prompt.persona,
    personaSource: persona.source,
    system: rendered.system,
    user: rendered.user,
    sampling: rendered.sampling,
    postprocess: prompt.postprocess,
    lora: rendered.lora,
  }
}
