import type { LanguageChoice, Language, ParsedGenerateCall } from '@shared/contract'
import type { PhrasePair } from '@shared/postprocess'
import { planGeneration } from '../library/prepareGeneration'
import type { PromptLibrary } from '../library/promptLibrary'
import type { PreparedRequest } from './generationService'

/** Stands for the text before the selection in a rendered prompt; the engine puts in what fits. */
export const BEFORE_MARKER = '\u{F0000}before\u{F0001}'

export type PrepareOptions = {
  /** The writer's prompt language setting. */
  languageSetting: LanguageChoice
  /** Where a LoRA adapter named in a prompt or preset is on disk. */
  loraFile: (file: string) => string
  /** The phrase replacements for a language (Settings, else defaults, then style packs). */
  replacements: (language: Language) => PhrasePair[]
}

/**
 * Turns a contract request into what the GenerationService runs: the prompt rendered with a
 * marker where `before` goes (fitted to the context by the backend), the sampling values, and
 * how to finish the answer. Throws a QuireError for a prompt that does not exist.
 */
export function prepareRequest(
  library: PromptLibrary,
  call: ParsedGenerateCall,
  options: PrepareOptions,
): PreparedRequest {
  const plan = planGeneration(library, call, options.languageSetting)
  const marked = plan.render(BEFORE_MARKER)
  const bare = plan.render('')
  return {
    job: {
      prompt: {
        kind: 'fit',
        system: marked.system,
        user: marked.user,
        marker: BEFORE_MARKER,
        before: call.before,
        bareUser: bare.user,
        selection: call.selection,
      },
      sampling: marked.sampling,
      seed: call.seed,
      lora: marked.lora.map((adapter) => ({
        file: options.loraFile(adapter.file),
        scale: adapter.scale,
      })),
    },
    deadlineAt: Date.now() + call.deadlineMs,
    continuation: plan.prompt.kind === 'continue',
    finishing: {
      steps: plan.prompt.postprocess,
      language: marked.language,
      replacements: options.replacements(marked.language),
    },
  }
}
