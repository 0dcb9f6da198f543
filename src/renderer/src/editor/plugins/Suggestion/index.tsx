import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type RefObject,
} from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  HISTORY_PUSH_TAG,
  KEY_ESCAPE_COMMAND,
} from 'lexical'
import { mergeRegister } from '@lexical/utils'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { clampLeft, nodeBox, selectionBox, type Placement } from '../../positioning'
import { RUN_PROMPT_COMMAND } from './commands'
import { ShowPrompt } from './ShowPrompt'
import { SuggestionCard } from './SuggestionCard'
import {
  idleSuggestion,
  suggestionReducer,
  visibleText,
  type RunningPrompt,
} from './suggestionState'
import { $applySuggestion, $captureTarget, type SuggestionTarget } from './target'
import { useStreamingEvents } from './useStreamingEvents'

const CARD_WIDTH = 520
const CARD_GAP = 10

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  anchor: RefObject<HTMLDivElement | null>
  onActiveChange(active: boolean): void
}

/** Runs prompts on the selection and shows the streaming answer in a card under it. */
export function SuggestionPlugin({ api, prompts, anchor, onActiveChange }: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const [state, dispatch] = useReducer(suggestionReducer, idleSuggestion)
  const [placement, setPlacement] = useState<Placement>({ top: 0, left: 0 })
  const [notice, setNotice] = useState<string | null>(null)
  const stream = useStreamingEvents(api, dispatch)
  const current = useRef(state)
  useLayoutEffect(() => {
    current.current = state
  }, [state])

  useEffect(() => onActiveChange(state.phase !== 'idle'), [state.phase, onActiveChange])

  const start = useCallback(
    async (prompt: RunningPrompt, target: SuggestionTarget, variables: Record<string, string>) => {
      setNotice(null)
      dispatch({ type: 'start', prompt, target, variables })
      stream.expect()
      try {
        const { requestId } = await api.generate({
          requestId: crypto.randomUUID(),
          promptId: prompt.id,
          selection: target.text,
          before: target.before,
          after: target.after,
          language: 'auto',
          variables,
        })
        dispatch({ type: 'started', requestId })
        stream.follow(requestId)
      } catch (error) {
        stream.forget()
        dispatch({
          type: 'failed',
          requestId: null,
          message: error instanceof Error ? error.message : String(error),
        })
      }
    },
    [api, stream],
  )

  const cancelRunning = useCallback(() => {
    const running = current.current
    if (running.phase === 'streaming')
      void api.cancel({ requestId: running.requestId }).catch(() => {})
  }, [api])

  const run = useCallback(
    (promptId: string, variables: Record<string, string> = {}): boolean => {
      const prompt = prompts.find((p) => p.id === promptId)
      const target = editor.getEditorState().read(() => $captureTarget())
      const container = anchor.current
      if (!prompt || !target || !container) return false
      cancelRunning()
      const box =
        selectionBox(container) ?? nodeBox(editor.getElementByKey(target.focus.key), container)
      if (box)
        setPlacement({
          top: box.bottom + CARD_GAP,
          left: clampLeft(box.left, CARD_WIDTH, container),
        })
      void start(prompt, target, variables)
      return true
    },
    [anchor, editor, prompts, start, cancelRunning],
  )

  const close = useCallback(() => {
    cancelRunning()
    stream.forget()
    setNotice(null)
    dispatch({ type: 'close' })
    editor.focus()
  }, [cancelRunning, editor, stream])

  const stop = useCallback(() => cancelRunning(), [cancelRunning])

  const accept = useCallback(() => {
    const done = current.current
    if (done.phase !== 'done') return
    const text = visibleText(done)
    let applied = false
    editor.update(
      () => {
        applied = $applySuggestion(done.target, text, done.prompt.apply)
      },
      { discrete: true, tag: HISTORY_PUSH_TAG },
    )
    if (!applied) return setNotice(t('suggestion.changed'))
    dispatch({ type: 'close' })
    editor.focus()
  }, [editor, t])

  const retry = useCallback(() => {
    const last = current.current
    if (last.phase === 'idle') return
    cancelRunning()
    void start(last.prompt, last.target, last.variables)
  }, [start, cancelRunning])

  const toggleRaw = useCallback(() => dispatch({ type: 'toggle-raw' }), [])

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          RUN_PROMPT_COMMAND,
          ({ promptId }) => run(promptId),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ESCAPE_COMMAND,
          (event) => {
            const phase = current.current.phase
            if (phase === 'idle') return false
            event.preventDefault()
            if (phase === 'streaming' || phase === 'starting') stop()
            else close()
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, run, stop, close],
  )

  // Esc also works while focus is on the card's own buttons.
  useEffect(() => {
    if (state.phase === 'idle') return
    const onKey = (event: KeyboardEvent): void => {
      if (
        event.key !== 'Escape' ||
        !anchor.current?.querySelector('.suggestion-card')?.contains(event.target as Node)
      )
        return
      event.preventDefault()
      if (current.current.phase === 'streaming') stop()
      else close()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [state.phase, anchor, stop, close])

  if (state.phase === 'idle' || !anchor.current) return null
  return createPortal(
    <SuggestionCard
      state={state}
      promptView={
        <ShowPrompt
          api={api}
          promptId={state.prompt.id}
          target={state.target}
          variables={state.variables}
        />
      }
      placement={placement}
      notice={notice}
      onAccept={accept}
      onReject={close}
      onStop={stop}
      onRetry={retry}
      onToggleRaw={toggleRaw}
    />,
    anchor.current,
  )
}
