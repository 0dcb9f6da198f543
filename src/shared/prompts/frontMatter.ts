import matter from 'gray-matter'
import { LineCounter, parseDocument, isNode, type Document } from 'yaml'
import type { LibraryProblem } from './schema'

export type FrontMatterResult =
  | {
      ok: true
      data: unknown
      body: string
      lineOf: (path: readonly PropertyKey[]) => number | null
    }
  | { ok: false; problem: LibraryProblem }

/**
 * Splits a Markdown file into YAML front matter and body. YAML is parsed with `yaml` so that
 * every problem can be reported at its line in the file.
 */
export function readFrontMatter(text: string, source: string): FrontMatterResult {
  if (!/^\uFEFF?---\r?\n/.test(text)) {
    return {
      ok: false,
      problem: {
        source,
        line: 1,
        field: null,
        message: 'The file must start with YAML front matter between --- lines.',
      },
    }
  }
  const parsed: { document: Document.Parsed | null; lineOffset: number } = {
    document: null,
    lineOffset: 0,
  }
  const lineCounter = new LineCounter()
  let file: matter.GrayMatterFile<string>
  try {
    file = matter(text.replace(/^\uFEFF/, ''), {
      engines: {
        yaml: (yamlText: string) => {
          // The YAML text starts on the opening `---` line when it begins with that line's newline.
          parsed.lineOffset = /^\r?\n/.test(yamlText) ? 0 : 1
          const document = parseDocument(yamlText, { lineCounter, prettyErrors: true })
          parsed.document = document
          const firstError = document.errors[0]
          if (firstError) throw firstError
          return (document.toJS() ?? {}) as object
        },
      },
    })
  } catch (error) {
    const linePos = (error as { linePos?: [{ line: number }] }).linePos
    const line = linePos ? linePos[0].line + parsed.lineOffset : null
    const message = (
      error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    ).replace(/ at line \d+, column \d+:?$/, '')
    return {
      ok: false,
      problem: { source, line, field: null, message: `Invalid YAML: ${message}` },
    }
  }
  const parsedDocument = parsed.document
  return {
    ok: true,
    data: file.data,
    body: file.content.replace(/^\r?\n/, ''),
    lineOf: (path) => {
      if (!parsedDocument) return null
      for (let depth = path.length; depth > 0; depth--) {
        const node: unknown = parsedDocument.getIn(path.slice(0, depth), true)
        if (isNode(node) && node.range)
          return lineCounter.linePos(node.range[0]).line + parsed.lineOffset
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
