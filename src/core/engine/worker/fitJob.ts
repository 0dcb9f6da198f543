import type { Token } from 'node-llama-cpp'
import { QuireError } from '@shared/contract'
import type { ChatTurn, FittedPrompt, ParsedEngineJob } from '../backend'
import { fitPrompt } from '../fit/fitPrompt'

/** The tokens a model makes of a chat (the persona, earlier turns, the prompt), template included. */
export type TokenizeChat = (system: string, user: string, turns?: readonly ChatTurn[]) => Token[]

/**
 * The messages a job's prompt becomes in a context of `contextSize` tokens, fitted when it asks
 * to be, and their tokens: tokenized once here (the tokens choose the sequence), not again.
 */
export function fitJob(
  job: ParsedEngineJob,
  tokenize: TokenizeChat,
  contextSize: number,
): FittedPrompt & { turns: readonly ChatTurn[]; tokens: Token[] } {
  const { prompt } = job
  if (prompt.kind === 'fit') {
    // Fitting may count several candidates; the one kept is among them.
    const counted = new Map<string, Token[]>()
    const key = (system: string, user: string) => `${system}\u0000${user}`
    const count = (system: string, user: string) => {
      const tokens = tokenize(system, user)
      counted.set(key(system, user), tokens)
      return tokens.length
    }
    const fitted = fitPrompt(prompt, count, contextSize, job.sampling.maxTokens)
    const system = fitted.messages.find((message) => message.role === 'system')?.content ?? ''
    const user = fitted.messages.at(-1)?.content ?? ''
    const tokens = counted.get(key(system, user)) ?? tokenize(system, user)
    return { ...fitted, turns: [], tokens }
  }
  const tokens = tokenize(prompt.system, prompt.user, prompt.turns)
  const promptTokens = tokens.length
  if (promptTokens + Math.min(job.sampling.maxTokens, 16) > contextSize) {
    throw new QuireError(
      'context-overflow',
      `The prompt is ${promptTokens} tokens, more than the model's context of ${contextSize} tokens holds.`,
      'prompt-too-long',
      { promptTokens, contextSize },
    )
  }
  return {
    messages: [
      ...(prompt.system ? [{ role: 'system' as const, content: prompt.system }] : []),
      { role: 'user' as const, content: prompt.user },
    ],
    trimmedBefore: false,
    promptTokens,
    turns: prompt.turns,
    tokens,
  }
}
