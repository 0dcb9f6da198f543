import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'

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

/** Keeps the draft in local storage about a second after each change, so a crash loses at most that second. */
export function AutosavePlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: number | undefined
    const save = (): void =>
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(editor.getEditorState().toJSON()))
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
    window.addEventListener('beforeunload', flush)
    return () => {
      unregister()
      window.removeEventListener('beforeunload', flush)
      flush()
    }
  }, [editor])
  return null
}
