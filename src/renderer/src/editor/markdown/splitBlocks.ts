import { Lexer, type Token } from 'marked'

/** One top-level block of a Markdown file, with the exact whitespace that came before it. */
export type MarkdownBlock = {
  /** The block's source without its trailing line breaks. */
  source: string
  /** The text between the previous block (or the start of the file) and this one. */
  gapBefore: string
  /** Whether the editor may show it as rich text (it still has to round-trip; see importMarkdown). */
  kind: 'rich' | 'verbatim'
  /** marked's name for the block (`paragraph`, `list`, `table`, …), to check a rewrite kept it. */
  type: string
}

export type SplitMarkdown = { blocks: MarkdownBlock[]; trailing: string }

/** Front matter at the very top (`---` … `---`), which marked would read as a rule and a heading. */
const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?=\n|$)/

/** Block types Lexical has nodes for; a table, HTML, a definition or a rule stays source text. */
const RICH_TYPES = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code'])

function isRich(token: Token, source: string): boolean {
  if (!RICH_TYPES.has(token.type)) return false
  // Setext headings (`Title\n===`), indented and `~~~` code have no Lexical form that writes back.
  if (token.type === 'heading') return source.startsWith('#')
  if (token.type === 'code') return source.startsWith('```')
  return true
}

/**
 * Cuts a Markdown file into top-level blocks with marked's lexer, keeping every character:
 * gaps + sources + trailing is the input again. When marked's tokens do not add up to the input
 * (it should not happen), the file is cut at blank lines and every block is kept verbatim.
 */
export function splitBlocks(markdown: string): SplitMarkdown {
  const blocks: MarkdownBlock[] = []
  let gap = ''
  let rest = markdown
  const front = FRONT_MATTER.exec(markdown)
  if (front) {
    blocks.push({ source: front[0], gapBefore: '', kind: 'verbatim', type: 'front-matter' })
    rest = markdown.slice(front[0].length)
  }
  const tokens = Lexer.lex(rest)
  if (tokens.map((token) => token.raw).join('') !== rest) return splitAtBlankLines(markdown)
  for (const token of tokens) {
    if (token.type === 'space') {
      gap += token.raw
      continue
    }
    const source = token.raw.replace(/\n+$/, '')
    blocks.push({
      source,
      gapBefore: gap,
      kind: isRich(token, source) ? 'rich' : 'verbatim',
      type: token.type,
    })
    gap = token.raw.slice(source.length)
  }
  return { blocks, trailing: gap }
}

function splitAtBlankLines(markdown: string): SplitMarkdown {
  const blocks: MarkdownBlock[] = []
  const pattern = /\n[ \t]*\n(?:[ \t]*\n)*/g
  let start = 0
  let gap = ''
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    if (match.index > start) {
      const source = markdown.slice(start, match.index)
      blocks.push({ source, gapBefore: gap, kind: 'verbatim', type: 'text' })
      gap = ''
    }
    gap += match[0]
    start = match.index + match[0].length
  }
  const tail = markdown.slice(start)
  const source = tail.replace(/\n+$/, '')
  if (source) blocks.push({ source, gapBefore: gap, kind: 'verbatim', type: 'text' })
  return { blocks, trailing: source ? tail.slice(source.length) : gap + tail }
}
