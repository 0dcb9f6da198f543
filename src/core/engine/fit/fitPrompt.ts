import { QuireError } from '@shared/contract'
import type { FittedPrompt, PromptToFit } from '../backend'

/** Tokens of a system + user prompt, as the backend will count them. */
export type CountTokens = (system: string, user: string) => number

/**
 * Makes a prompt fit a context of `contextSize` tokens with room for `answerRoom` more, by
 * trimming the text before the selection from its start (never the selection). When even the
 * prompt without it does not fit, the error names both sizes. Runs where the tokenizer is (the
 * engine process), so fitting costs no round trips.
 */
export function fitPrompt(
  prompt: PromptToFit,
  count: CountTokens,
  contextSize: number,
  answerRoom: number,
): FittedPrompt {
  // Trimmed as the renderer trims the whole message, so this equals rendering with `before`.
  const withBefore = (before: string) => prompt.user.split(prompt.marker).join(before).trim()
  const attempt = (user: string) => {
    const promptTokens = count(prompt.system, user)
    return { user, promptTokens, fits: promptTokens + answerRoom <= contextSize }
  }
  const done = (fitted: { user: string; promptTokens: number }, trimmedBefore: boolean) => ({
    messages: [
      ...(prompt.system ? [{ role: 'system' as const, content: prompt.system }] : []),
      { role: 'user' as const, content: fitted.user },
    ],
    trimmedBefore,
    promptTokens: fitted.promptTokens,
  })
  const full = attempt(prompt.before === '' ? prompt.bareUser : withBefore(prompt.before))
  if (full.fits) return done(full, false)

  const bare = attempt(prompt.bareUser)
  if (!bare.fits) {
    const selectionTokens = count('', prompt.selection) - count('', '')
    throw new QuireError(
      'context-overflow',
      `The selection is about ${selectionTokens} tokens; with the prompt and room for a ${answerRoom}-token answer it needs ${bare.promptTokens + answerRoom}, but the model's context holds ${contextSize}. Select less text, ask for a shorter answer, or raise the context size in Settings.`,
      'selection-too-long',
      { selectionTokens, answerRoom, needed: bare.promptTokens + answerRoom, contextSize },
    )
  }
  // Keep the longest tail of `before` that fits.
  const { before } = prompt
  let low = 0
  let high = before.length
  let best = bare
  while (low < high) {
    const keep = Math.ceil((low + high) / 2)
    const candidate = attempt(
      withBefore(before.slice(before.length - keep).replace(/^[\uDC00-\uDFFF]/, '')),
    )
    if (candidate.fits) {
      best = candidate
      low = keep
    } else {
      high = keep - 1
    }
  }
  return done(best, true)
}
