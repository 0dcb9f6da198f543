import {
  $addUpdateTag,
  $getSelection,
  $isRangeSelection,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
} from 'lexical'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { createGenerationClient, mintSeed } from '../Suggestion/generationClient'
import { isRunning } from '../Suggestion/alternative'
import { edgeOf } from '../Suggestion/target'
import { $cursorContext } from './cursorContext'
import { ghostNextWord, ghostRemaining } from './ghostState'
import type { GhostStore } from './ghostStore'

/** The update tag of text the writer takes from the ghost, so taking it does not dismiss it. */
export const GHOST_TAKE_TAG = 'quire-ghost-take'

/** What the ghost text plugin does, outside React. */
export type GhostController = {
  /** Asks for a continuation at the cursor; false when there is no cursor or nothing before it. */
  start(prompt: PromptSummary): boolean
  /**
   * Puts all that is left (`all`) or its next word into the document, as one undo step. Runs
   * inside an update (the key commands that call it are).
   */
  $take(amount: 'all' | 'word'): boolean
  /** Takes the ghost away and cancels its request. */
  dismiss(): void
  dispose(): void
}

/** Inserts text at the collapsed cursor, paragraphs as paragraphs and lines as line breaks. */
function $insertAtCursor(text: string): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
  text.split(/\n\s*\n/).forEach((paragraph, index) => {
    const current = $getSelection()
    if (!$isRangeSelection(current)) return
    if (index > 0) current.insertParagraph()
    const next = $getSelection()
    if ($isRangeSelection(next)) next.insertRawText(paragraph)
  })
  return true
}

/** The ghost's request and the writer's taking of it, over one editor and one store. */
export function createGhostController(
  editor: LexicalEditor,
  api: QuireApi,
  store: GhostStore,
): GhostController {
  const client = createGenerationClient(api, store.dispatch)

  const dismiss = (): void => {
    const state = store.get()
    if (state.phase !== 'open') return
    if (isRunning(state.answer)) client.cancel(state.answer.requestId)
    store.dispatch({ type: 'dismiss' })
  }

  return {
    start(prompt) {
      // Read-only while a document loads: nothing could be taken.
      if (!editor.isEditable()) return false
      const context = editor.getEditorState().read(() => $cursorContext())
      if (!context) return false
      dismiss()
      const requestId = crypto.randomUUID()
      const seed = mintSeed()
      store.dispatch({
        type: 'open',
        requestId,
        seed,
        prompt,
        anchor: context.anchor,
        textBefore: context.textBefore,
      })
      client.run({
        requestId,
        seed,
        promptId: prompt.id,
        selection: context.passage,
        before: context.before,
        after: context.after,
        language: 'auto',
      })
      return true
    },
    $take(amount) {
      const state = store.get()
      const text = amount === 'all' ? ghostRemaining(state) : ghostNextWord(state)
      if (state.phase !== 'open' || text === '' || !$insertAtCursor(text)) return false
      // Its own undo step, and not an edit that dismisses the ghost.
      $addUpdateTag(HISTORY_PUSH_TAG)
      $addUpdateTag(GHOST_TAKE_TAG)
      const selection = $getSelection()
      if (!$isRangeSelection(selection)) return false
      store.dispatch({ type: 'took', count: text.length, anchor: edgeOf(selection.anchor) })
      const left = store.get()
      const finished =
        left.phase === 'open' && !isRunning(left.answer) && ghostRemaining(left) === ''
      if (amount === 'all' || finished) dismiss()
      return true
    },
    dismiss,
    dispose() {
      dismiss()
      client.dispose()
    },
  }
}
