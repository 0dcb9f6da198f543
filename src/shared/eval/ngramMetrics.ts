import { ngrams, textUnits } from './units'

/**
 * distinct-n across samples: distinct n-grams over all n-grams, the n-grams of each sample
 * counted on their own (none spans two samples). 0 when there is no n-gram at all.
 */
export function distinctN(texts: readonly string[], n: number): number {
  const seen = new Set<string>()
  let total = 0
  for (const text of texts) {
    for (const gram of ngrams(textUnits(text), n)) {
      seen.add(gram)
      total++
    }
  }
  return total === 0 ? 0 : seen.size / total
}

/**
 * The share of an answer's 3-grams that repeat one seen earlier in it: 0 for an answer that
 * never repeats itself, close to 1 for one that loops. 0 when it has no 3-gram.
 */
export function repeatedTrigramShare(text: string): number {
  const grams = ngrams(textUnits(text), 3)
  if (grams.length === 0) return 0
  return (grams.length - new Set(grams).size) / grams.length
}

/**
 * How much of the answer is copied from the input: the share of the answer's 3-grams (2-grams
 * for an answer of under three units) that occur in the input. 1 for a verbatim copy.
 */
export function inputOverlap(answer: string, input: string): number {
  const answerUnits = textUnits(answer)
  if (answerUnits.length === 0) return 0
  const n = Math.min(3, answerUnits.length)
  const answerGrams = ngrams(answerUnits, n)
  const inputGrams = new Set(ngrams(textUnits(input), n))
  const copied = answerGrams.filter((gram) => inputGrams.has(gram)).length
  return copied / answerGrams.length
}
