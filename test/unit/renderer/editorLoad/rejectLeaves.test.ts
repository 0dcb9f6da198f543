import { describe, expect, it } from 'vitest'
import { createHeadlessEditor } from '@lexical/headless'
import { $isMarkNode, MarkNode } from '@lexical/mark'
import { $dfsIterator } from '@lexical/utils'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
} from 'lexical'
import {
  emptyStats,
  type GenerateCall,
  type QuireApi,
  type QuireEvent,
} from '../../../../src/shared/contract'
import { createSuggestionSession } from '../../../../src/renderer/src/editor/plugins/Suggestion/suggestionSession'
import { createSuggestionStore } from '../../../../src/renderer/src/editor/plugins/Suggestion/suggestionStore'
import type { RunningPrompt } from '../../../../src/renderer/src/editor/plugins/Suggestion/suggestionState'
import {
  $markTarget,
  $unmarkTarget,
  registerStaleMarkCleanup,
  type SuggestionTarget,
} from '../../../../src/renderer/src/editor/plugins/Suggestion/target'

const prompt: RunningPrompt = {
  id: 'rewrite.plain',
  title: 'Plain',
  kind: 'rewrite',
  apply: 'replace',
  postprocess: [],
}

/** A host that answers every request, and ends a cancelled one as the real host does. */
function answeringHost() {
  const listeners = new Set<(event: QuireEvent) => void>()
  const cancelled: string[] = []
  const emit = (event: QuireEvent): void => listeners.forEach((listener) => listener(event))
  const end = (requestId: string, stopReason: 'eos' | 'abort'): void =>
    emit({
      type: 'done',
      requestId,
      text: 'Rewritten.',
      raw: 'Rewritten.',
      changes: [],
      flags: { languageMismatch: false, keptRaw: false, truncated: false },
      retried: false,
      stats: emptyStats(stopReason),
    })
  const api = {
    onEvent(listener: (event: QuireEvent) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    generate: (call: GenerateCall) => Promise.resolve({ requestId: call.requestId }),
    cancel({ requestId }: { requestId: string }) {
      cancelled.push(requestId)
      end(requestId, 'abort')
      return Promise.resolve({ cancelled: true })
    },
  } as unknown as QuireApi
  return { api, emit, end, cancelled, listeners }
}

type Listeners = { _listeners: { update: Set<unknown>; mutation: Map<unknown, unknown> } }
const listenerCounts = (editor: LexicalEditor) => {
  const { _listeners } = editor as unknown as Listeners
  return { update: _listeners.update.size, mutation: _listeners.mutation.size }
}

const $markCount = (): number => {
  let marks = 0
  for (const { node } of $dfsIterator()) if ($isMarkNode(node)) marks++
  return marks
}

describe('a rejected suggestion leaves nothing behind', () => {
  it('no mark, no request, no listener after 40 suggestions rejected, finished or mid-stream', () => {
    const editor = createHeadlessEditor({
      nodes: [MarkNode],
      onError: (error) => {
        throw error
      },
    })
    editor.update(
      () => {
        for (let i = 0; i < 3; i++)
          $getRoot().append($createParagraphNode().append($createTextNode(`Paragraph ${i}.`)))
      },
      { discrete: true },
    )
    const host = answeringHost()
    const store = createSuggestionStore()
    const frames = { request: () => 0, cancel: () => {} }
    const session = createSuggestionSession(host.api, store, frames)
    const stopCleanup = registerStaleMarkCleanup(editor, () => {
      const card = store.get()
      return card.phase === 'open' ? card.target.markId : null
    })
    const listenersBefore = listenerCounts(editor)
    const storeListenersBefore = host.listeners.size

    for (let i = 0; i < 40; i++) {
      let target: SuggestionTarget | null = null
      editor.update(
        () => {
          $getRoot().getChildAtIndex<ReturnType<typeof $createParagraphNode>>(1)?.select(0, 1)
          target = $markTarget(`mark-${i}`)
        },
        { discrete: true, tag: HISTORY_MERGE_TAG },
      )
      if (!target) throw new Error('nothing marked')
      session.start(prompt, target, {})
      const card = store.get()
      if (card.phase !== 'open') throw new Error('no card')
      const { requestId } = card.alternatives[0]
      // Every other one is rejected while it streams (its request cancelled), the rest once done.
      if (i % 2 === 0) host.end(requestId, 'eos')
      // Reject, as the card's button does: stop, unmark, close.
      session.cancelAllBut(null)
      editor.update(() => $unmarkTarget(target!.markId), { discrete: true, tag: HISTORY_MERGE_TAG })
      store.dispatch({ type: 'close' })

      expect(store.get()).toEqual({ phase: 'idle' })
      expect(editor.getEditorState().read($markCount)).toBe(0)
    }

    // Only the 20 rejected mid-stream were cancelled; none is still followed: disposing the
    // session has nothing left to cancel.
    expect(host.cancelled).toHaveLength(20)
    expect(listenerCounts(editor)).toEqual(listenersBefore)
    expect(host.listeners.size).toBe(storeListenersBefore)
    session.dispose()
    expect(host.cancelled).toHaveLength(20)
    expect(host.listeners.size).toBe(storeListenersBefore - 1)
    stopCleanup()
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(
      'Paragraph 0.\n\nParagraph 1.\n\nParagraph 2.',
    )
  })
})
