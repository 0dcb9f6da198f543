import { useCallback, useEffect, useMemo, useReducer } from 'react'
import i18next from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Language, MethodOutput, QuireApi } from '@shared/contract'
import { applySettingsPatch, settingsPatchSchema, type Settings } from '@shared/settings/schema'
import {
  changesOf,
  fieldsOfEdit,
  languages,
  phrasesToSend,
  toDraft,
  type FieldErrors,
  type FieldKey,
  type LocalProblem,
  type SettingsDraft,
} from './draft'
import { asHostMessage, hostErrorText } from '../i18n/hostText'
import { describeProblem, refusalErrors } from './refusal'
import { SETTINGS_SAVED_EVENT } from './settingsEvents'
import { liveProblems } from './liveCheck'

export type RemoteKeyStatus = MethodOutput<'getRemoteKeyStatus'>
export type SaveNote =
  'saved' | 'reloaded' | 'to-local' | 'to-remote' | 'to-remote-unchecked' | 'key-forgotten'

/** Everything the panel shows: the saved settings, the writer's draft, and how saving went. */
export type SettingsFormState = {
  phase: 'loading' | 'ready' | 'failed'
  saved: Settings | null
  draft: SettingsDraft | null
  keyStatus: RemoteKeyStatus | null
  /** Bumped by every edit, so a save that returns late does not overwrite newer typing. */
  revision: number
  saving: 'no' | 'settings' | 'engine'
  errors: FieldErrors
  /** Counts refused saves, so the panel can take the writer to the first problem each time. */
  refusals: number
  /** A problem no field explains (a failed reload, a lost connection). */
  problem: string | null
  note: SaveNote | null
  /** The server the writer is switching to did not answer: saved only if they confirm. */
  remoteCheck: { problem: string } | null
}

type Action =
  | { type: 'loaded'; settings: Settings; keyStatus: RemoteKeyStatus }
  | { type: 'load-failed'; message: string }
  | { type: 'edit'; change: (draft: SettingsDraft) => SettingsDraft }
  | { type: 'save-start'; reloading: boolean }
  | { type: 'refused'; errors: FieldErrors; problem: string | null; saved?: Settings }
  | {
      type: 'saved'
      settings: Settings
      keyStatus: RemoteKeyStatus | null
      revision: number
      note: SaveNote
    }
  | { type: 'key-status'; keyStatus: RemoteKeyStatus; note: SaveNote | null }
  | { type: 'remote-check-failed'; problem: string }

const initial: SettingsFormState = {
  phase: 'loading',
  saved: null,
  draft: null,
  keyStatus: null,
  revision: 0,
  saving: 'no',
  errors: {},
  refusals: 0,
  problem: null,
  note: null,
  remoteCheck: null,
}

function withoutFields(errors: FieldErrors, fields: readonly FieldKey[]): FieldErrors {
  const next = { ...errors }
  for (const field of fields) delete next[field]
  return next
}

function reduce(state: SettingsFormState, action: Action): SettingsFormState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        phase: 'ready',
        saved: action.settings,
        draft: toDraft(action.settings),
        keyStatus: action.keyStatus,
      }
    case 'load-failed':
      return { ...state, phase: 'failed', problem: action.message }
    case 'edit': {
      if (!state.draft) return state
      const draft = action.change(state.draft)
      return {
        ...state,
        draft,
        revision: state.revision + 1,
        errors: withoutFields(state.errors, fieldsOfEdit(state.draft, draft)),
        note: null,
        remoteCheck: null,
      }
    }
    case 'save-start':
      return {
        ...state,
        saving: action.reloading ? 'engine' : 'settings',
        errors: {},
        problem: null,
        note: null,
        remoteCheck: null,
      }
    case 'refused':
      return {
        ...state,
        saving: 'no',
        errors: action.errors,
        refusals: state.refusals + 1,
        problem: action.problem,
        saved: action.saved ?? state.saved,
      }
    case 'saved':
      return {
        ...state,
        saving: 'no',
        saved: action.settings,
        // Typing that happened while saving stays; otherwise show what the host kept.
        draft: state.revision === action.revision ? toDraft(action.settings) : state.draft,
        keyStatus: action.keyStatus ?? state.keyStatus,
        note: action.note,
      }
    case 'key-status':
      return {
        ...state,
        keyStatus: action.keyStatus,
        note: action.note,
        errors: withoutFields(state.errors, ['apiKey']),
      }
    case 'remote-check-failed':
      return { ...state, saving: 'no', remoteCheck: { problem: action.problem } }
    default:
      return action satisfies never
  }
}

/** What the writer is told after saving: whether the engine changed, and how. */
function noteFor(before: Settings, after: Settings): SaveNote {
  if (before.engine.backend !== after.engine.backend)
    return after.engine.backend === 'local' ? 'to-local' : 'to-remote'
  const local = ({ engine }: Settings) => JSON.stringify({ ...engine, backend: null })
  return after.engine.backend === 'local' && local(before) !== local(after) ? 'reloaded' : 'saved'
}

