import { createHeadlessEditor } from '@lexical/headless'
import type { LexicalEditor } from 'lexical'
import { $exportMarkdown } from '../../../../src/renderer/src/editor/markdown/exportMarkdown'
import { $importMarkdown } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { markdownNodes } from '../../../../src/renderer/src/editor/markdown/transformers'

/** A DOM-free editor with Quire's nodes, holding `markdown` as a freshly opened document. */
export function openMarkdown(markdown: string): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: markdownNodes,
    onError: (error) => {
      throw error
    },
  })
  editor.update(() => $importMarkdown(markdown), { discrete: true })
  return editor
}

/** What saving the editor's document would write. */
export const saveMarkdown = (editor: LexicalEditor): string =>
  editor.getEditorState().read(() => $exportMarkdown())

/** Runs a change as the writer's edit would, committed at once. */
export function edit(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true })
}
