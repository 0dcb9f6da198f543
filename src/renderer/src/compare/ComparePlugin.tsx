import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $addUpdateTag, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, HISTORY_PUSH_TAG } from 'lexical'
import { mergeRegister } from '@lexical/utils'
import type { PromptSummary, QuireApi } from '@shared/contract'
import type { VoteChoice } from '@shared/compare/vote'
import { hostErrorText } from '../i18n/hostText'
import { $applySuggestion } from '../editor/plugins/Suggestion/applySuggestion'
import {
  $adoptScreenSelection,
  $hasPassageSelected,
  $markTarget,
  $unmarkTarget,
  type SuggestionTarget,
} from '../editor/plugins/Suggestion/target'
import { challengers, defaultChallenger, type Challenger } from './challengers'
import { COMPARE_COMMAND } from './commands'
import { ComparePanel } from './ComparePanel'
import type { Side } from './compareState'
import { createCompareRequests } from './compareRequests'
import { createCompareStore } from './compareStore'
import { backendChoices, useLibraryChoices, useModelChoices } from './useChallengers'

const LAST_KEY = (promptId: string) => `quire.compare.${promptId}`

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  onActiveChange(active: boolean): void
  onOpenStats(): void
}

/**
 * Compare: on a selection, two configurations of one action run at once, their answers side by
 * side in random order with the labels hidden; the writer votes, then sees which was which and
 * may take either answer (one undo step).
 */
export function ComparePlugin({ api, prompts, onActiveChange, onOpenStats }: Props) {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const store = useMemo(() => createCompareStore(), [])
  const state = useSyncExternalStore(store.subscribe, store.get)
  const library = useLibraryChoices(api)
  const modelView = useModelChoices(api, state.phase === 'open')
  const [challengerKey, setChallengerKey] = useState<string | null>(null)

  useEffect(() => onActiveChange(state.phase !== 'idle'), [state.phase, onActiveChange])

  const requests = useMemo(() => createCompareRequests(api, store), [api, store])
  useEffect(() => requests.listen(), [requests])

  const options = useCallback(
    (prompt: PromptSummary, language: 'zh' | 'en') =>
      challengers(
        prompt,
        library.presets,
        library.personas.filter((p) => p.language === language),
        prompts.filter((p) => p.kind === prompt.kind),
        modelView ? backendChoices(modelView) : undefined,
      ),
    [library, prompts, modelView],
  )

  const label = useCallback(
    (challenger: Challenger | null): string => {
      if (!challenger) return t('compare.current')
      if (challenger.kind === 'temperature')
        return t('compare.option.temperature', { value: challenger.value })
      if (challenger.kind === 'prompt')
        return t('compare.option.prompt', { title: challenger.title })
      if (challenger.kind === 'remote')
        return t('compare.option.remote', { server: challenger.title })
      // The bundled presets' titles are English in presets.json; name them in the UI language.
      if (challenger.kind === 'preset')
        return t('compare.option.preset', {
          title: t(`compare.presetTitles.${challenger.id}`, { defaultValue: challenger.title }),
        })
      return t(`compare.option.${challenger.kind}`, { title: challenger.title })
    },
    [t],
  )

  const launch = useCallback(
    (prompt: PromptSummary, target: SuggestionTarget, challenger: Challenger) => {
      setChallengerKey(challenger.key)
      window.localStorage.setItem(LAST_KEY(prompt.id), challenger.key)
      void requests.launch(prompt, target, challenger, { a: label(null), b: label(challenger) })
    },
    [requests, label],
  )

  // Runs inside COMPARE_COMMAND's update.
  const $compare = useCallback(
    (promptId: string): boolean => {
      const prompt = prompts.find((p) => p.id === promptId)
      $adoptScreenSelection(editor)
      if (!prompt || !$hasPassageSelected()) return false
      $addUpdateTag(HISTORY_MERGE_TAG)
      const previous = store.get()
      if (previous.phase === 'open') {
        requests.stop()
        $unmarkTarget(previous.target.markId)
      }
      const target = $markTarget(crypto.randomUUID())
      if (!target) return false
      const choices = options(prompt, prompt.language)
      const challenger = defaultChallenger(
        choices,
        prompt.preset,
        window.localStorage.getItem(LAST_KEY(prompt.id)),
      )
      if (!challenger) return false
      // After this update: the panel's requests need the marks in place.
      queueMicrotask(() => launch(prompt, target, challenger))
      return true
    },
    [editor, prompts, store, requests, options, launch],
  )

  const close = useCallback(() => {
    const now = store.get()
    requests.stop()
    if (now.phase === 'open')
      editor.update(() => $unmarkTarget(now.target.markId), {
        discrete: true,
        tag: HISTORY_MERGE_TAG,
      })
    store.dispatch({ type: 'close' })
    editor.focus()
  }, [store, requests, editor])

  const rerun = useCallback(
    (key: string) => {
      const now = store.get()
      const prompt = now.phase === 'open' ? prompts.find((p) => p.id === now.prompt.id) : undefined
      if (now.phase !== 'open' || !prompt) return
      const challenger = options(prompt, prompt.language).find((o) => o.key === key)
      if (challenger) launch(prompt, now.target, challenger)
    },
    [store, prompts, options, launch],
  )

  const vote = useCallback(
    (choice: VoteChoice) => {
      const now = store.get()
      if (now.phase !== 'open') return
      const a = now.answers.a.started?.configuration
      const b = now.answers.b.started?.configuration
      store.dispatch({ type: 'vote', choice })
      if (!a || !b) return store.dispatch({ type: 'vote-failed', message: t('compare.noConfig') })
      api
        .recordVote({
          voteId: now.vote.voteId,
          action: now.prompt.id,
          language: a.language,
          inputChars: [...now.target.text].length,
          a,
          b,
          choice,
          shownFirst: now.shownFirst,
        })
        .then(
          () => store.dispatch({ type: 'voted' }),
          (error: unknown) =>
            store.dispatch({ type: 'vote-failed', message: hostErrorText(t, error) }),
        )
    },
    [api, store, t],
  )

  const accept = useCallback(
    (side: Side) => {
      const now = store.get()
      if (now.phase !== 'open' || now.answers[side].phase !== 'done') return
      let applied = false
      editor.update(
        () => {
          applied = $applySuggestion(now.target, now.answers[side].text, now.prompt.apply)
        },
        { discrete: true, tag: HISTORY_PUSH_TAG },
      )
      if (!applied) return store.dispatch({ type: 'refused' })
      store.dispatch({ type: 'close' })
      editor.focus()
    },
    [store, editor],
  )

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          COMPARE_COMMAND,
          ({ promptId }) => $compare(promptId),
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, $compare],
  )

  if (state.phase === 'idle') return null
  const prompt = prompts.find((p) => p.id === state.prompt.id)
  const choices = prompt ? options(prompt, prompt.language) : []
  return createPortal(
    <ComparePanel
      state={state}
      choices={choices.map((c) => ({ key: c.key, label: label(c) }))}
      challengerKey={challengerKey}
      onRerun={rerun}
      onVote={vote}
      onAccept={accept}
      onClose={close}
      onOpenStats={() => {
        close()
        onOpenStats()
      }}
    />,
    document.body,
  )
}
