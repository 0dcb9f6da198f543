import type { FittedPrompt, ParsedEngineJob } from '../backend'
import { fitPrompt } from '../fit/fitPrompt'
import { estimateChatTokens } from './estimateTokens'

/** The messages of a run on a server: fitted to the configured context by estimate (no tokenizer here). */
export function fitByEstimate(job: ParsedEngineJob, contextSize: number): FittedPrompt {
  const { prompt } = job
  const count = (system: string, user: string) =>
    estimateChatTokens([...(system ? [{ content: system }] : []), { content: user }])
  if (prompt.kind === 'fit') return fitPrompt(prompt, count, contextSize, job.sampling.maxTokens)
  return {
    messages: [
      ...(prompt.system ? [{ role: 'system' as const, content: prompt.system }] : []),
      { role: 'user' as const, content: prompt.user },
    ],
    trimmedBefore: false,
    promptTokens: estimateChatTokens([
      ...(prompt.system ? [{ content: prompt.system }] : []),
      ...prompt.turns,
      { content: prompt.user },
    ]),
  }
}
