import { $getRoot, $getState, $isParagraphNode, type LexicalNode } from 'lexical'
import { $exportBlock } from './blockExport'
import { gapState, sourceState, trailingState, verbatimState } from './blockState'

/** Blocks already written, by node version: Lexical never mutates a committed node, so an
 * unchanged block of a long document is not exported again on every save. */
const written = new WeakMap<LexicalNode, string>()

function $writeBlock(node: LexicalNode): string {
  const cached = written.get(node)
  if (cached !== undefined) return cached
  let text: string
  if ($getState(node, verbatimState)) text = node.getTextContent()
  else {
    text = $exportBlock(node)
    const source = $getState(node, sourceState)
    // Untouched since it was read: write the writer's own spelling of it.
    if (source && source.exported === text) text = source.source
  }
  written.set(node, text)
  return text
}

/** The gap before a block: the file's own while its neighbour is the one it had, else a blank line. */
function $gapBefore(node: LexicalNode, previous: LexicalNode | null): string {
  const gap = $getState(node, gapState)
  const afterKey = previous?.getKey() ?? null
  if (gap && gap.afterKey === afterKey) return gap.text
  return previous ? '\n\n' : ''
}

const isEmptyParagraph = (node: LexicalNode): boolean =>
  $isParagraphNode(node) && node.getTextContentSize() === 0

/**
 * The document as Markdown. Blocks the writer has not changed come out exactly as they were read
 * (with the same blank lines around them); changed blocks come out as Lexical writes them.
 * Empty paragraphs have no Markdown form and are left out.
 */
export function $exportMarkdown(): string {
  const root = $getRoot()
  const parts: string[] = []
  let previous: LexicalNode | null = null
  for (const node of root.getChildren()) {
    if (isEmptyParagraph(node)) continue
    parts.push($gapBefore(node, previous), $writeBlock(node))
    previous = node
  }
  if (parts.length === 0) return ''
  const trailing = $getState(root, trailingState)
  parts.push(trailing ?? '\n')
  return parts.join('')
}
