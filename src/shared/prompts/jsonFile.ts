import { issueRef } from './issueRef'
import { LineCounter, isNode, parseDocument } from 'yaml'
import type { z } from 'zod'
import type { LibraryProblem } from './schema'

/** Where a JSON parse error is, from V8's "at position N" (the line is counted from it). */
function errorLine(text: string, message: string): number | null {
  const line = /\(line (\d+) column \d+\)/.exec(message)
  if (line) return Number(line[1])
  const position = /at position (\d+)/.exec(message)
  if (!position) return null
  return text.slice(0, Number(position[1])).split('\n').length
}

/**
 * Past this size the line of a problem is not looked up: yaml builds a node per value, which
 * takes seconds for a few megabytes (a hostile pack would block the host to report its error).
 */
const MAX_LOCATED_TEXT = 300_000

/** The line of a path in a JSON text (JSON is YAML, so yaml's positions serve); null past 300 KB. */
export function jsonLineLocator(text: string): (path: readonly PropertyKey[]) => number | null {
  if (text.length > MAX_LOCATED_TEXT) return () => null
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const node: unknown = document.getIn(path.slice(0, depth), true)
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
    }
    return 1
  }
}

/** Parses and validates a JSON file's text; every problem names the line and the field. */
export function parseJsonFile<S extends z.ZodType>(
  schema: S,
  text: string,
  source: string,
): { ok: true; value: z.output<S> } | { ok: false; problems: LibraryProblem[] } {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      problems: [
        {
          source,
          line: errorLine(text, message),
          field: null,
          message: `Invalid JSON: ${message}`,
          key: 'json-invalid',
          params: { reason: message },
        },
      ],
    }
  }
  const parsed = schema.safeParse(data)
  if (parsed.success) return { ok: true, value: parsed.data }
  const lineOf = jsonLineLocator(text)
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      source,
      line: lineOf(issue.path),
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : null,
      message: issue.message,
      ...issueRef(issue),
    })),
  }
}
