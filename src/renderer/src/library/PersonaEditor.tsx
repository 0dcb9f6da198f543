import i18next from 'i18next'
import { hostErrorText, problemText } from '../i18n/hostText'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { LibraryListing } from '@shared/prompts/libraryContract'

type Persona = LibraryListing['personas'][number]
type State = { loaded: string; text: string; message: string | null; error: string | null }

/** The personas sent under every action: read one, edit it, save your version (built-in ones are overridden, not changed). */
export function PersonaEditor({
  api,
  personas,
  onDirtyChange,
}: {
  api: QuireApi
  personas: readonly Persona[]
  /** Whether the text differs from the saved file, so the panel can ask before closing. */
  onDirtyChange?(dirty: boolean): void
}) {
  const { t } = useTranslation()
  const [key, setKey] = useState(() =>
    personas[0] ? `${personas[0].id}:${personas[0].language}` : '',
  )
  const persona = personas.find((p) => `${p.id}:${p.language}` === key) ?? null
  const [state, setState] = useState<State>({ loaded: '', text: '', message: null, error: null })

  // Fetched by id and language: a reload of the library after a save must not reset the editor.
  useEffect(() => {
    const [id, language] = key.split(':')
    if (!id || (language !== 'zh' && language !== 'en')) return
    let live = true
    api.getPersonaText({ id, language }).then(
      (file) =>
        live && setState({ loaded: file.text, text: file.text, message: null, error: null }),
      (error: unknown) =>
        live && setState((s) => ({ ...s, error: hostErrorText(i18next.t, error) })),
    )
    return () => {
      live = false
    }
  }, [api, key])

  const dirty = state.text !== state.loaded
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange])

  const save = async (): Promise<void> => {
    if (!persona) return
    try {
      const result = await api.savePersona({ language: persona.language, text: state.text })
      if (result.ok)
        setState((s) => ({
          ...s,
          loaded: s.text,
          message: t('library.personas.saved'),
          error: null,
        }))
      else
        setState((s) => ({
          ...s,
          message: null,
          error: result.problems
            .map((p) => problemText(i18next.t, { ...p, field: null }))
            .join(' '),
        }))
    } catch (error) {
      setState((s) => ({
        ...s,
        message: null,
        error: hostErrorText(i18next.t, error),
      }))
    }
  }

  return (
    <div className="persona-editor" data-testid="persona-editor">
      <div className="row">
        <select
          data-testid="persona-select"
          aria-label={t('library.personas.choose')}
          value={key}
          onChange={(event) => setKey(event.target.value)}
        >
          {personas.map((p) => (
            <option key={`${p.id}:${p.language}`} value={`${p.id}:${p.language}`}>
              {p.title} ({p.id}, {p.language === 'zh' ? '中文' : 'EN'})
              {p.origin !== 'bundled' ? ` · ${t(`library.origin.${p.origin}`)}` : ''}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button primary"
          data-testid="persona-save"
          disabled={state.text === state.loaded}
          onClick={() => void save()}
        >
          {persona?.origin === 'user' ? t('library.save') : t('library.personas.saveAsMine')}
        </button>
      </div>
      <textarea
        data-testid="persona-text"
        className="persona-text"
        rows={8}
        spellCheck={false}
        aria-label={t('library.personas.text')}
        value={state.text}
        onChange={(event) => setState((s) => ({ ...s, text: event.target.value, message: null }))}
      />
      {state.message && (
        <p className="field-hint" role="status" data-testid="persona-message">
          {state.message}
        </p>
      )}
      {state.error && <p className="field-error">{state.error}</p>}
    </div>
  )
}
