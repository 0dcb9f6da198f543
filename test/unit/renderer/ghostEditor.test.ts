import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { MarkNode } from '@lexical/mark'
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  HISTORIC_TAG,
  type LexicalEditor,
  type TextNode,
} from 'lexical'
import {
  AUTO_SUGGEST_PAUSE_MS,
  registerAutoSuggest,
} from '../../../src/renderer/src/editor/plugins/GhostText/useAutoSuggest'
import { $cursorContext } from '../../../src/renderer/src/editor/plugins/GhostText/cursorContext'
import {
  $selectSpan,
  $spanBeforeCaret,
  insertedLength,
} from '../../../src/renderer/src/editor/plugins/Suggestion/acceptedText'
import { $applySuggestion } from '../../../src/renderer/src/editor/plugins/Suggestion/applySuggestion'
import {
  $markTarget,
  $selectCaretBlock,
} from '../../../src/renderer/src/editor/plugins/Suggestion/target'

/** An editor with one paragraph per text, the cursor at `offset` in paragraph `at`. */
function newEditor(texts: readonly string[], at = texts.length - 1, offset?: number) {
  const editor = createHeadlessEditor({
    nodes: [MarkNode],
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const nodes: TextNode[] = []
      for (const text of texts) {
        const paragraph = $createParagraphNode()
        if (text) {
          const node = $createTextNode(text)
          nodes.push(node)
          paragraph.append(node)
        }
        $getRoot().append(paragraph)
      }
      const paragraph = $getRoot().getChildAtIndex(at)
      const node = nodes.find((n) => n.getParent()?.is(paragraph))
      if (node)
        node.select(offset ?? node.getTextContentSize(), offset ?? node.getTextContentSize())
      else paragraph?.selectStart()
    },
    { discrete: true },
  )
  return editor
}

const type = (editor: LexicalEditor, text: string, tag?: string) =>
  editor.update(
    () => {
      const selection = $getSelection()
      if ($isRangeSelection(selection)) selection.insertText(text)
    },
    { discrete: true, tag },
  )

describe('auto-suggest after a pause in typing', () => {
  afterEach(() => vi.useRealTimers())

  function setUp(texts: string[], offset?: number) {
    vi.useFakeTimers()
    const editor = newEditor(texts, texts.length - 1, offset)
    const suggest = vi.fn()
    let open = false
    const dispose = registerAutoSuggest(editor, {
      ghostOpen: () => open,
      focused: () => true,
      suggest,
    })
    return { editor, suggest, dispose, setOpen: (value: boolean) => (open = value) }
  }

  it('asks once the writer pauses at the end of a line, and each key restarts the wait', () => {
    const { editor, suggest } = setUp(['The rain'])
    type(editor, ' kept')
    vi.advanceTimersByTime(AUTO_SUGGEST_PAUSE_MS - 100)
    type(editor, ' on')
    vi.advanceTimersByTime(AUTO_SUGGEST_PAUSE_MS - 100)
    expect(suggest).not.toHaveBeenCalled()
    vi.advanceTimersByTime(100)
    expect(suggest).toHaveBeenCalledTimes(1)
  })

  it('never asks after an undo, in the middle of a line, while a ghost shows, or once disposed', () => {
    const undo = setUp(['The rain'])
    type(undo.editor, ' kept', HISTORIC_TAG)
    vi.advanceTimersByTime(AUTO_SUGGEST_PAUSE_MS * 2)
    expect(undo.suggest).not.toHaveBeenCalled()

    const middle = setUp(['The rain fell'], 3)
    type(middle.editor, 'x')
    vi.advanceTimersByTime(AUTO_SUGGEST_PAUSE_MS * 2)
    expect(middle.suggest).not.toHaveBeenCalled()

    const shown = setUp(['The rain'])
    type(shown.editor, ' kept')
    shown.setOpen(true)
    vi.advanceTimersByTime(AUTO_SUGGEST_PAUSE_MS * 2)
    expect(shown.suggest).not.toHaveBeenCalled()

    const gone = setUp(['The rain'])
    type(gone.editor, ' kept')
    gone.dispose()
    vi.advanceTimersByTime(AUTO_SUGGEST_PAUSE_MS * 2)
    expect(gone.suggest).not.toHaveBeenCalled()
  })
})

describe('the context of a continuation at the cursor', () => {
  it('writes on from the cursor’s paragraph, with the paragraphs above as what came before', () => {
    const editor = newEditor(['First paragraph.', 'She opened the door and'])
    const context = editor.getEditorState().read($cursorContext)
    expect(context).toMatchObject({
      passage: 'She opened the door and',
      textBefore: 'She opened the door and',
    })
    expect(context?.before).toContain('First paragraph.')
  })

  it('in an empty paragraph writes on from the last paragraph with text; nothing at all gives null', () => {
    const editor = newEditor(['秋天的风吹过老街。', ''])
    expect(editor.getEditorState().read($cursorContext)).toMatchObject({
      passage: '秋天的风吹过老街。',
      textBefore: '',
    })
    expect(newEditor(['']).getEditorState().read($cursorContext)).toBeNull()
  })
})

describe('an action with only a cursor, and the accepted text', () => {
  it('takes the cursor’s paragraph as the passage', () => {
    const editor = newEditor(['Above.', 'The rain fell on the roofs.'], 1, 4)
    let text = ''
    editor.update(
      () => {
        expect($selectCaretBlock()).toBe(true)
        text = $markTarget('m1')?.text ?? ''
      },
      { discrete: true },
    )
    expect(text).toBe('The rain fell on the roofs.')
  })

  it('finds the inserted rewrite before the caret and selects exactly it', () => {
    const editor = newEditor(['Before. Old words here. After.'])
    let selected = ''
    editor.update(
      () => {
        const node = $getRoot().getFirstDescendant() as TextNode
        const range = $createRangeSelection()
        range.anchor.set(node.getKey(), 8, 'text')
        range.focus.set(node.getKey(), 23, 'text')
        $setSelection(range)
        const target = $markTarget('m2')!
        expect(target.text).toBe('Old words here.')
        expect($applySuggestion(target, 'New words, fresher.', 'replace')).toBe(true)
        const span = $spanBeforeCaret(insertedLength('New words, fresher.'))
        expect(span).not.toBeNull()
        $selectSpan(span!)
        selected = $getSelection()?.getTextContent() ?? ''
      },
      { discrete: true },
    )
    expect(selected).toBe('New words, fresher.')
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(
      'Before. New words, fresher. After.',
    )
  })
})
