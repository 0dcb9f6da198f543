import { $createCodeNode } from '@lexical/code'
import { $isListNode } from '@lexical/list'
import { $generateNodesFromMarkdownString } from '@lexical/markdown'
import {
  $createLineBreakNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $setState,
  type ElementNode,
  type LexicalNode,
} from 'lexical'
import { Lexer } from 'marked'
import { $exportBlock } from './blockExport'
import {
  gapState,
  sourceState,
  trailingState,
  VERBATIM_LANGUAGE,
  verbatimState,
} from './blockState'
import { splitBlocks, type MarkdownBlock } from './splitBlocks'
import { markdownTransformers } from './transformers'

/**
 * The characters that carry text, for checking that a rewrite of a block lost none: whitespace,
 * escapes, list markers and the choice of `_` or `*` are markup, everything else is text.
 */
export function textCharacters(markdown: string): string {
  return markdown
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/gm, '')
    .replace(/[\s\\]/g, '')
    .replace(/_/g, '*')
}

/** marked's block type of a piece of Markdown, or null when it is not exactly one block. */
function blockType(markdown: string): string | null {
  const tokens = Lexer.lex(markdown).filter((token) => token.type !== 'space')
  return tokens.length === 1 ? (tokens[0]?.type ?? null) : null
}

/** Lexical's nodes for one block, or null when it would be more than one top-level node. */
function $importOne(source: string): LexicalNode | null {
  const nodes = $generateNodesFromMarkdownString(source, markdownTransformers)
  return nodes.length === 1 ? (nodes[0] ?? null) : null
}

/**
 * A rich node for the block when Lexical can hold it without losing a character of text:
 * either it writes the block back exactly, or it writes an equivalent (same text characters,
 * same kind of block) that it reads back to itself. The original source is kept on the node,
 * so an untouched block is written as it was.
 */
function $richBlock(block: MarkdownBlock): LexicalNode | null {
  const node = $importOne(block.source)
  if (!node) return null
  const exported = $exportBlock(node)
  if (exported === block.source) return node
  if (textCharacters(exported) !== textCharacters(block.source)) return null
  if (blockType(exported) !== block.type) return null
  const again = $importOne(exported)
  if (!again || $exportBlock(again) !== exported) return null
  return $setState(node, sourceState, { source: block.source, exported })
}

/** A verbatim block: the source as plain text in a code block marked as Markdown source. */
export function $verbatimBlock(source: string): ElementNode {
  const node = $createCodeNode(VERBATIM_LANGUAGE)
  source.split('\n').forEach((line, index) => {
    if (index > 0) node.append($createLineBreakNode())
    line.split('\t').forEach((part, at) => {
      if (at > 0) node.append($createTabNode())
      if (part) node.append($createTextNode(part))
    })
  })
  return $setState(node, verbatimState, true)
}

/** Lexical joins a list to a list of the same kind just before it; two lists stay two as source. */
const mergesInto = (node: LexicalNode, previous: LexicalNode | null): boolean =>
  $isListNode(node) && $isListNode(previous) && node.getListType() === previous.getListType()

/** Markdown cut into Lexical nodes, each with the exact whitespace that came before it. */
export type MarkdownNodes = {
  blocks: { node: LexicalNode; gapBefore: string }[]
  trailing: string
}

/**
 * How a block becomes a node. `document`: rich only when it writes back without losing a
 * character, else verbatim source. `paste`: pasted text has no file to write back, so a block
 * Lexical can read is taken as Lexical reads it (several nodes if need be).
 */
export type MarkdownImportMode = 'document' | 'paste'

function $pastedBlock(block: MarkdownBlock): LexicalNode[] {
  if (block.kind === 'rich') {
    const nodes = $generateNodesFromMarkdownString(block.source, markdownTransformers)
    if (nodes.length > 0) return nodes
  }
  return [$verbatimBlock(block.source)]
}

/**
 * Markdown as Lexical nodes, block by block, without touching the document: what Lexical can
 * represent becomes rich text, the rest (tables, HTML, footnotes, front matter, …) editable
 * source. The document load and Markdown paste both go through here.
 */
export function $markdownToNodes(markdown: string, mode: MarkdownImportMode): MarkdownNodes {
  const { blocks, trailing } = splitBlocks(markdown)
  const out: MarkdownNodes['blocks'] = []
  let previous: LexicalNode | null = null
  for (const block of blocks) {
    let nodes: LexicalNode[]
    if (mode === 'paste') nodes = $pastedBlock(block)
    else {
      const rich = block.kind === 'rich' ? $richBlock(block) : null
      nodes = [rich && !mergesInto(rich, previous) ? rich : $verbatimBlock(block.source)]
    }
    nodes.forEach((node, index) =>
      out.push({ node, gapBefore: index === 0 ? block.gapBefore : '\n\n' }),
    )
    previous = nodes.at(-1) ?? previous
  }
  return { blocks: out, trailing }
}

/**
 * Replaces the document with a Markdown file. Every block remembers its surroundings so that
 * `$exportMarkdown` writes untouched parts byte for byte.
 */
export function $importMarkdown(markdown: string): void {
  const root = $getRoot()
  root.clear()
  const { blocks, trailing } = $markdownToNodes(markdown, 'document')
  let previous: LexicalNode | null = null
  for (const { node, gapBefore } of blocks) {
    root.append(node)
    $setState(node, gapState, { text: gapBefore, afterKey: previous?.getKey() ?? null })
    previous = node
  }
  // An empty file gets the usual final line break once the writer types something.
  $setState(root, trailingState, blocks.length > 0 ? trailing : null)
}
