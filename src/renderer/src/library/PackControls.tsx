import i18next from 'i18next'
import { hostErrorText } from '../i18n/hostText'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { StylePackPlan } from '@shared/stylepack/planImport'

type Pending = { text: string; fileName: string; plan: StylePackPlan }

/** Export the writer's own prompts as a .quirepack, or import one after seeing what it changes. */
export function PackControls({ api }: { api: QuireApi }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const fail = (error: unknown) => setMessage(hostErrorText(i18next.t, error))

  const exportPack = async (): Promise<void> => {
    try {
      const { fileName, text } = await api.exportPack({})
      const link = document.createElement('a')
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
      link.download = fileName
      link.click()
      URL.revokeObjectURL(link.href)
      setMessage(t('library.pack.exported', { fileName }))
    } catch (error) {
      fail(error)
    }
  }

  const choose = async (file: File | undefined): Promise<void> => {
    if (!file) return
    try {
      const text = await file.text()
      setPending({
        text,
        fileName: file.name,
        plan: await api.planPackImport({ text, fileName: file.name }),
      })
      setMessage(null)
    } catch (error) {
      fail(error)
    }
  }

  const apply = async (): Promise<void> => {
    if (!pending) return
    try {
      const result = await api.applyPackImport({
        text: pending.text,
        fileName: pending.fileName,
        fingerprint: pending.plan.fingerprint,
      })
      setMessage(t('library.pack.imported', { count: result.written.length }))
      setPending(null)
    } catch (error) {
      fail(error)
    }
  }

  return (
    <div className="pack-controls">
      <div className="row">
        <button
          type="button"
          className="button"
          data-testid="pack-export"
          onClick={() => void exportPack()}
        >
          {t('library.pack.export')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="pack-import"
          onClick={() => input.current?.click()}
        >
          {t('library.pack.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".quirepack,application/json"
          hidden
          data-testid="pack-file"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      {pending && (
        <div className="pack-plan" data-testid="pack-plan">
          <p>
            <strong>{pending.plan.name}</strong> {pending.plan.description}
          </p>
          <ul>
            {pending.plan.prompts.map((file) => (
              <li key={`${file.id}:${file.language}`}>
                {file.action} {file.id} ({file.language})
                {file.replaces
                  ? ` — ${t('library.pack.replaces', { origin: t(`library.origin.${file.replaces}`) })}`
                  : ''}
                {file.dropsShortcut ? ` — ${t('library.pack.dropsShortcut')}` : ''}
              </li>
            ))}
            {pending.plan.lora.map((lora) => (
              <li key={lora.file}>
                LoRA {lora.file}: {t(`library.pack.lora.${lora.status}`)}
              </li>
            ))}
          </ul>
          {pending.plan.problems.map((problem, index) => (
            <p key={index} className="field-error">
              {hostErrorText(t, problem)}
            </p>
          ))}
          <div className="row">
            <button
              type="button"
              className="button primary"
              data-testid="pack-apply"
              disabled={!pending.plan.canApply}
              onClick={() => void apply()}
            >
              {t('library.pack.apply')}
            </button>
            <button type="button" className="button subtle" onClick={() => setPending(null)}>
              {t('toolbar.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className="field-hint" role="status">
          {message}
        </p>
      )}
    </div>
  )
}
