import { hostErrorText, type HostMessage } from '../i18n/hostText'
import { useTranslation } from 'react-i18next'
import type { ModelListEntry } from '@shared/contract'
import { ModelPicker } from '../engine/ModelPicker'

type Props = {
  pickModelFile: (() => Promise<string | null>) | null
  busy: boolean
  error: HostMessage | null
  /** The entry just added, to say so. */
  added: ModelListEntry | null
  onAdd(path: string): Promise<boolean>
}

/** Add a GGUF the writer already has: checked first, then listed where it is (never copied). */
export function AddModelFile({ pickModelFile, busy, error, added, onAdd }: Props) {
  const { t } = useTranslation()
  return (
    <section className="panel-section" data-testid="models-add">
      <h3>{t('models.add.heading')}</h3>
      <p className="field-hint">
        {pickModelFile ? t('models.add.hintApp') : t('models.add.hintServer')}
      </p>
      <ModelPicker pickModelFile={pickModelFile} busy={busy} onPick={onAdd} />
      {error !== null && (
        <p className="models-error" role="alert" data-testid="model-error">
          {hostErrorText(t, error)}
        </p>
      )}
      {added && !error && (
        <p className="models-done" role="status" data-testid="model-added">
          {t('models.add.added', { title: added.title })}
        </p>
      )}
    </section>
  )
}
