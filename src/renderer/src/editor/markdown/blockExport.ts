import {
  $convertToMarkdownString,
  type ElementTransformer,
  type MultilineElementTransformer,
} from '@lexical/markdown'
import { $isDecoratorNode, $isElementNode, type ElementNode, type LexicalNode } from 'lexical'
import { markdownTransformers } from './transformers'

type ExportChildren = (node: ElementNode) => string
type BlockTransformer = ElementTransformer | MultilineElementTransformer

const CAPTURED = Symbol('captured')
let exportChildren: ExportChildren | null = null

/**
 * Lexical exports a whole container at once; to write (and cache) one block at a time we borrow
 * its inline exporter: a first transformer receives it, keeps it and stops the export. It is
 * the exporter Lexical itself uses, bound to the same transformers. The capture is a multi-line
 * one because Lexical tries those first: as a plain element transformer it came after the code
 * block's and never saw a container holding only a code block (a file starting with ```).
 */
function $inlineExporter(parent: ElementNode): ExportChildren {
  if (exportChildren) return exportChildren
  const capture: MultilineElementTransformer = {
    type: 'multiline-element',
    dependencies: [],
    regExpStart: /(?!)/,
    replace: () => false,
    export: (_node, children) => {
      exportChildren = children
      throw CAPTURED
    },
  }
  try {
    $convertToMarkdownString([capture, ...markdownTransformers], parent)
  } catch (error) {
    if (error !== CAPTURED) throw error
  }
  if (!exportChildren) throw new Error('Lexical did not hand over its Markdown exporter.')
  return exportChildren
}

/** Block transformers in the order Lexical tries them: multi-line ones first. */
const blockTransformers: BlockTransformer[] = [
  ...markdownTransformers.filter(
    (t): t is MultilineElementTransformer => t.type === 'multiline-element',
  ),
  ...markdownTransformers.filter((t): t is ElementTransformer => t.type === 'element'),
]

/** One block (a child of the root or of an import container) as Lexical would write it. */
export function $exportBlock(node: LexicalNode): string {
  const children = $inlineExporter(node.getParentOrThrow())
  for (const transformer of blockTransformers) {
    const result = transformer.export?.(node, children)
    if (result != null) return result
  }
  if ($isElementNode(node)) return children(node)
  return $isDecoratorNode(node) ? node.getTextContent() : ''
}
