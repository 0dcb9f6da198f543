import { splitSentences } from './sentences'
import { stepIdOf, type StepSpec } from './stepSpec'
import {
  isPreambleLine,
  mayBecomeOffer,
  mayBecomePreamble,
  stripLeading,
  stripTrailing,
} from './stripPreamble'
import { hidePartialThinkTag, stripThinkText } from './stripThink'

/** Leading preamble of a text still streaming: an unfinished line that may be one is held back. */
function partialLeading(text: string): string {
  let body = text.trimStart()
  for (;;) {
    const newline = body.indexOf('\n')
    if (newline >= 0 && isPreambleLine(body.slice(0, newline).trim())) {
      body = body.slice(newline + 1).trimStart()
      continue
    }
    const stripped = stripLeading(body)
    if (stripped !== body) {
      body = stripped
      continue
    }
    if (newline < 0 && mayBecomePreamble(body)) return ''
    return body
  }
}

/** Trailing offer of a text still streaming: an unfinished last line or sentence that may be one. */
function partialTrailing(text: string): string {
  let body = text
  for (let previous = ''; previous !== body;) {
    previous = body
    body = stripTrailing(body)
  }
  if (body.endsWith('\n')) return body
  const lineStart = body.lastIndexOf('\n') + 1
  const line = body.slice(lineStart)
  if (lineStart > 0 && body.slice(0, lineStart).trim() !== '' && mayBecomeOffer(line))
    return body.slice(0, lineStart).trimEnd()
  const sentences = splitSentences(line)
  const last = sentences.at(-1)
  if (sentences.length > 1 && last && mayBecomeOffer(last.text))
    return body.slice(0, lineStart + last.start).trimEnd()
  return body
}

/**
 * The text to show while tokens stream: only `strip-think` and `strip-preamble` (when the
 * prompt lists them) applied to the text so far. Parts that may still turn out to be reasoning
 * or a preamble are held back rather than shown and taken away; on `done` the card shows
 * `runPipeline`'s text instead. Never throws: if the pass fails, the text as written.
 */
export function cleanPartial(text: string, steps: readonly StepSpec[]): string {
  const ids = new Set(steps.map(stepIdOf))
  let result = text
  try {
    if (ids.has('strip-think')) result = hidePartialThinkTag(stripThinkText(result))
    if (ids.has('strip-preamble')) result = partialTrailing(partialLeading(result))
  } catch {
    // A bug in this pass must not stop the stream: show the text as written; `done` decides.
    return text
  }
  return result
}
