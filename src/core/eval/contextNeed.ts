import { randomUUID } from 'node:crypto'
import { generateCallSchema } from '@shared/contract'
import type { GenerationOverrides } from '@shared/compare/configuration'
import type { EvalSuite } from '@shared/eval'
import { firmerLanguageInstruction } from '../generation/firmerInstruction'
import { BEFORE_MARKER, prepareRequest } from '../generation/prepareRequest'
import type { PromptLibrary } from '../library/promptLibrary'

/** What a chat template adds around a system and a user message, at most (role markers, BOS). */
const TEMPLATE_TOKENS = 64

/** The context `quire eval` gives each sequence when every case fits in it. */
export const DEFAULT_EVAL_CONTEXT = 4096

/**
 * At most how many tokens a text becomes. A byte-level tokenizer (Qwen, Llama 3, GPT-2 style)
 * and SentencePiece with byte fallback never make more tokens than the text has UTF-8 bytes;
 * real vocabularies make far fewer (a Chinese character is 3 bytes, often 1 token or less).
 */
export function tokenBound(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * The context (tokens per sequence) in which every case of the suite fits under every
 * configuration, counted by upper bound: the system and user messages with the whole `before`,
 * the language retry's firmer instruction, the chat template and the answer's token budget. A
 * context this large never shortens a case's text. Cases that cannot be prepared (an unknown
 * prompt) are left out: running them reports why.
 */
export function suiteContextNeed(
  library: PromptLibrary,
  suite: EvalSuite,
  configurations: readonly { overrides: GenerationOverrides }[],
  maxTokens: number | undefined,
): number {
  let need = 0
  for (const { overrides } of configurations)
    for (const c of suite.cases) {
      let job
      try {
        const call = generateCallSchema.parse({
          requestId: randomUUID(),
          promptId: c.prompt,
          selection: c.selection,
          before: c.before,
          language: c.language,
          variables: c.variables,
          maxTokens,
          overrides,
        })
        job = prepareRequest(library, call, {
          languageSetting: 'auto',
          loraFile: (file) => file,
          replacements: () => [],
        }).job
      } catch {
        continue
      }
      if (job.prompt.kind !== 'fit') continue
      const user = job.prompt.user.split(BEFORE_MARKER).join(job.prompt.before)
      const retry = firmerLanguageInstruction(c.language)
      const tokens =
        tokenBound(job.prompt.system) +
        tokenBound(user) +
        tokenBound(retry) +
        TEMPLATE_TOKENS +
        job.sampling.maxTokens
      need = Math.max(need, tokens)
    }
  return need
}

/** The context `quire eval` asks for: the default, or more when a case needs more. */
export function evalContextSize(need: number): number {
  return Math.max(DEFAULT_EVAL_CONTEXT, need)
}
