import { splitSentences } from './sentences'
import type { Step } from './stepTypes'

/** A sentence's identity for repeats: case, width, whitespace and punctuation ignored. */
export function sentenceKey(sentence: string): string {
  return sentence
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\s]/gu, '')
}

const newlines = (whitespace: string): number => whitespace.split('\n').length - 1

/**
 * Drops every sentence whose key already appeared earlier. The text is read as
 * whitespace, sentence, whitespace, … so that dropping a sentence keeps the stronger of the
 * breaks around it: a paragraph break survives, and the text's own ending stays its ending.
 */
export function dedupeSentencesText(text: string): string {
  const gaps: string[] = ['']
  const contents: string[] = []
  for (const sentence of splitSentences(text)) {
    const content = sentence.text.trim()
    if (content === '') {
      gaps[gaps.length - 1] += sentence.text
      continue
    }
    const lead = sentence.text.slice(0, sentence.text.indexOf(content))
    gaps[gaps.length - 1] += lead
    contents.push(content)
    gaps.push(sentence.text.slice(lead.length + content.length))
  }

  const seen = new Set<string>()
  let result = gaps[0] ?? ''
  let pendingGap: string | null = null
  let dropped = false
  contents.forEach((content, i) => {
    const gapAfter = gaps[i + 1] ?? ''
    const key = sentenceKey(content)
    if (key !== '' && seen.has(key)) {
      dropped = true
      const gapBefore = pendingGap ?? ''
      pendingGap = newlines(gapAfter) > newlines(gapBefore) ? gapAfter : gapBefore
      if (i === contents.length - 1) pendingGap = gapAfter
      return
    }
    if (key !== '') seen.add(key)
    if (pendingGap !== null) result += pendingGap
    result += content
    pendingGap = gapAfter
  })
  if (!dropped) return text
  return result + (pendingGap ?? '')
}

export const dedupeSentences: Step<'dedupe-sentences'> = (text) => ({
  text: dedupeSentencesText(text),
})