/** Loads the settings, keeps the writer's edits in one draft, and saves only what changed. */
export function useSettingsForm(api: QuireApi) {
  const { t, i18n } = useTranslation()
  const [state, dispatch] = useReducer(reduce, initial)

  useEffect(() => {
    let live = true
    Promise.all([api.getSettings(), api.getRemoteKeyStatus()]).then(
      ([settings, keyStatus]) => live && dispatch({ type: 'loaded', settings, keyStatus }),
      (error: unknown) =>
        live && dispatch({ type: 'load-failed', message: hostErrorText(i18next.t, error) }),
    )
    return () => {
      live = false
    }
  }, [api])

  const changes = useMemo(
    () => (state.saved && state.draft ? changesOf(state.saved, state.draft) : null),
    [state.saved, state.draft],
  )
  const dirty =
    changes !== null &&
    (Object.keys(changes.patch).length > 0 ||
      changes.problems.length > 0 ||
      state.draft?.apiKey.trim() !== '')

  const edit = useCallback(
    (change: (draft: SettingsDraft) => SettingsDraft) => dispatch({ type: 'edit', change }),
    [],
  )

  const describe = (field: FieldKey, problem: LocalProblem['kind']): string =>
    describeProblem(t, i18n.language, state.draft, field, problem)

  // Checked as the writer types; a host refusal for the same field (kept in state) wins.
  const live = useMemo(() => (state.draft ? liveProblems(state.draft) : []), [state.draft])
  const liveErrors: FieldErrors = {}
  for (const problem of live)
    liveErrors[problem.field] = describe(
      problem.field,
      problem.kind === 'required' ? 'required' : 'whole-number',
    )
  const errors: FieldErrors = { ...liveErrors, ...state.errors }

  /** Saves the draft; a server being switched to is asked first, unless the writer `confirmed`. */
  const save = async ({ confirmed = false } = {}): Promise<void> => {
    const { saved, draft, revision } = state
    if (!saved || !draft || !changes || state.saving !== 'no') return
    if (changes.problems.length > 0 || live.length > 0) {
      const errors: FieldErrors = { ...liveErrors }
      for (const { field, kind } of changes.problems) errors[field] = describe(field, kind)
      dispatch({ type: 'refused', errors, problem: null })
      return
    }
    const hasPatch = Object.keys(changes.patch).length > 0
    dispatch({ type: 'save-start', reloading: hasPatch && changes.touchesEngine })
    const toServer =
      draft.backend === 'remote' &&
      (changes.patch.engine?.backend === 'remote' || changes.patch.remote)
    if (toServer && !confirmed) {
      const { remote } = applySettingsPatch(saved, settingsPatchSchema.parse(changes.patch))
      const answer = await api.checkRemote(remote).catch((error: unknown) => error)
      if (answer instanceof Error || (answer as { state?: string }).state !== 'ready') {
        dispatch({ type: 'remote-check-failed', problem: hostErrorText(t, answer) })
        return
      }
    }

    let settings = saved
    if (hasPatch) {
      try {
        settings = await api.updateSettings(changes.patch)
      } catch (error) {
        const sentRows = Object.fromEntries(
          languages.map((language) => [language, phrasesToSend(draft.replacements[language]).keys]),
        ) as Record<Language, number[]>
        // The host names each refused value's place; the form says what is wrong in its own words.
        const { errors, problem } = refusalErrors(
          t,
          i18n.language,
          draft,
          asHostMessage(error),
          sentRows,
        )
        // A reload can fail after the settings were stored: compare with what the host has now.
        const current = await api.getSettings().catch(() => undefined)
        dispatch({
          type: 'refused',
          errors,
          problem,
          saved: current,
        })
        return
      }
    }

    let keyStatus: RemoteKeyStatus | null = null
    const apiKey = draft.apiKey.trim()
    // A new server address leaves the key behind (it goes only where it was entered for): ask.
    if (apiKey === '' && changes.patch.remote?.baseUrl !== undefined)
      keyStatus = await api.getRemoteKeyStatus().catch(() => null)
    if (apiKey !== '') {
      try {
        keyStatus = await api.setRemoteApiKey({ apiKey })
      } catch (error) {
        dispatch({
          type: 'refused',
          errors: { apiKey: hostErrorText(t, error) },
          problem: hasPatch ? t('settings.keyNotSaved') : null,
          saved: settings,
        })
        return
      }
    }
    const note = noteFor(saved, settings)
    dispatch({
      type: 'saved',
      settings,
      keyStatus,
      revision,
      note: note === 'to-remote' && confirmed ? 'to-remote-unchecked' : note,
    })
    // The editor follows the settings it uses (auto-suggest) without asking the host again.
    window.dispatchEvent(new CustomEvent(SETTINGS_SAVED_EVENT, { detail: settings }))
  }

  const forgetKey = async (): Promise<void> => {
    try {
      const keyStatus = await api.setRemoteApiKey({ apiKey: null })
      dispatch({ type: 'key-status', keyStatus, note: 'key-forgotten' })
    } catch (error) {
      dispatch({ type: 'refused', errors: { apiKey: hostErrorText(t, error) }, problem: null })
    }
  }

  return { state, errors, dirty, edit, save, forgetKey }
}
