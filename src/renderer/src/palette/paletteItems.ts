import { matchSorter, rankings } from 'match-sorter'
import type { PromptKind, PromptSummary } from '@shared/contract'
import type { DocumentSummary } from '@shared/documents'
import type { Binding } from '@shared/prompts/keymap'
import { displayName } from '../documents/DocumentItem'
import type { AppCommand } from './commands'

/** What choosing an entry does. */
export type PaletteAction =
  | { type: 'prompt'; id: string; kind: PromptKind; hasFields: boolean }
  | { type: 'command'; command: AppCommand }
  | { type: 'document'; path: string }
  | { type: 'ask'; instruction: string }
  /** "Ask…": the palette's field becomes the instruction. */
  | { type: 'ask-mode' }

/** One entry of the palette. */
export type PaletteItem = {
  key: string
  group: 'ask' | 'ai' | 'prompt' | 'document' | 'app'
  title: string
  /** The description or the file, shown under the title and searched. */
  detail: string
  keywords: readonly string[]
  /** Canonical ("Mod+Alt+L"), or null. */
  shortcut: string | null
  /** Runs on the selection: listed, but it says so when there is none. */
  needsSelection: boolean
  action: PaletteAction
}

export type PaletteSources = {
  commands: readonly AppCommand[]
  /** One prompt per id, titled in the interface language. */
  prompts: readonly PromptSummary[]
  documents: readonly DocumentSummary[]
  recentInstructions: readonly string[]
  bindings: readonly Binding[]
  /** Titles in the interface language. */
  t(key: string, options?: Record<string, string>): string
  /** The Ask prompt, which is offered as "Ask…" rather than as a style. */
  askPromptId: string
}

const shortcutOf = (bindings: readonly Binding[], id: string | undefined): string | null =>
  (id && bindings.find((binding) => binding.id === id)?.shortcut) || null

const kindOrder: Record<PromptKind, number> = { rewrite: 0, transform: 1, poem: 2, continue: 3 }

/** Every palette entry before any search: AI actions, prompts, app commands, then documents. */
export function paletteItems(sources: PaletteSources): PaletteItem[] {
  const { t, bindings } = sources
  const ask: PaletteItem = {
    key: 'ask',
    group: 'ai',
    title: t('palette.ask'),
    detail: t('palette.askDetail'),
    keywords: ['instruction', 'custom', 'ask', '要求', '指令'],
    shortcut: shortcutOf(bindings, 'app:ask'),
    needsSelection: true,
    action: { type: 'ask-mode' },
  }
  const recent = sources.recentInstructions.map((instruction): PaletteItem => ({
    key: `recent:${instruction}`,
    group: 'ask',
    title: t('palette.askWith', { instruction }),
    detail: t('palette.recentInstruction'),
    keywords: [instruction],
    shortcut: null,
    needsSelection: true,
    action: { type: 'ask', instruction },
  }))
  const prompts = [...sources.prompts]
    .filter((prompt) => prompt.id !== sources.askPromptId)
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
    .map((prompt): PaletteItem => ({
      key: `prompt:${prompt.id}`,
      group: 'prompt',
      title: t('palette.promptTitle', {
        kind: t(`palette.kinds.${prompt.kind}`),
        title: prompt.title,
      }),
      detail: prompt.description,
      keywords: [prompt.id, prompt.title],
      shortcut: shortcutOf(bindings, prompt.id),
      needsSelection: true,
      action: {
        type: 'prompt',
        id: prompt.id,
        kind: prompt.kind,
        hasFields: prompt.variables.length > 0,
      },
    }))
  const commands = sources.commands.map((command): PaletteItem => ({
    key: command.id,
    group: command.group === 'ai' ? 'ai' : 'app',
    title: t(command.titleKey),
    detail: '',
    keywords: command.keywords ?? [],
    shortcut: shortcutOf(bindings, command.shortcutId),
    needsSelection: command.group === 'ai',
    action: { type: 'command', command },
  }))
  const documents = sources.documents.map((doc): PaletteItem => {
    const file = doc.path.split(/[\\/]/).pop() ?? doc.path
    const name = displayName(doc)
    return {
      key: `doc:${doc.path}`,
      group: 'document',
      title: t('palette.openDocument', { name }),
      detail: doc.path,
      keywords: [file],
      shortcut: null,
      needsSelection: false,
      action: { type: 'document', path: doc.path },
    }
  })
  const ai = commands.filter((item) => item.group === 'ai')
  const app = commands.filter((item) => item.group === 'app')
  return [ask, ...ai, ...prompts, ...recent, ...app, ...documents]
}

/**
 * The entries that match `query`, best first (match-sorter: exact, then prefix, word start,
 * substring, acronym, then letters in order), ties kept in the palette's order. A typed query
 * can always be run as the writer's own instruction: that entry comes last, or alone.
 */
export function rankPaletteItems(
  items: readonly PaletteItem[],
  query: string,
  t: PaletteSources['t'],
): PaletteItem[] {
  const wanted = query.trim()
  if (wanted === '') return [...items]
  const found = matchSorter([...items], wanted, {
    keys: [
      'title',
      { key: 'keywords', threshold: rankings.WORD_STARTS_WITH },
      { key: 'detail', threshold: rankings.CONTAINS },
    ],
    baseSort: (a, b) => a.index - b.index,
  })
  const askThis: PaletteItem = {
    key: 'ask:query',
    group: 'ask',
    title: t('palette.askWith', { instruction: wanted }),
    detail: t('palette.askDetail'),
    keywords: [],
    shortcut: null,
    needsSelection: true,
    action: { type: 'ask', instruction: wanted },
  }
  return [...found.filter((item) => item.action.type !== 'ask-mode'), askThis]
}
