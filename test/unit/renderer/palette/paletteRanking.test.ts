import { describe, expect, it } from 'vitest'
import type { PromptSummary } from '@shared/contract'
import type { DocumentSummary } from '@shared/documents'
import { appKeyActions, effectiveBindings } from '@shared/prompts/keymap'
import en from '../../../../src/renderer/src/i18n/locales/en.json'
import zh from '../../../../src/renderer/src/i18n/locales/zh.json'
import { appCommands } from '../../../../src/renderer/src/palette/commands'
import { keyActions } from '../../../../src/renderer/src/palette/keymap'
import {
  paletteItems,
  rankPaletteItems,
  type PaletteItem,
} from '../../../../src/renderer/src/palette/paletteItems'

/** i18next's lookup and {{interpolation}}, enough for titles. */
const translator =
  (messages: unknown) =>
  (key: string, options: Record<string, string> = {}): string => {
    let value: unknown = messages
    for (const part of key.split('.')) value = (value as Record<string, unknown>)[part]
    if (typeof value !== 'string') throw new Error(`no message for ${key}`)
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => options[name] ?? '')
  }

const prompt = (
  id: string,
  kind: PromptSummary['kind'],
  title: string,
  description: string,
  shortcut: string | null = null,
): PromptSummary => ({
  id,
  kind,
  language: 'en',
  title,
  description,
  shortcut,
  apply: 'replace',
  preset: 'creative',
  persona: 'default',
  postprocess: [],
  variables: [],
})

const prompts = [
  prompt(
    'rewrite.lyrical',
    'rewrite',
    'Lyrical prose',
    'Tender, musical first-person prose.',
    'Mod+Alt+L',
  ),
  prompt('rewrite.concise', 'rewrite', 'Concise', 'Says the same in fewer words.', 'Mod+Alt+C'),
  prompt('rewrite.custom', 'rewrite', 'Your instruction', 'Rewrites as you ask.'),
  prompt('transform.polish', 'transform', 'Polish', 'Fixes grammar and flow.'),
  prompt('transform.translate', 'transform', 'Translate', 'Into the other language.'),
  prompt('poem.free-verse', 'poem', 'Free verse', 'A short poem of spare images.', 'Mod+Alt+P'),
  prompt('continue.sentence', 'continue', 'Next sentence', 'One more sentence.', 'Mod+Alt+Enter'),
]
const documents: DocumentSummary[] = [
  {
    path: '/docs/Autumn letters.md',
    title: 'Autumn letters',
    words: 300,
    chars: 1500,
    modifiedMs: 2,
    sizeBytes: 1500,
    hasBackup: false,
  },
]

function build(
  messages: unknown,
  recent: string[] = [],
): {
  items: PaletteItem[]
  rank(query: string): string[]
} {
  const t = translator(messages)
  const items = paletteItems({
    commands: appCommands,
    prompts,
    documents,
    recentInstructions: recent,
    bindings: effectiveBindings(keyActions(prompts), { 'app:palette': 'Mod+Shift+P' }),
    t,
    askPromptId: 'rewrite.custom',
  })
  return { items, rank: (query) => rankPaletteItems(items, query, t).map((item) => item.key) }
}

describe('the palette’s entries', () => {
  const { items } = build(en)
  it('lists every action, prompt, app command and document, each once', () => {
    const keys = items.map((item) => item.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toEqual(
      expect.arrayContaining([
        'ask',
        'ai:rewrite',
        'ai:compare',
        'ai:best-of',
        'prompt:rewrite.lyrical',
        'prompt:poem.free-verse',
        'app:library',
        'app:settings',
        'app:models',
        'app:new-document',
        'app:export-docx',
        'doc:/docs/Autumn letters.md',
      ]),
    )
    // The Ask prompt is "Ask…", not one more style.
    expect(keys).not.toContain('prompt:rewrite.custom')
  })

  it('shows each entry’s shortcut as the keymap has it', () => {
    const shortcut = (key: string) => items.find((item) => item.key === key)?.shortcut
    expect(shortcut('ai:rewrite')).toBe('Mod+Alt+R')
    expect(shortcut('ask')).toBe('Mod+Alt+A')
    expect(shortcut('prompt:rewrite.lyrical')).toBe('Mod+Alt+L')
    expect(shortcut('prompt:transform.polish')).toBeNull()
    expect(appKeyActions.map((a) => a.id)).toContain('app:palette')
  })
})

describe('fuzzy ranking', () => {
  it('puts a prefix match before a match inside a word, and both before scattered letters', () => {
    const { rank } = build(en)
    const found = rank('pol')
    expect(found[0]).toBe('prompt:transform.polish')
    // "lyr" is a word start in "Rewrite: Lyrical prose".
    expect(rank('lyr')[0]).toBe('prompt:rewrite.lyrical')
    // Letters in order across words still find it ("fv" → Free verse), after better matches.
    expect(rank('free vrs')).toContain('prompt:poem.free-verse')
  })

  it('finds app commands by their keywords and documents by name', () => {
    const { rank } = build(en)
    expect(rank('shortcuts')[0]).toBe('app:settings')
    expect(rank('autumn')[0]).toBe('doc:/docs/Autumn letters.md')
    expect(rank('word')).toContain('app:export-docx')
  })

  it('always offers the typed text as the writer’s own instruction, last or alone', () => {
    const { rank } = build(en)
    expect(rank('pol').at(-1)).toBe('ask:query')
    expect(rank('make it sadder')).toEqual(['ask:query'])
  })

  it('finds a recent instruction by any of its words', () => {
    const { rank } = build(en, ['make it sadder', '用鲁迅的口吻'])
    expect(rank('sadder')[0]).toBe('recent:make it sadder')
    expect(rank('鲁迅')[0]).toBe('recent:用鲁迅的口吻')
  })

  it('searches Chinese titles in the Chinese interface', () => {
    const { rank, items } = build(zh)
    expect(items.find((item) => item.key === 'app:library')?.title).toBe('打开提示词库')
    expect(rank('提示词库')[0]).toBe('app:library')
    expect(rank('设置')[0]).toBe('app:settings')
  })
})

describe('Compare and Best of in the palette', () => {
  it('are found by their names in English and in Chinese', () => {
    expect(build(en).rank('compare')[0]).toBe('ai:compare')
    expect(build(en).rank('best of')[0]).toBe('ai:best-of')
    expect(build(zh).rank('对比')[0]).toBe('ai:compare')
    expect(build(zh).rank('三选一')[0]).toBe('ai:best-of')
  })
})
