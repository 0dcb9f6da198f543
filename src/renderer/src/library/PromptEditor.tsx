import i18next from 'i18next'
import { hostErrorText, problemText } from '../i18n/hostText'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { Binding } from '@shared/prompts/keymap'
import type { LibraryListing } from '@shared/prompts/libraryContract'
import type { LibraryProblem } from '@shared/prompts/schema'
import { appActionTitle } from '../palette/shortcutText'
import { FORM_FIELDS, formIssues, formValues, type FormField } from './formFields'
import { checkPromptText, splitPromptFile, withBody, withField } from './promptFile'
import { fieldIssueText, PromptForm } from './PromptForm'

type Entry = LibraryListing['prompts'][number]
type Props = {
  api: QuireApi
  entry: Entry
  listing: LibraryListing
  /** The shortcuts in effect, to refuse one that is taken while it is typed. */
  bindings: readonly Binding[]
  /** After a duplicate, the panel selects the new file. */
  onSelect(id: string, language: Entry['language']): void
  /** After a delete (or restore), the panel offers to undo it. */
  onRemoved(entry: Entry): void
  onDirtyChange(dirty: boolean): void
}

type EditorState = {
  loaded: string
  text: string
  status: 'loading' | 'ready' | 'saving'
  message: string | null
  hostProblems: LibraryProblem[]
}

const isFormField = (field: string | null): field is FormField =>
  field !== null && (FORM_FIELDS as readonly string[]).includes(field.split('.')[0] ?? '')

/** One prompt file: read-only when bundled (duplicate it to edit), a form and a body editor when it is the writer's. */
export function PromptEditor({
  api,
  entry,
  listing,
  bindings,
  onSelect,
  onRemoved,
  onDirtyChange,
}: Props) {
  const { t, i18n } = useTranslation()
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
  const values = useMemo(() => formValues(state.text), [state.text])
  const issues = useMemo(
    () => formIssues(values, { promptId: entry.id, ...known, bindings }),
    [values, entry.id, known, bindings],
  )
  const titleOf = (id: string): string =>
    appActionTitle(id, t) ??
    (
      listing.prompts.find((p) => p.id === id && p.language === entry.language) ??
      listing.prompts.find((p) => p.id === id)
    )?.title ??
    id

  // Each form field speaks for itself; the list below keeps what the form cannot show.
  const fieldMessages: Partial<Record<FormField, string>> = {}
  for (const field of FORM_FIELDS) {
    const issue = issues[field]
    if (issue)
      fieldMessages[field] = fieldIssueText(issue, t, i18n.language, titleOf, values[field])
  }
  const otherProblems: LibraryProblem[] = []
  for (const problem of [...check.problems, ...state.hostProblems]) {
    if (!isFormField(problem.field)) otherProblems.push(problem)
    else {
      const field = problem.field.split('.')[0] as FormField
      fieldMessages[field] ??=
        problem.source === 'editor' ? t('libraryEditor.errors.invalid') : hostErrorText(t, problem)
    }
  }
  const hasFieldErrors = Object.keys(fieldMessages).length > 0
  const dirty = state.text !== state.loaded
  const { body } = splitPromptFile(state.text)

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange])

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
              disabled={
                !dirty || check.prompt === null || hasFieldErrors || state.status === 'saving'
              }
              onClick={() => void save()}
            >
              {t('library.save')}
            </button>
            <button
              type="button"
              className="button subtle"
              data-testid={entry.overrides ? 'library-restore' : 'library-delete'}
              onClick={() =>
                void act(
                  () =>
                    entry.overrides
                      ? api.restorePrompt({ id: entry.id, language: entry.language })
                      : api.deletePrompt({ id: entry.id, language: entry.language }),
                  () => onRemoved(entry),
                )
              }
            >
              {entry.overrides ? t('library.restore') : t('library.delete')}
            </button>
          </>
        )}
        <span className="field-hint prompt-editor-source">{entry.source}</span>
      </div>
      {state.message && (
        <p className="field-hint" role="status" data-testid="library-message">
          {state.message}
        </p>
      )}
      {editable ? (
        <>
          <PromptForm
            idPrefix={`prompt-${entry.language}-${entry.id}`}
            values={values}
            messages={fieldMessages}
            presets={known.presets}
            personas={known.personas}
            onChange={(field, value) =>
              setState((s) => ({ ...s, text: withField(s.text, field, value) }))
            }
          />
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
      {otherProblems.length > 0 && (
        <ul className="problem-list" data-testid="library-problems">
          {otherProblems.map((problem, index) => (
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
