import { useTranslation } from 'react-i18next'
import type { LoraAdapterSpec } from '@shared/presets/schema'
import type { LoraListing } from '@shared/prompts/libraryContract'
import { systemEdited, type VoiceDraft } from './playgroundDraft'

type Props = {
  voice: VoiceDraft
  personas: readonly { id: string; title: string }[]
  adapters: LoraListing | null
  onPersona(id: string): void
  onSystem(text: string): void
  onLora(lora: LoraAdapterSpec[]): void
  onLookAgain(): void
}

const SCALE = { min: -4, max: 4, step: 0.05 }

/** The persona (chosen, or its system message edited) and the LoRA set a playground run uses. */
export function VoiceFields({
  voice,
  personas,
  adapters,
  onPersona,
  onSystem,
  onLora,
  onLookAgain,
}: Props) {
  const { t } = useTranslation()
  const chosen = new Map(voice.lora.map((adapter) => [adapter.file, adapter.scale]))
  // Adapters the prompt names but the folder lacks stay listed, so they can be turned off.
  const files = [
    ...new Set([
      ...(adapters?.adapters.map((a) => a.file) ?? []),
      ...voice.lora.map((a) => a.file),
    ]),
  ]
  const toggle = (file: string, on: boolean) =>
    onLora(
      on
        ? [...voice.lora, { file, scale: 1 }]
        : voice.lora.filter((adapter) => adapter.file !== file),
    )
  const scale = (file: string, value: number) =>
    onLora(voice.lora.map((a) => (a.file === file ? { ...a, scale: value } : a)))

  return (
    <>
      <label>
        {t('playground.persona')}
        <select
          data-testid="playground-persona"
          value={voice.persona}
          onChange={(e) => onPersona(e.target.value)}
        >
          {personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </label>
      <label className="playground-wide">
        {systemEdited(voice) ? t('playground.systemEdited') : t('playground.system')}
        <textarea
          data-testid="playground-system"
          rows={4}
          value={voice.system}
          onChange={(e) => onSystem(e.target.value)}
        />
      </label>
      <fieldset className="playground-wide playground-lora" data-testid="playground-lora">
        <legend>{t('playground.lora')}</legend>
        {files.length === 0 ? (
          <p className="field-hint" data-testid="playground-lora-none">
            {t('playground.loraNone', { folder: adapters?.folder ?? 'lora' })}{' '}
            <button type="button" className="button subtle" onClick={onLookAgain}>
              {t('playground.lookAgain')}
            </button>
          </p>
        ) : (
          files.map((file) => (
            <div
              key={file}
              className="playground-adapter"
              data-testid="playground-adapter"
              data-file={file}
            >
              <label>
                <input
                  type="checkbox"
                  data-testid="playground-adapter-on"
                  checked={chosen.has(file)}
                  onChange={(e) => toggle(file, e.target.checked)}
                />
                {file}
              </label>
              <label>
                {t('playground.loraScale')}
                <input
                  type="number"
                  data-testid="playground-adapter-scale"
                  {...SCALE}
                  disabled={!chosen.has(file)}
                  value={chosen.get(file) ?? 1}
                  onChange={(e) =>
                    scale(
                      file,
                      Math.min(SCALE.max, Math.max(SCALE.min, Number(e.target.value) || 0)),
                    )
                  }
                />
              </label>
            </div>
          ))
        )}
      </fieldset>
    </>
  )
}
