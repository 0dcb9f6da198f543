import { describe, expect, it } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import { $createHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { MarkNode } from '@lexical/mark'
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $setSelection,
  HISTORY_MERGE_TAG,
  HISTORY_PUSH_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical'
import {
  $markTarget,
  $targetText,
  registerStaleMarkCleanup,
  type SuggestionTarget,
} from '../../../src/renderer/src/editor/plugins/Suggestion/target'
import { $applySuggestion } from '../../../src/renderer/src/editor/plugins/Suggestion/applySuggestion'

type BlockSpec = { heading?: boolean; text: string }

function newEditor(blocks: readonly BlockSpec[]): LexicalEditor {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, MarkNode],
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const root = $getRoot()
      for (const block of blocks) {
        const node = block.heading ? $createHeadingNode('h2') : $createParagraphNode()
        root.append(node.append($createTextNode(block.text)))
      }
    },
    { discrete: true },
  )
  return editor
}

const update = (editor: LexicalEditor, fn: () => void, tag?: string): void =>
  editor.update(fn, { discrete: true, ...(tag ? { tag } : {}) })

/** Finds `text` in a text node and returns it with its offset. */
function $find(text: string): { node: TextNode; at: number } {
  for (const node of $getRoot().getAllTextNodes()) {
    const at = node.getTextContent().indexOf(text)
    if (at >= 0) return { node, at }
  }
  throw new Error(`"${text}" is not in the document`)
}

/** Selects from the start of `from` to the end of `to` (the same string for one passage). */
function select(editor: LexicalEditor, from: string, to = from): void {
  update(editor, () => {
    const start = $find(from)
    const end = $find(to)
    const range = $createRangeSelection()
    range.anchor.set(start.node.getKey(), start.at, 'text')
    range.focus.set(end.node.getKey(), end.at + to.length, 'text')
    $setSelection(range)
  })
}

function mark(editor: LexicalEditor, from: string, to = from): SuggestionTarget {
  select(editor, from, to)
  let target: SuggestionTarget | null = null
  update(editor, () => (target = $markTarget('m1')), HISTORY_MERGE_TAG)
  if (!target) throw new Error('nothing was marked')
  return target
}

function accept(editor: LexicalEditor, target: SuggestionTarget, answer: string): boolean {
  let applied = false
  update(editor, () => (applied = $applySuggestion(target, answer, 'replace')), HISTORY_PUSH_TAG)
  return applied
}

/** The document as block type and text, one line per block. */
const blocks = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => `${node.getType()}: ${node.getTextContent()}`),
  )

function $hasMarks(node: LexicalNode = $getRoot()): boolean {
  if (node.getType() === 'mark') return true
  return $isElementNode(node) && node.getChildren().some($hasMarks)
}
const hasMarks = (editor: LexicalEditor): boolean => editor.getEditorState().read(() => $hasMarks())

const typeAt = (editor: LexicalEditor, text: string, offset: number, typed: string): void =>
  update(editor, () => {
    const { node, at } = $find(text)
    node.spliceText(at + offset, 0, typed)
  })

describe('the passage a suggestion rewrites, tracked with marks', () => {
  it('follows typing before it in its own paragraph', () => {
    const editor = newEditor([{ text: 'The lamps came on. My grandmother walked home.' }])
    const target = mark(editor, 'My grandmother walked home.')
    typeAt(editor, 'The lamps', 0, 'Hi! ')
    expect(accept(editor, target, 'She went home.')).toBe(true)
    expect(blocks(editor)).toEqual(['paragraph: Hi! The lamps came on. She went home.'])
    expect(hasMarks(editor)).toBe(false)
  })

  it('follows a paragraph added above it', () => {
    const editor = newEditor([{ text: 'One.' }, { text: 'Two three.' }])
    const target = mark(editor, 'three')
    update(editor, () =>
      $getRoot()
        .getFirstChildOrThrow()
        .insertBefore($createParagraphNode().append($createTextNode('Zero.'))),
    )
    expect(accept(editor, target, 'four')).toBe(true)
    expect(blocks(editor)).toEqual(['paragraph: Zero.', 'paragraph: One.', 'paragraph: Two four.'])
  })

  it('is not touched by an edit after it', () => {
    const editor = newEditor([{ text: 'Keep this. Change that.' }])
    const target = mark(editor, 'Keep this.')
    typeAt(editor, 'that.', 5, ' And then it rained.')
    expect(accept(editor, target, 'Kept.')).toBe(true)
    expect(blocks(editor)).toEqual(['paragraph: Kept. Change that. And then it rained.'])
  })

  it('refuses when the passage itself was edited, and leaves the edit alone', () => {
    const editor = newEditor([{ text: 'She walked home slowly.' }])
    const target = mark(editor, 'walked home slowly')
    update(editor, () => {
      const { node, at } = $find('slowly')
      node.spliceText(at, 'slowly'.length, 'quickly')
    })
    expect(editor.getEditorState().read(() => $targetText('m1'))).toBe('walked home quickly')
    expect(accept(editor, target, 'ran')).toBe(false)
    expect(blocks(editor)).toEqual(['paragraph: She walked home quickly.'])
  })

  it('refuses when the passage was deleted', () => {
    const editor = newEditor([{ text: 'Gone soon.' }, { text: 'Stays.' }])
    const target = mark(editor, 'Gone soon.')
    update(editor, () => $getRoot().getFirstChildOrThrow().remove())
    expect(accept(editor, target, 'Back.')).toBe(false)
    expect(blocks(editor)).toEqual(['paragraph: Stays.'])
  })

  it('leaves the text exactly as it was while marked', () => {
    const editor = newEditor([{ text: 'The lamps came on along the river.' }])
    mark(editor, 'came on')
    expect(blocks(editor)).toEqual(['paragraph: The lamps came on along the river.'])
  })
})

