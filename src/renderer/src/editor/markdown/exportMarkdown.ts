import {
  $getRoot,
  $getState,
  $isParagraphNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical'
import { $exportBlock } from './blockExport'
import { gapState, sourceState, trailingState, verbatimState } from './blockState'

/**
 * Blocks already written, by node key, so that saving a long document does not export every
 * block again after each keystroke. Only valid while `registerBlockCache` drops the blocks each
 * update touches (a paragraph keeps its node object when the text inside it changes).
 */
export type BlockCache = Map<NodeKey, string>

/** Keeps `cache` true to the editor: every update forgets the blocks it touched. */
export function registerBlockCache(editor: LexicalEditor, cache: BlockCache): () => void {
  return editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
    for (const key of dirtyElements.keys()) cache.delete(key)
    for (const key of dirtyLeaves) cache.delete(key)
  })
}

function $writeBlock(node: LexicalNode, cache: BlockCache | undefined): string {
  const cached = cache?.get(node.getKey())
  if (cached !== undefined) return cached
  let text: string
  if ($getState(node, verbatimState)) text = node.getTextContent()
  else {
    text = $exportBlock(node)
    const source = $getState(node, sourceState)
    // Untouched since it was read: write the writer's own spelling of it.
    if (source && source.exported === text) text = source.source
  }
  cache?.set(node.getKey(), text)
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
export function $exportMarkdown(cache?: BlockCache): string {
  const root = $getRoot()
  const parts: string[] = []
  let previous: LexicalNode | null = null
  for (const node of root.getChildren()) {
    if (isEmptyParagraph(node)) continue
    parts.push($gapBefore(node, previous), $writeBlock(node, cache))
    previous = node
  }
  // Forget blocks that are gone (deleted, or replaced by a load).
  if (cache && cache.size > 2 * root.getChildrenSize() + 64) cache.clear()
  if (parts.length === 0) return ''
  const trailing = $getState(root, trailingState)
  parts.push(trailing ?? '\n')
  return parts.join('')
}
