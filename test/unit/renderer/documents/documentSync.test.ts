import { createHeadlessEditor } from '@lexical/headless'
import { $createTextNode, $getRoot, $isElementNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import { registerDocumentSync } from '../../../../src/renderer/src/editor/plugins/DocumentSync/registerDocumentSync'
import { markdownNodes } from '../../../../src/renderer/src/editor/markdown/transformers'
import type { EditorPort } from '../../../../src/renderer/src/documents/sessionTypes'

function connected() {
  const editor = createHeadlessEditor({
    nodes: markdownNodes,
    onError: (error) => {
      throw error
    },
  })
  let port: EditorPort | null = null
  let changes = 0
  let disconnected = false
  const stop = registerDocumentSync(editor, {
    connect: (given) => {
      port = given
      return () => {
        disconnected = true
      }
    },
    changed: () => changes++,
  })
  if (!port) throw new Error('the session was not connected')
  return {
    editor,
    port: port as EditorPort,
    changes: () => changes,
    stop,
    disconnected: () => disconnected,
  }
}

describe('the editor connected to a document session', () => {
  it('loads a document without reporting it as the writer’s change', () => {
    const { port, changes } = connected()
    port.load('# Title\n\nBody text.\n')
    expect(changes()).toBe(0)
    expect(port.read()).toBe('# Title\n\nBody text.\n')
  })

  it('reports each edit, and reads the edited text back as Markdown', () => {
    const { editor, port, changes } = connected()
    port.load('# Title\n\nBody text.\n')
    for (const word of [' More', ' words']) {
      editor.update(
        () => {
          const paragraph = $getRoot().getLastChild()
          if ($isElementNode(paragraph)) paragraph.append($createTextNode(word))
        },
        { discrete: true },
      )
    }
    expect(changes()).toBe(2)
    expect(port.read()).toBe('# Title\n\nBody text. More words\n')
  })

  it('does not report a selection move as a change', () => {
    const { editor, port, changes } = connected()
    port.load('Some text.\n')
    editor.update(() => $getRoot().selectEnd(), { discrete: true })
    expect(changes()).toBe(0)
  })

  it('disconnects the session and stops listening when torn down', () => {
    const { editor, port, changes, stop, disconnected } = connected()
    port.load('Text.\n')
    stop()
    expect(disconnected()).toBe(true)
    editor.update(() => $getRoot().append($getRoot().getFirstChildOrThrow()), { discrete: true })
    expect(changes()).toBe(0)
  })
})
