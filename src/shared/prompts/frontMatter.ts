import { LineCounter, parseDocument, isNode } from 'yaml'
import type { LibraryProblem } from './schema'

export type FrontMatterResult =
  | {
      ok: true
      data: unknown
      body: string
      lineOf: (path: readonly PropertyKey[]) => number | null
    }
  | { ok: false; problem: LibraryProblem }

/** How many alias expansions a front matter may make: real prompts need none. */
export const MAX_YAML_ALIASES = 100

/** The front matter between the opening `---` line and the next `---` line; the rest is the body. */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m

/**
 * Splits a Markdown file into YAML front matter and body, and parses the YAML with `yaml` so
 * every problem can be reported at its line in the file. Runs anywhere (no Node APIs): the
 * Library panel checks prompts with it as the writer types.
 */
export function readFrontMatter(text: string, source: string): FrontMatterResult {
  const match = FRONT_MATTER.exec(text)
  if (!match || match.index !== 0) {
    return {
      ok: false,
      problem: {
        source,
        line: 1,
        field: null,
        message: 'The file must start with YAML front matter between --- lines.',
        key: 'front-matter-missing',
      },
    }
  }
  // The YAML starts on line 2 of the file, after the opening `---`.
  const lineOffset = 1
  const lineCounter = new LineCounter()
  const document = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: true })
  const firstError = document.errors[0]
  if (firstError) {
    const line = firstError.linePos ? firstError.linePos[0].line + lineOffset : null
    const message = (firstError.message.split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?$/,
      '',
    )
    return {
      ok: false,
      problem: {
        source,
        line,
        field: null,
        message: `Invalid YAML: ${message}`,
        key: 'yaml-invalid',
        params: { reason: message },
      },
    }
  }
  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {}
  } catch {
    // yaml throws when aliases would expand past the bound (a "billion laughs" file).
    return {
      ok: false,
      problem: {
        source,
        line: null,
        field: null,
        message: `Invalid YAML: the front matter uses aliases (*name) too often; Quire expands at most ${MAX_YAML_ALIASES}. Write the values out instead.`,
        key: 'yaml-aliases',
        params: { max: MAX_YAML_ALIASES },
      },
    }
  }
  return {
    ok: true,
    data,
    body: text.slice(match[0].length),
    lineOf: (path) => {
      for (let depth = path.length; depth > 0; depth--) {
        const node: unknown = document.getIn(path.slice(0, depth), true)
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset
      }
      return 1
    },
  }
}

/** The line of a front-matter field in a file's text (1 when the field is absent); null when unreadable. */
export function frontMatterLine(text: string, path: readonly PropertyKey[]): number | null {
  const front = readFrontMatter(text, '')
  return front.ok ? front.lineOf(path) : null
}
