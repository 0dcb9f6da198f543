import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnsavedGuard } from './useUnsavedGuard'

/** The question a guarded panel asks before unsaved edits would be lost. */
export function UnsavedPrompt({ guard, what }: { guard: UnsavedGuard; what: string }) {
  const { t } = useTranslation()
  const titleId = useId()
  if (!guard.asking) return null
  return (
    <div
      className="unsaved-prompt"
      role="alertdialog"
      aria-labelledby={titleId}
      data-testid="unsaved-prompt"
      onKeyDown={(event) => {
        // Esc here means "keep editing", and closes nothing else.
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.stopPropagation()
        guard.keep()
      }}
    >
      <p id={titleId}>{t('unsaved.question', { what })}</p>
      <div className="row">
        <button
          type="button"
          className="button primary"
          data-testid="unsaved-keep"
          // The safe answer takes focus: Enter keeps the edits.
          autoFocus
          onClick={guard.keep}
        >
          {t('unsaved.keep')}
        </button>
        <button
          type="button"
          className="button subtle"
          data-testid="unsaved-discard"
          onClick={guard.discard}
        >
          {t('unsaved.discard')}
        </button>
      </div>
    </div>
  )
}
