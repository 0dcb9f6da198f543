import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  pickModelFile: (() => Promise<string | null>) | null
  busy: boolean
  /** Called with the chosen file; resolves true when it was taken (the path field then empties). */
  onPick(path: string): Promise<boolean>
}

/** Choose a GGUF file: the native file dialog in the app, a path field in the browser. */
export function ModelPicker({ pickModelFile, busy, onPick }: Props) {
  const { t } = useTranslation()
  const [path, setPath] = useState('')

  if (pickModelFile)
    return (
      <button
        type="button"
        className="button"
        data-testid="model-choose"
        disabled={busy}
        onClick={() => void pickModelFile().then((file) => (file ? onPick(file) : false))}
      >
        {busy ? t('models.add.checking') : t('models.add.choose')}
      </button>
    )

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const file = path.trim()
    if (file) void onPick(file).then((taken) => taken && setPath(''))
  }
  return (
    <form className="models-path-form" onSubmit={submit}>
      <input
        className="models-path-input"
        data-testid="model-path"
        aria-label={t('models.add.pathLabel')}
        placeholder={t('models.add.pathPlaceholder')}
        spellCheck={false}
        autoComplete="off"
        value={path}
        onChange={(event) => setPath(event.target.value)}
      />
      <button
        type="submit"
        className="button"
        data-testid="model-add"
        disabled={busy || path.trim() === ''}
      >
        {busy ? t('models.add.checking') : t('models.add.add')}
      </button>
    </form>
  )
}
