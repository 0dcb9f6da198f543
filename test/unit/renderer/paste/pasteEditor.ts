import { Window } from 'happy-dom'
import { createHeadlessEditor } from '@lexical/headless'
import { registerHistory, createEmptyHistoryState } from '@lexical/history'
import { registerRichText } from '@lexical/rich-text'
import { $getRoot, KEY_DOWN_COMMAND, PASTE_COMMAND, type LexicalEditor } from 'lexical'
import { $exportMarkdown } from '../../../../src/renderer/src/editor/markdown/exportMarkdown'
import { $importMarkdown } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { markdownNodes } from '../../../../src/renderer/src/editor/markdown/transformers'
import { registerPaste } from '../../../../src/renderer/src/editor/plugins/Paste/registerPaste'

export type Clock = { time: number }

/** The renderer parses pasted HTML with the browser's DOMParser; here happy-dom's stands in. */
export function useHappyDomParser(): void {
  globalThis.DOMParser ??= new Window().DOMParser as unknown as typeof DOMParser
}

/**
 * A DOM-free editor as the app builds it (rich text, history, paste), holding `markdown`, the
 * caret at the end of the last text (or where `caretAt` says, in the first block that has it).
 */
export function openEditor(markdown: string, caretAt?: string, { richText = true } = {}) {
  const clock: Clock = { time: 0 }
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: markdownNodes,
    onError: (error) => {
      throw error
    },
  })
  if (richText) registerRichText(editor)
  registerHistory(editor, createEmptyHistoryState(), 0)
  registerPaste(editor, { isMac: false, now: () => clock.time })
  editor.update(
    () => {
      $importMarkdown(markdown)
      const texts = $getRoot().getAllTextNodes()
      if (caretAt === undefined) {
        const last = texts.at(-1)
        if (last) last.select(last.getTextContentSize(), last.getTextContentSize())
        else $getRoot().selectEnd()
        return
      }
      const node = texts.find((text) => text.getTextContent().includes(caretAt))
      const offset = (node?.getTextContent().indexOf(caretAt) ?? 0) + caretAt.length
      const selection = node?.select(offset, offset)
      // As the browser's selection does: typing at the caret takes the style of the text there.
      if (node && selection) selection.format = node.getFormat()
    },
    { discrete: true },
  )
  return { editor, clock }
}

/** A paste event carrying these clipboard types, as Chromium hands one to the editor. */
export function pasteEvent(data: Record<string, string>) {
  let prevented = false
  return {
    event: {
      clipboardData: {
        types: Object.keys(data),
        getData: (type: string) => data[type] ?? '',
      },
      preventDefault: () => {
        prevented = true
      },
    } as unknown as ClipboardEvent,
    prevented: () => prevented,
  }
}

export function paste(editor: LexicalEditor, data: Record<string, string>): boolean {
  const { event, prevented } = pasteEvent(data)
  editor.update(() => void editor.dispatchCommand(PASTE_COMMAND, event), { discrete: true })
  return prevented()
}

export const chord = (code: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  ({
    code,
    key: code.replace('Key', ''),
    ctrlKey: mods.ctrl ?? false,
    shiftKey: mods.shift ?? false,
    altKey: false,
    metaKey: false,
  }) as unknown as KeyboardEvent

export function press(editor: LexicalEditor, event: KeyboardEvent): void {
  editor.update(() => void editor.dispatchCommand(KEY_DOWN_COMMAND, event), { discrete: true })
}

export const markdownOf = (editor: LexicalEditor): string =>
  editor.getEditorState().read(() => $exportMarkdown())

/** The text of each block, line breaks as `\n`. */
export const blockTexts = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getTextContent()),
  )

export const blockKinds = (editor: LexicalEditor): string[] =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getType()),
  )
