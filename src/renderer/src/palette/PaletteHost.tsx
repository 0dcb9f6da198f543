import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary, QuireApi } from '@shared/contract'
import { useDocumentList } from '../documents/useDocumentList'
import { ASK_PROMPT_ID, askVariables } from '../editor/plugins/AiToolbar/ask'
import { isMacPlatform, matchesShortcut } from '../editor/shortcuts'
import { promptChoices } from '../editor/promptChoices'
import { appCommands, type CommandContext } from './commands'
import { CommandPalette } from './CommandPalette'
import { useKeymap } from './keymap'
import { paletteItems, type PaletteItem } from './paletteItems'
import { onPaletteRequest } from './paletteSignal'
import { usePrefs } from './userPrefs'

type Props = {
  api: QuireApi
  prompts: readonly PromptSummary[]
  uiLanguage: 'zh' | 'en'
  context: CommandContext
  /** Opens a document from the palette. */
  openDocument(path: string): Promise<void>
}

type Open = { ask: boolean; hasSelection: boolean } | null

/** Opens the palette on its shortcut (anywhere in the window) and runs what the writer picks. */
export function PaletteHost({ api, prompts, uiLanguage, context, openDocument }: Props) {
  const [open, setOpen] = useState<Open>(null)
  const bindings = useKeymap(api, prompts)
  const { editor } = context

  useEffect(() => {
    const isMac = isMacPlatform()
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return
      const hit = bindings.find((binding) => matchesShortcut(binding.shortcut, event, isMac))
      // Ask is the toolbar's while it shows; elsewhere it opens the palette in Ask mode.
      if (hit?.id !== 'app:palette' && hit?.id !== 'app:ask') return
      event.preventDefault()
      const hasSelection = (editor?.selectionText() ?? '').trim() !== ''
      setOpen((current) => (current ? null : { ask: hit.id === 'app:ask', hasSelection }))
    }
    window.addEventListener('keydown', onKey)
    const unsubscribe = onPaletteRequest((mode) =>
      setOpen({
        ask: mode === 'ask',
        hasSelection: (editor?.selectionText() ?? '').trim() !== '',
      }),
    )
    return () => {
      window.removeEventListener('keydown', onKey)
      unsubscribe()
    }
  }, [bindings, editor])

  const close = useCallback(() => {
    setOpen(null)
    // Back to the editor, its selection as it was (never to the page).
    editor?.focus()
  }, [editor])

  if (!open) return null
  return (
    <OpenPalette
      api={api}
      prompts={prompts}
      uiLanguage={uiLanguage}
      context={context}
      openDocument={openDocument}
      open={open}
      bindings={bindings}
      onClose={close}
    />
  )
}

/** The palette while it is open: only then are the documents listed. */
function OpenPalette({
  api,
  prompts,
  uiLanguage,
  context,
  openDocument,
  open,
  bindings,
  onClose,
}: Props & {
  open: NonNullable<Open>
  bindings: ReturnType<typeof useKeymap>
  onClose(): void
}) {
  const { t } = useTranslation()
  const { prefs, store } = usePrefs(api)
  const documents = useDocumentList(api)
  const { editor } = context
  const items = useMemo(
    () =>
      paletteItems({
        commands: appCommands,
        prompts: promptChoices(prompts, uiLanguage),
        documents: documents.documents,
        recentInstructions: prefs.recentInstructions,
        bindings,
        t: (key, options) => t(key, options),
        askPromptId: ASK_PROMPT_ID,
      }),
    [prompts, uiLanguage, documents.documents, prefs.recentInstructions, bindings, t],
  )

  const choose = async (item: PaletteItem): Promise<boolean> => {
    const { action } = item
    switch (action.type) {
      case 'prompt':
      case 'ask': {
        if (!editor) return false
        const ran =
          action.type === 'prompt'
            ? editor.runPrompt(action.id, {})
            : editor.runPrompt(ASK_PROMPT_ID, askVariables(action.instruction))
        if (!ran) return false
        if (action.type === 'ask')
          store
            .rememberInstruction(action.instruction)
            .catch((error: unknown) => console.warn('quire: recent instructions not saved:', error))
        onClose()
        return true
      }
      case 'command': {
        // The editor gets focus back first; a panel that opens then takes it (and returns it).
        const result = action.command.run(context)
        if (result === false) return false
        onClose()
        await Promise.resolve(result).catch((error: unknown) =>
          console.error(`quire: ${action.command.id} failed:`, error),
        )
        return true
      }
      case 'document':
        onClose()
        await openDocument(action.path)
        return true
      case 'ask-mode':
        return true
      default:
        return action satisfies never
    }
  }

  return (
    <CommandPalette
      items={items}
      hasSelection={open.hasSelection}
      startInAsk={open.ask}
      onChoose={choose}
      onClose={onClose}
    />
  )
}
