import { describe, expect, it } from 'vitest'
import type { PromptSummary } from '@shared/contract'
import {
  formatShortcut,
  matchesShortcut,
  type KeyChord,
} from '../../../src/renderer/src/editor/shortcuts'
import { promptChoices } from '../../../src/renderer/src/editor/promptChoices'

const chord = (code: string, mods: Partial<KeyChord> = {}): KeyChord => ({
  code,
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('matchesShortcut', () => {
  it('maps Mod to Ctrl off a Mac and to Cmd on a Mac', () => {
    expect(
      matchesShortcut('Mod+Alt+R', chord('KeyR', { ctrlKey: true, altKey: true }), false),
    ).toBe(true)
    expect(matchesShortcut('Mod+Alt+R', chord('KeyR', { metaKey: true, altKey: true }), true)).toBe(
      true,
    )
    expect(
      matchesShortcut('Mod+Alt+R', chord('KeyR', { metaKey: true, altKey: true }), false),
    ).toBe(false)
  })

  it('needs exactly the listed modifiers', () => {
    expect(matchesShortcut('Mod+Alt+R', chord('KeyR', { ctrlKey: true }), false)).toBe(false)
    expect(
      matchesShortcut(
        'Mod+Alt+R',
        chord('KeyR', { ctrlKey: true, altKey: true, shiftKey: true }),
        false,
      ),
    ).toBe(false)
    expect(
      matchesShortcut('Mod+Alt+R', chord('KeyL', { ctrlKey: true, altKey: true }), false),
    ).toBe(false)
  })

  it('never matches a shortcut it cannot read', () => {
    expect(matchesShortcut('Hyper+R', chord('KeyR'), false)).toBe(false)
    expect(matchesShortcut('', chord('KeyR'), false)).toBe(false)
  })

  it('formats for the platform', () => {
    expect(formatShortcut('Mod+Alt+L', true)).toBe('⌘⌥L')
    expect(formatShortcut('Mod+Alt+L', false)).toBe('Ctrl+Alt+L')
  })
})

describe('promptChoices', () => {
  const summary = (id: string, language: 'zh' | 'en', title: string): PromptSummary => ({
    id,
    language,
    title,
    kind: 'rewrite',
    description: '',
    shortcut: null,
    apply: 'replace',
    preset: 'balanced',
    persona: 'default',
    postprocess: [],
    variables: [],
  })

  it('lists each prompt once, titled in the interface language when it can be', () => {
    const prompts = [
      summary('rewrite.a', 'en', 'Lyrical'),
      summary('rewrite.a', 'zh', '抒情'),
      summary('rewrite.b', 'en', 'Concise'),
    ]
    expect(promptChoices(prompts, 'zh').map((p) => p.title)).toEqual(['抒情', 'Concise'])
    expect(promptChoices(prompts, 'en').map((p) => p.title)).toEqual(['Lyrical', 'Concise'])
  })
})
