import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { PromptPreview } from '@shared/prompts/libraryContract'
import { PreviewMessages } from '../../../library/PromptPreview'
import type { SuggestionTarget } from './target'

type Props = {
  api: QuireApi
  promptId: string
  target: SuggestionTarget
  variables: Record<string, string>
}

/** "Show prompt": the exact messages the model was sent for this suggestion. */
export function ShowPrompt({ api, promptId, target, variables }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [view, setView] = useState<{ preview: PromptPreview | null; error: string | null }>({
    preview: null,
    error: null,
  })
  useEffect(() => {
    if (!open) return
    let live = true
    api
      .previewPrompt({
        promptId,
        selection: target.text,
        before: target.before,
        after: target.after,
        language: 'auto',
        variables,
      })
      .then(
        (preview) => live && setView({ preview, error: null }),
        (error: unknown) =>
          live &&
          setView({ preview: null, error: error instanceof Error ? error.message : String(error) }),
      )
    return () => {
      live = false
    }
  }, [api, open, promptId, target, variables])

  return (
    <div className="show-prompt">
      <button
        type="button"
        className="button subtle"
        data-testid="suggestion-show-prompt"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('suggestion.hidePrompt') : t('suggestion.showPrompt')}
      </button>
      {open && view.preview && <PreviewMessages preview={view.preview} />}
      {open && view.error && <p className="field-error">{view.error}</p>}
    </div>
  )
}
