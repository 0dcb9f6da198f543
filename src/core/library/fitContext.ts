import { QuireError } from '@shared/contract'
import type { RenderedPrompt } from '@shared/prompts/render'

export type Measure = (
  system: string,
  user: string,
) => Promise<{ promptTokens: number; contextSize: number }>

/**
 * Makes a prompt fit the model's context with room for the answer, by trimming the text
 * before the selection from its start (never the selection). When even that is not enough,
 * the error names both sizes.
 */
export async function fitToContext(
  render: (before: string) => RenderedPrompt,
  measure: Measure,
  before: string,
  selection: string,
): Promise<RenderedPrompt> {
  const full = render(before)
  const answerRoom = full.sampling.maxTokens
  const fits = async (rendered: RenderedPrompt) => {
    const size = await measure(rendered.system, rendered.user)
    return { ok: size.promptTokens + answerRoom <= size.contextSize, ...size }
  }
  const first = await fits(full)
  if (first.ok) return full

  const bare = render('')
  const withoutBefore = await fits(bare)
  if (!withoutBefore.ok) {
    const selectionTokens =
      (await measure('', selection)).promptTokens - (await measure('', '')).promptTokens
    throw new QuireError(
      'context-overflow',
      `The selection is about ${selectionTokens} tokens; with the prompt and room for a ${answerRoom}-token answer it needs ${withoutBefore.promptTokens + answerRoom}, but the model's context holds ${withoutBefore.contextSize}. Select less text, ask for a shorter answer, or raise the context size in Settings.`,
    )
  }
  // Keep the longest tail of `before` that fits.
  let low = 0
  let high = before.length
  let best = bare
  while (low < high) {
    const keep = Math.ceil((low + high) / 2)
    const candidate = render(before.slice(before.length - keep).replace(/^[\uDC00-\uDFFF]/, ''))
    if ((await fits(candidate)).ok) {
      best = candidate
      low = keep
    } else {
      high = keep - 1
    }
  }
  return best
}
