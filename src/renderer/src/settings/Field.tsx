import { useId, type ReactNode } from 'react'

/** What a field's control needs to be labelled, described and marked invalid. */
export type ControlProps = {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': boolean
  'data-testid': string
}

type Props = {
  label: string
  /** The control's test id; its error gets `<testId>-error`. */
  testId: string
  hint?: ReactNode
  error?: string | undefined
  children(control: ControlProps): ReactNode
}

/** One labelled setting with its hint and, after a refused save, what is wrong with it. */
export function Field({ label, testId, hint, error, children }: Props) {
  const id = useId()
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return (
    <div className={`field settings-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
        'aria-invalid': Boolean(error),
        'data-testid': testId,
      })}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  )
}

type TextFieldProps = Omit<Props, 'children'> & {
  value: string
  onChange(value: string): void
  /** Whole numbers: the number keypad on touch screens. */
  numeric?: boolean
  type?: 'text' | 'url'
  placeholder?: string | undefined
}

/** A labelled one-line text or number setting. */
export function TextField({
  value,
  onChange,
  numeric = false,
  type = 'text',
  placeholder,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  )
}
