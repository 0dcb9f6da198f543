import i18next from 'i18next'
import { hostErrorText } from '../i18n/hostText'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { LibraryListing, PromptPreview as Preview } from '@shared/prompts/libraryContract'

type Entry = LibraryListing['prompts'][number]
type Props = {
  api: QuireApi
  entry: Entry
  /** The editor's current selection, as sample text. */
  selection: string
  /** Runs the prompt on the editor's selection; false when nothing is selected. */
  onRun(promptId: string, variables: Record<string, string>): boolean
  /** Changes after a save, to render again. */
  revision: unknown
}

/** The exact messages (system + user) and sampling values the prompt would send for a sample. */
export function PromptPreview({ api, entry, selection, onRun, revision }: Props) {
  const { t } = useTranslation()
  const [sample, setSample] = useState(selection)
  const [variables, setVariables] = useState<Record<string, string>>({})
  const [view, setView] = useState<{
    preview: Preview | null
    error: string | null
    runError: string | null
  }>({ preview: null, error: null, runError: null })

  useEffect(() => {
    if (sample.trim() === '') return
    let live = true
    const timer = window.setTimeout(() => {
      api
        .previewPrompt({
          promptId: entry.id,
          selection: sample,
          language: entry.language,
          variables,
        })
        .then(
          (preview) => live && setView((v) => ({ ...v, preview, error: null })),
          (error: unknown) =>
            live &&
            setView((v) => ({
              ...v,
              error: hostErrorText(i18next.t, error),
            })),
        )
    }, 200)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [api, entry.id, entry.language, sample, variables, revision])

  return (
    <div className="prompt-preview" data-testid="library-preview">
      <label className="field">
        <span>{t('library.sample')}</span>
        <textarea
          data-testid="library-sample"
          rows={3}
          value={sample}
          placeholder={t('library.samplePlaceholder')}
          onChange={(event) => setSample(event.target.value)}
        />
      </label>
      {entry.variables.map((variable) => (
        <label key={variable.name} className="field">
          <span>{variable.label}</span>
          <input
            data-testid={`library-var-${variable.name}`}
            placeholder={variable.default}
            value={variables[variable.name] ?? ''}
            onChange={(event) =>
              setVariables((v) => ({ ...v, [variable.name]: event.target.value }))
            }
          />
        </label>
      ))}
      <div className="row">
        <button
          type="button"
          className="button primary"
          data-testid="library-run"
          onClick={() =>
            setView((v) => ({
              ...v,
              runError: onRun(entry.id, variables) ? null : t('library.selectFirst'),
            }))
          }
        >
          {t('library.run')}
        </button>
        {view.runError && <span className="field-error">{view.runError}</span>}
      </div>
      {view.error && <p className="field-error">{view.error}</p>}
      {view.preview && sample.trim() !== '' && <PreviewMessages preview={view.preview} />}
    </div>
  )
}

/** The rendered messages, as the model will read them. */
export function PreviewMessages({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  const { sampling } = preview
  return (
    <div className="preview-messages" data-testid="prompt-messages">
      <h4>{t('library.system')}</h4>
      <pre data-testid="prompt-system">{preview.system}</pre>
      <h4>{t('library.user')}</h4>
      <pre data-testid="prompt-user">{preview.user}</pre>
      <p className="field-hint">
        {preview.preset} · T {sampling.temperature} · top-p {sampling.topP} · top-k {sampling.topK}{' '}
        · {t('library.repeatPenalty')} {sampling.repeatPenalty} · {sampling.maxTokens}{' '}
        {t('library.tokens')}
      </p>
    </div>
  )
}
