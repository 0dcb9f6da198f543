import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary } from '@shared/contract'

type Props = {
  prompt: PromptSummary
  onRun(variables: Record<string, string>): void
  onCancel(): void
}

/** The fields a prompt declares (a poem's theme, a point of view), filled in before it runs. */
export function VariableForm({ prompt, onRun, onCancel }: Props) {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(prompt.variables.map((variable) => [variable.name, variable.default])),
  )
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onRun(values)
  }
  return (
    <form
      className="variable-form"
      data-testid="variable-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        // Esc closes only the form: the editor keeps its selection and the card stays as it is.
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        onCancel()
      }}
    >
      <p className="variable-form-title">{prompt.title}</p>
      {prompt.variables.map((variable, index) => (
        <label key={variable.name} className="variable-field">
          <span>{variable.label}</span>
          <input
            data-testid={`prompt-var-${variable.name}`}
            value={values[variable.name] ?? ''}
            placeholder={variable.default || t('toolbar.optional')}
            // The first field takes focus so the writer can type at once.
            autoFocus={index === 0}
            onChange={(event) =>
              setValues((current) => ({ ...current, [variable.name]: event.target.value }))
            }
          />
        </label>
      ))}
      <div className="variable-form-actions">
        <button type="submit" className="button primary" data-testid="prompt-vars-submit">
          {t('toolbar.run')}
        </button>
        <button type="button" className="button subtle" onClick={onCancel}>
          {t('toolbar.cancel')}
        </button>
      </div>
    </form>
  )
}
