import type { Step } from './stepTypes'

const BLOCK = /<think\b[^>]*>[\s\S]*?<\/think\s*>/gi
const UNTERMINATED = /<think\b[^>]*>[\s\S]*$/i
const CLOSE = /<\/think\s*>/i
const OPEN = /<think\b/i
const TAG_START = '<think>'

/**
 * Removes reasoning: `<think>…</think>` blocks, an unterminated trailing `<think>…`, and the
 * reasoning before a lone `</think>` (the chat template opened the block in the prompt).
 */
export function stripThinkText(text: string): string {
  let result = text
  for (let previous = ''; previous !== result;) {
    previous = result
    result = stripOnce(result)
  }
  return result
}

function stripOnce(text: string): string {
  let result = text
  const close = CLOSE.exec(result)
  if (close && !OPEN.test(result.slice(0, close.index)))
    result = result.slice(close.index + close[0].length).trimStart()
  let kept = ''
  let last = 0
  for (const block of result.matchAll(BLOCK)) {
    kept += result.slice(last, block.index)
    last = block.index + block[0].length
    // A block that opens the answer takes the blank lines after it along.
    if (kept.trim() === '') {
      kept = ''
      while (last < result.length && /\s/.test(result[last] ?? '')) last++
    }
  }
  result = kept + result.slice(last)
  const open = UNTERMINATED.exec(result)
  if (open) result = result.slice(0, open.index).trimEnd()
  return result
}

/** While streaming, a tag may be half-written at the end (`<thi`): hide it until it resolves. */
export function hidePartialThinkTag(text: string): string {
  for (let length = Math.min(TAG_START.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(TAG_START.slice(0, length))) return text.slice(0, -length).trimEnd()
  }
  return text
}

export const stripThink: Step<'strip-think'> = (text) => ({ text: stripThinkText(text) })
