import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'

type Props = { api: QuireApi; pickModelFile: (() => Promise<string | null>) | null; busy: boolean }

/** Choose a GGUF model: the native file dialog in the app, a path field in the browser. */
export function ModelPicker({ api, pickModelFile, busy }: Props) {
  const { t } = useTranslation()
  const [path, setPath] = useState('')
  const [error, setError] = useState<string | null>(null)

  const load = async (file: string): Promise<void> => {
    setError(null)
    try {
      await api.loadModel({ path: file })
    } catch (failure) {
      setError(
        t('model.failed', {
          message: failure instanceof Error ? failure.message : String(failure),
        }),
      )
    }
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (path.trim()) void load(path.trim())
  }

  return (
    <div className="model-picker">
      {pickModelFile ? (
        <button
          type="button"
          className="button"
          data-testid="model-choose"
          disabled={busy}
          onClick={() => void pickModelFile().then((file) => (file ? load(file) : undefined))}
        >
          {t('model.choose')}
        </button>
      ) : (
        <form className="model-form" onSubmit={submit}>
          <input
            className="model-path"
            data-testid="model-path"
            aria-label={t('model.pathLabel')}
            placeholder={t('model.pathPlaceholder')}
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
          <button
            type="submit"
            className="button"
            data-testid="model-load"
            disabled={busy || path.trim() === ''}
          >
            {t('model.load')}
          </button>
        </form>
      )}
      {error && (
        <p className="model-error" role="alert" data-testid="model-error">
          {error}
        </p>
      )}
    </div>
  )
}
