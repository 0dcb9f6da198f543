import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { useEffect } from 'react'
import { detectLanguage } from '@shared/text/script'

/** Enough text to tell the script; a long document's first pages decide. */
const SAMPLE_CHARS = 4_000
const SETTLE_MS = 400

/** The document's opening text, about SAMPLE_CHARS of it, read from its first blocks only. */
export function $openingText(): string {
  let text = ''
  for (let block = $getRoot().getFirstChild(); block; block = block.getNextSibling()) {
    text += `${block.getTextContent()}\n\n`
    if (text.length >= SAMPLE_CHARS) break
  }
  return text
}

/** The `lang` tag for a text: Chinese by majority script, else English. */
export function contentLang(text: string, fallback: 'zh' | 'en'): 'zh-CN' | 'en' {
  return detectLanguage(text.slice(0, SAMPLE_CHARS), fallback) === 'zh' ? 'zh-CN' : 'en'
}

/**
 * Keeps the editable's `lang` on the document's script, so screen readers speak it in the right
 * voice and fonts pick Chinese glyphs, whatever the interface language is.
 */
export function ContentLanguagePlugin({ uiLanguage }: { uiLanguage: 'zh' | 'en' }) {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // Only the opening is read (the whole text of a 1 MB document took 20-50 ms), and `lang` is
    // set only when it changes: setting it, even to the same value, restyles every block below.
    const update = () => {
      const root = editor.getRootElement()
      const lang = contentLang(editor.getEditorState().read($openingText), uiLanguage)
      if (root && root.lang !== lang) root.lang = lang
    }
    update()
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      clearTimeout(timer)
      timer = setTimeout(update, SETTLE_MS)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor, uiLanguage])
  return null
}
