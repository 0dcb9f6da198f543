import { describeAction } from '@shared/compare/applyOverrides'
import {
  QuireError,
  type LanguageChoice,
  type Language,
  type ParsedGenerateCall,
} from '@shared/contract'
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
  /** The model in use (its name, or the remote model id), when one is; checked against a configuration's `model`. */
  modelInUse?: () => string | null
}

/** Refuses a configuration made for another model than the one in use. */
function checkModel(wanted: string | undefined, inUse: string | null | undefined): void {
  if (wanted === undefined || !inUse || wanted === inUse) return
  throw new QuireError(
    'invalid-request',
    `This configuration runs on the model "${wanted}", but "${inUse}" is in use. Load that model or leave the model out of the configuration.`,
    'config-model-mismatch',
    { wanted, inUse },
  )
}

/**
 * Turns a contract request into what the GenerationService runs: the prompt rendered with a
 * marker where `before` goes (fitted to the context by the backend), the request's
 * configuration overrides applied, the sampling values, the configuration described, and how to
 * finish the answer. Throws a QuireError for a prompt, preset or persona that does not exist, an
 * unreadable template or another model than the one in use.
 */
export function prepareRequest(
  library: PromptLibrary,
  call: ParsedGenerateCall,
  options: PrepareOptions,
): PreparedRequest {
  checkModel(call.overrides?.model, options.modelInUse?.())
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
    configuration: describeAction(plan.parts, marked),
    deadlineAt: Date.now() + call.deadlineMs,
    continuation: plan.prompt.kind === 'continue',
    finishing: {
      steps: plan.prompt.postprocess,
      language: marked.language,
      replacements: options.replacements(marked.language),
    },
  }
}
