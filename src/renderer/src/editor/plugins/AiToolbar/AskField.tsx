import { forwardRef, useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  recent: readonly string[]
  /** The shortcut that focuses the field, shown in its hint. */
  shortcut: string | null
  onAsk(instruction: string): void
  /** Esc on an empty field: back to the editor, selection intact. */
  onLeave(): void
}

/** The writer's own instruction for the selection ("make it sadder", "用鲁迅的口吻"), with the recent ones offered. */
export const AskField = forwardRef<HTMLInputElement, Props>(function AskField(
  { recent, shortcut, onAsk, onLeave },
  ref,
) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const listId = useId()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const instruction = text.trim()
    if (instruction === '') return
    setText('')
    onAsk(instruction)
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    // Esc clears the field first, then goes back to the editor; it never closes anything else.
    event.preventDefault()
    event.stopPropagation()
    if (text !== '') setText('')
    else onLeave()
  }
  return (
    <form className="ask-field" role="search" onSubmit={submit}>
      <input
        ref={ref}
        className="ask-input"
        data-testid="ask-input"
        type="text"
        list={recent.length > 0 ? listId : undefined}
        value={text}
        maxLength={500}
        placeholder={t('ask.placeholder')}
        aria-label={t('ask.label')}
        title={[t('ask.hint'), shortcut].filter(Boolean).join(' · ')}
        enterKeyHint="go"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {recent.length > 0 && (
        <datalist id={listId} data-testid="ask-recent">
          {recent.map((instruction) => (
            <option key={instruction} value={instruction} />
          ))}
        </datalist>
      )}
    </form>
  )
})
