import { useTranslation } from 'react-i18next'
import { FORM_FIELDS, MAX_TOKEN_BUDGET, type FieldIssue, type FormField } from './formFields'
import { shortcutProblemText } from '../palette/shortcutText'

type Props = {
  /** The prompt id, for the fields' element ids. */
  idPrefix: string
  values: Record<FormField, string>
  /** What is wrong with each field, already in the writer's words. */
  messages: Partial<Record<FormField, string>>
  presets: readonly string[]
  personas: readonly string[]
  onChange(field: FormField, value: string): void
}

/** The writer's words for one field's problem. */
export function fieldIssueText(
  issue: FieldIssue,
  t: ReturnType<typeof useTranslation>['t'],
  language: string,
  titleOf: (actionId: string) => string,
  typed: string,
): string {
  switch (issue.kind) {
    case 'required':
      return t('libraryEditor.errors.title')
    case 'token-budget':
      return t('libraryEditor.errors.maxTokens', {
        max: new Intl.NumberFormat(language).format(MAX_TOKEN_BUDGET),
      })
    case 'unknown':
      return t(`libraryEditor.errors.unknown-${issue.field}`, { name: issue.name })
    case 'shortcut':
      return shortcutProblemText(issue.check, typed, t, titleOf) ?? ''
    default:
      return issue satisfies never
  }
}

/** The prompt's front matter as a form; each field says what is wrong with it as it is typed. */
export function PromptForm({ idPrefix, values, messages, presets, personas, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const max = new Intl.NumberFormat(i18n.language).format(MAX_TOKEN_BUDGET)
  return (
    <div className="front-matter-form">
      {FORM_FIELDS.map((field) => {
        const message = messages[field]
        const messageId = `${idPrefix}-${field}-message`
        const hinted = field === 'maxTokens' || field === 'shortcut'
        const common = {
          id: `${idPrefix}-${field}`,
          'data-testid': `library-field-${field}`,
          'aria-invalid': message ? true : undefined,
          'aria-describedby': message || hinted ? messageId : undefined,
        }
        const choices = field === 'preset' ? presets : personas
        return (
          <div key={field} className="field">
            <label htmlFor={common.id}>{t(`library.fields.${field}`)}</label>
            {field === 'preset' || field === 'persona' ? (
              <select
                {...common}
                value={values[field]}
                onChange={(event) => onChange(field, event.target.value)}
              >
                {!choices.includes(values[field]) && <option value={values[field]} />}
                {choices.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                value={values[field]}
                inputMode={field === 'maxTokens' ? 'numeric' : undefined}
                placeholder={
                  field === 'maxTokens' || field === 'shortcut'
                    ? t(`libraryEditor.placeholders.${field}`)
                    : undefined
                }
                onChange={(event) => onChange(field, event.target.value)}
              />
            )}
            {message ? (
              <p className="field-error" id={messageId} data-testid={`library-error-${field}`}>
                {message}
              </p>
            ) : (
              hinted && (
                <p className="field-hint" id={messageId}>
                  {t(`libraryEditor.hints.${field}`, { max })}
                </p>
              )
            )}
          </div>
        )
      })}
    </div>
  )
}
