import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { withoutMarks } from './withoutMarks'

const STORAGE_KEY = 'quire.draft.v1'
const BROKEN_KEY = 'quire.draft.unreadable'
const SAVE_DELAY_MS = 1_000

/** The draft saved by an earlier session, or undefined; an unreadable one is set aside, not dropped. */
export function loadSavedDraft(): string | undefined {
  const saved = window.localStorage.getItem(STORAGE_KEY)
  if (!saved) return undefined
  try {
    JSON.parse(saved)
    return saved
  } catch {
    window.localStorage.setItem(BROKEN_KEY, saved)
    window.localStorage.removeItem(STORAGE_KEY)
    return undefined
  }
}

/**
 * Keeps the draft in local storage about a second after each change, so a crash loses at most
 * that second. When another tab saves the same draft, this tab stops saving (it would
 * overwrite that work) and says so.
 */
export function AutosavePlugin() {
  const [editor] = useLexicalComposerContext()
  const { t } = useTranslation()
  const [conflict, setConflict] = useState(false)
  useEffect(() => {
    if (conflict) return
    let timer: number | undefined
    // Tabs of the same Quire tell each other when they save the shared draft.
    const channel = new BroadcastChannel('quire-draft')
    const save = (): void => {
      window.localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify(withoutMarks(editor.getEditorState().toJSON())),
      )
      channel.postMessage('saved')
    }
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      window.clearTimeout(timer)
      timer = window.setTimeout(save, SAVE_DELAY_MS)
    })
    const flush = (): void => {
      if (timer === undefined) return
      window.clearTimeout(timer)
      save()
    }
    const onStorage = (event: StorageEvent): void => {
      if (event.key !== STORAGE_KEY) return
      window.clearTimeout(timer)
      timer = undefined
      setConflict(true)
    }
    channel.onmessage = () => {
      window.clearTimeout(timer)
      timer = undefined
      setConflict(true)
    }
    window.addEventListener('beforeunload', flush)
    window.addEventListener('storage', onStorage)
    return () => {
      unregister()
      window.removeEventListener('beforeunload', flush)
      window.removeEventListener('storage', onStorage)
      flush()
      channel.close()
    }
  }, [editor, conflict])

  if (!conflict) return null
  return (
    <div className="draft-conflict" role="alert" data-testid="draft-conflict">
      <span>{t('app.draftConflict')}</span>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  )
}
