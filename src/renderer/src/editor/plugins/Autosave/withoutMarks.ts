import type { SerializedEditorState, SerializedLexicalNode } from 'lexical'

type NodeJson = SerializedLexicalNode & { children?: NodeJson[] }

function unwrap(nodes: readonly NodeJson[]): NodeJson[] {
  return nodes.flatMap((node) => {
    const children = node.children ? unwrap(node.children) : undefined
    if (node.type === 'mark') return children ?? []
    return children ? [{ ...node, children }] : [node]
  })
}

/**
 * The document as saved: the suggestion card's marks belong to the open card, not to the
 * writer's text, so they are left out (their text stays, in place).
 */
export function withoutMarks(state: SerializedEditorState): SerializedEditorState {
  const root = state.root as NodeJson
  return { ...state, root: { ...state.root, children: unwrap(root.children ?? []) } }
}
