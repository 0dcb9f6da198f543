import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { checkShortcut, type Binding } from '@shared/prompts/keymap'
import { formatShortcut, isMacPlatform, shortcutOfChord } from '../editor/shortcuts'
import { hostErrorText } from '../i18n/hostText'
import { shortcutProblemText } from '../palette/shortcutText'

type Props = {
  actionId: string
  label: string
  /** The shortcut in effect ("" for none). */
  saved: string
  defaultShortcut: string | null
  /** The writer set this one (so it can go back to the default). */
  overridden: boolean
  bindings: readonly Binding[]
  titleOf(actionId: string): string
  onPendingChange(pending: boolean): void
  /** Saves a shortcut ("" for none), or null to go back to the default. */
  onSave(shortcut: string | null): Promise<void>
}

/** One action's shortcut: pressed or typed, checked as it changes, saved when it is good. */
export function ShortcutField(props: Props) {
  const { actionId, label, saved, defaultShortcut, overridden, bindings, titleOf } = props
  const { onPendingChange, onSave } = props
  const { t } = useTranslation()
  const id = useId()
  const isMac = isMacPlatform()
  const [text, setText] = useState<string | null>(null)
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null)
  const typed = text ?? saved
  const check = checkShortcut(typed, actionId, bindings)
  const problem = shortcutProblemText(check, typed, t, titleOf)
  const pending = text !== null && text.trim() !== saved
  useEffect(() => onPendingChange(pending), [pending, onPendingChange])

  const commit = async (value: string): Promise<void> => {
    const result = checkShortcut(value, actionId, bindings)
    if (!result.ok || result.shortcut === saved) {
      if (result.ok) setText(null)
      return
    }
    try {
      const isDefault = result.shortcut === (defaultShortcut ?? '')
      await onSave(isDefault ? null : result.shortcut)
      setText(null)
      setNote({ error: false, text: t('shortcuts.saved') })
    } catch (error) {
      setNote({ error: true, text: hostErrorText(t, error) })
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      void commit(typed)
      return
    }
    if (event.key === 'Escape' && pending) {
      // Esc drops what was typed here; it closes Settings only once nothing is pending.
      event.preventDefault()
      event.stopPropagation()
      setText(null)
      return
    }
    // A chord with Ctrl, ⌘ or Alt is recorded as pressed; plain typing edits the text.
    if (!(event.ctrlKey || event.metaKey || event.altKey)) return
    const recorded = shortcutOfChord(event, isMac)
    if (!recorded) return
    event.preventDefault()
    setText(recorded)
    setNote(null)
    void commit(recorded)
  }

  const messageId = `${id}-message`
  const message =
    problem ?? note?.text ?? (saved ? formatShortcut(saved, isMac) : t('shortcuts.none'))
  return (
    <div className="shortcut-row" data-testid={`shortcut-${actionId}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="shortcut-input"
        data-testid={`shortcut-input-${actionId}`}
        value={typed}
        placeholder={t('shortcuts.placeholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={messageId}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value)
          setNote(null)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => void commit(typed)}
      />
      <button
        type="button"
        className="button subtle"
        disabled={!overridden && text === null}
        onClick={() => {
          setText(null)
          setNote(null)
          if (overridden)
            onSave(null).catch((error: unknown) =>
              setNote({
                error: true,
                text: hostErrorText(t, error),
              }),
            )
        }}
      >
        {t('shortcuts.reset')}
      </button>
      <p
        id={messageId}
        className={problem || note?.error ? 'field-error' : 'field-hint'}
        data-testid={`shortcut-message-${actionId}`}
        aria-live="polite"
      >
        {message}
      </p>
    </div>
  )
}