describe('Accept and undo', () => {
  it('is one undo step, and the undone text carries no mark of the closed card', async () => {
    const editor = newEditor([{ text: 'First.' }, { text: 'Second line here.' }])
    const history = createEmptyHistoryState()
    registerHistory(editor, history, 0)
    let active: string | null = 'm1'
    registerStaleMarkCleanup(editor, () => active)
    update(editor, () => $getRoot().getFirstChildOrThrow().selectEnd(), HISTORY_PUSH_TAG)
    const target = mark(editor, 'line')
    expect(accept(editor, target, 'verse')).toBe(true)
    active = null
    expect(blocks(editor)).toEqual(['paragraph: First.', 'paragraph: Second verse here.'])
    editor.dispatchCommand(UNDO_COMMAND, undefined)
    // The undo, and the clean-up it triggers, commit after the command's own update.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(blocks(editor)).toEqual(['paragraph: First.', 'paragraph: Second line here.'])
    expect(hasMarks(editor)).toBe(false)
    expect(history.redoStack).toHaveLength(1)
  })
})

describe('answers keep the selection’s block structure', () => {
  const chapter = [
    { heading: true, text: 'Chapter One' },
    { text: 'The lamps came on along the river.' },
    { text: 'Afterwards.' },
  ]

  it('gives each block its own paragraph when they match one to one, heading included', () => {
    const editor = newEditor(chapter)
    const target = mark(editor, 'Chapter One', 'along the river.')
    expect(accept(editor, target, 'The First Chapter\n\nLights woke by the water.')).toBe(true)
    expect(blocks(editor)).toEqual([
      'heading: The First Chapter',
      'paragraph: Lights woke by the water.',
      'paragraph: Afterwards.',
    ])
  })

  it('keeps the heading and puts a single answer paragraph into the prose', () => {
    const editor = newEditor(chapter)
    const target = mark(editor, 'Chapter One', 'along the river.')
    expect(accept(editor, target, 'Lights woke by the water.')).toBe(true)
    expect(blocks(editor)).toEqual([
      'heading: Chapter One',
      'paragraph: Lights woke by the water.',
      'paragraph: Afterwards.',
    ])
  })

  it('keeps the heading and puts more answer paragraphs than blocks after it', () => {
    const editor = newEditor(chapter)
    const target = mark(editor, 'Chapter One', 'along the river.')
    expect(accept(editor, target, 'One.\n\nTwo.\n\nThree.')).toBe(true)
    expect(blocks(editor)).toEqual([
      'heading: Chapter One',
      'paragraph: One.',
      'paragraph: Two.',
      'paragraph: Three.',
      'paragraph: Afterwards.',
    ])
  })

  it('never writes prose into a heading selected partly with the start of a paragraph', () => {
    const editor = newEditor(chapter)
    const target = mark(editor, 'One', 'The lamps came on')
    expect(accept(editor, target, 'A.\n\nB.\n\nC.')).toBe(true)
    expect(blocks(editor)).toEqual([
      'heading: Chapter One',
      'paragraph: A.',
      'paragraph: B.',
      'paragraph: C.',
      'paragraph:  along the river.',
      'paragraph: Afterwards.',
    ])
  })

  it('splits a paragraph when the answer to part of it has two paragraphs', () => {
    const editor = newEditor([{ text: 'Before. Middle. After.' }])
    const target = mark(editor, 'Middle.')
    expect(accept(editor, target, 'Mid one.\n\nMid two.')).toBe(true)
    expect(blocks(editor)).toEqual(['paragraph: Before. Mid one.', 'paragraph: Mid two. After.'])
  })

  it('inserts a poem after a heading as paragraphs, not into it', () => {
    const editor = newEditor([{ heading: true, text: 'Autumn' }, { text: 'Later.' }])
    select(editor, 'Autumn')
    let target: SuggestionTarget | null = null
    update(editor, () => (target = $markTarget('m1')), HISTORY_MERGE_TAG)
    let applied = false
    update(editor, () => (applied = $applySuggestion(target!, 'Leaves fall', 'insert-after')))
    expect(applied).toBe(true)
    expect(blocks(editor)).toEqual([
      'heading: Autumn',
      'paragraph: Leaves fall',
      'paragraph: Later.',
    ])
  })
})
