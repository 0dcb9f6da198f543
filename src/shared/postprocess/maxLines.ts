import type { Step } from './stepTypes'

/** Keeps the first `limit` non-empty lines (blank lines between them stay: stanza breaks). */
export function maxLinesText(text: string, limit: number): { text: string; truncated: boolean } {
  const lines = text.split('\n')
  let seen = 0
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() === '') continue
    seen++
    if (seen === limit) {
      const rest = lines.slice(i + 1)
      if (rest.every((line) => line.trim() === '')) break
      return { text: lines.slice(0, i + 1).join('\n'), truncated: true }
    }
  }
  return { text, truncated: false }
}

export const maxLines: Step<'max-lines'> = (text, call) => maxLinesText(text, call.limit)
