import i18next from 'i18next'
import { hostErrorText, problemText } from '../i18n/hostText'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { LibraryListing } from '@shared/prompts/libraryContract'
import type { LibraryProblem } from '@shared/prompts/schema'
import { checkPromptText, splitPromptFile, withBody, withField } from './promptFile'

type Entry = LibraryListing['prompts'][number]
type Props = {
  api: QuireApi
  entry: Entry
  listing: LibraryListing
  /** After a duplicate, the panel selects the new file. */
  onSelect(id: string, language: Entry['language']): void
}

const FIELDS = ['title', 'description', 'preset', 'persona', 'maxTokens', 'shortcut'] as const

type EditorState = {
  loaded: string
  text: string
  status: 'loading' | 'ready' | 'saving'
  message: string | null
  hostProblems: LibraryProblem[]
}

/** One prompt file: read-only when bundled (duplicate it to edit), a form and a body editor when it is the writer's. */
export function PromptEditor({ api, entry, listing, onSelect }: Props) {
  const { t } = useTranslation()
  const [state, setState] = useState<EditorState>({
    loaded: '',
    text: '',
    status: 'loading',
    message: null,
    hostProblems: [],
  })
  const editable = entry.origin === 'user'

  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, status: 'loading', message: null, hostProblems: [] }))
    api.getPromptText({ id: entry.id, language: entry.language }).then(
      (file) =>
        live &&
        setState({
          loaded: file.text,
          text: file.text,
          status: 'ready',
          message: null,
          hostProblems: [],
        }),
      (error: unknown) =>
        live &&
        setState((s) => ({
          ...s,
          status: 'ready',
          message: hostErrorText(i18next.t, error),
        })),
    )
    return () => {
      live = false
    }
  }, [api, entry.id, entry.language])

  const known = useMemo(
    () => ({
      presets: listing.presets.map((p) => p.id),
      personas: [...new Set(listing.personas.map((p) => p.id))],
    }),
    [listing],
  )
  const check = useMemo(
    () => checkPromptText(state.text, entry.language, known),
    [state.text, entry.language, known],
  )
  const problems = [...check.problems, ...state.hostProblems]
  const dirty = state.text !== state.loaded
  const { body } = splitPromptFile(state.text)

  const save = async (): Promise<void> => {
    setState((s) => ({ ...s, status: 'saving', message: null }))
    try {
      const result = await api.savePrompt({ language: entry.language, text: state.text })
      if (result.ok) {
        setState((s) => ({
          ...s,
          loaded: s.text,
          status: 'ready',
          message: t('library.saved'),
          hostProblems: result.problems,
        }))
        if (result.id !== entry.id) onSelect(result.id, entry.language)
      } else {
        setState((s) => ({ ...s, status: 'ready', hostProblems: result.problems }))
      }
    } catch (error) {
      setState((s) => ({
        ...s,
        status: 'ready',
        message: hostErrorText(i18next.t, error),
      }))
    }
  }

  const act = async (action: () => Promise<unknown>, after?: () => void): Promise<void> => {
    try {
      await action()
      after?.()
    } catch (error) {
      setState((s) => ({ ...s, message: hostErrorText(i18next.t, error) }))
    }
  }

  return (
    <div className="prompt-editor" data-testid="library-editor" data-origin={entry.origin}>
      <div className="row prompt-editor-actions">
        {!editable && (
          <button
            type="button"
            className="button primary"
            data-testid="library-duplicate"
            onClick={() =>
              void act(async () => {
                const copy = await api.duplicatePrompt({ id: entry.id, language: entry.language })
                onSelect(copy.id, entry.language)
              })
            }
          >
            {t('library.duplicate')}
          </button>
        )}
        {editable && (
          <>
            <button
              type="button"
              className="button primary"
              data-testid="library-save"
              disabled={!dirty || check.prompt === null || state.status === 'saving'}
              onClick={() => void save()}
            >
              {t('library.save')}
            </button>
            <button
              type="button"
              className="button subtle"
              data-testid={entry.overrides ? 'library-restore' : 'library-delete'}
              onClick={() =>
                void act(() =>
                  entry.overrides
                    ? api.restorePrompt({ id: entry.id, language: entry.language })
                    : api.deletePrompt({ id: entry.id, language: entry.language }),
                )
              }
            >
              {entry.overrides ? t('library.restore') : t('library.delete')}
            </button>
          </>
        )}
        <span className="field-hint">{entry.source}</span>
      </div>
      {state.message && (
        <p className="field-hint" role="status" data-testid="library-message">
          {state.message}
        </p>
      )}
      {editable ? (
        <>
          <div className="front-matter-form">
            {FIELDS.map((field) => (
              <label key={field} className="field">
                <span>{t(`library.fields.${field}`)}</span>
                {field === 'preset' || field === 'persona' ? (
                  <select
                    data-testid={`library-field-${field}`}
                    value={check.prompt?.[field] ?? ''}
                    onChange={(event) =>
                      setState((s) => ({
                        ...s,
                        text: withField(s.text, field, event.target.value),
                      }))
                    }
                  >
                    {(field === 'preset' ? known.presets : known.personas).map((id) => (
                      <option key={id} value={id}>
                        {id}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    data-testid={`library-field-${field}`}
                    defaultValue={String(check.prompt?.[field] ?? '')}
                    key={`${entry.id}:${state.loaded.length}:${field}`}
                    onChange={(event) =>
                      setState((s) => ({
                        ...s,
                        text: withField(s.text, field, event.target.value),
                      }))
                    }
                  />
                )}
              </label>
            ))}
          </div>
          <label className="field">
            <span>{t('library.body')}</span>
            <textarea
              data-testid="library-body"
              rows={16}
              spellCheck={false}
              value={body}
              onChange={(event) =>
                setState((s) => ({ ...s, text: withBody(s.text, event.target.value) }))
              }
            />
          </label>
        </>
      ) : (
        <pre className="prompt-source" data-testid="library-source">
          {state.text}
        </pre>
      )}
      {problems.length > 0 && (
        <ul className="problem-list" data-testid="library-problems">
          {problems.map((problem, index) => (
            <li
              key={index}
              className={problem.severity === 'warning' ? 'field-hint' : 'field-error'}
            >
              {problemText(t, problem)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
