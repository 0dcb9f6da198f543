import { describe, expect, it } from 'vitest'
import i18next, { type TFunction } from 'i18next'
import { appKeyActions, effectiveBindings } from '@shared/prompts/keymap'
import en from '../../../../src/renderer/src/i18n/locales/en.json'
import zh from '../../../../src/renderer/src/i18n/locales/zh.json'
import { formIssues, formValues } from '../../../../src/renderer/src/library/formFields'
import { withField } from '../../../../src/renderer/src/library/promptFile'
import { fieldIssueText } from '../../../../src/renderer/src/library/PromptForm'
import { appActionTitle } from '../../../../src/renderer/src/palette/shortcutText'
import { checkPromptText } from '../../../../src/renderer/src/library/promptFile'

const FILE = `---
id: rewrite.mine
kind: rewrite
title: Mine
preset: creative
persona: default
maxTokens: 300
---
## Role
A writer.
## Style
Warm.
## Constraint
- Short.
## Input
{{selection}}
`

const known = { presets: ['creative', 'balanced'], personas: ['default', 'poet'] }
const bindings = effectiveBindings(
  [...appKeyActions, { id: 'rewrite.lyrical', defaultShortcut: 'Mod+Alt+L' }],
  {},
)
const titles: Record<string, string> = { 'rewrite.lyrical': 'Lyrical prose' }

async function translator(language: 'en' | 'zh'): Promise<TFunction> {
  const instance = i18next.createInstance()
  await instance.init({
    lng: language,
    resources: { en: { translation: en }, zh: { translation: zh } },
    interpolation: { escapeValue: false },
  })
  return instance.t
}

/** What the editor shows under each field after the writer types `value` into `field`. */
async function messagesAfter(field: string, value: string, language: 'en' | 'zh' = 'en') {
  const t = await translator(language)
  const values = formValues(withField(FILE, field, value))
  const issues = formIssues(values, { promptId: 'rewrite.mine', ...known, bindings })
  const titleOf = (id: string) => appActionTitle(id, t) ?? titles[id] ?? id
  return Object.fromEntries(
    Object.entries(issues).map(([name, issue]) => [
      name,
      fieldIssueText(issue, t, language, titleOf, values[name as keyof typeof values]),
    ]),
  )
}

describe('the Library editor’s messages, per field, in the writer’s words', () => {
  it('asks for a title instead of showing the schema’s complaint', async () => {
    // What the schema says, and what the writer used to see.
    const raw = checkPromptText(withField(FILE, 'title', ''), 'en', known).problems
    expect(raw[0]?.message).toMatch(/Invalid input|expected string/)
    expect(await messagesAfter('title', '')).toEqual({
      title: 'Give the prompt a title: it is the name in the menus.',
    })
  })

  it('says what a token budget may be when "-5" is typed', async () => {
    expect(await messagesAfter('maxTokens', '-5')).toEqual({
      maxTokens:
        "The token budget is a whole number from 1 to 8,192, or leave it empty to use the preset's.",
    })
    expect((await messagesAfter('maxTokens', '9000')).maxTokens).toContain('8,192')
    expect((await messagesAfter('maxTokens', '1.5')).maxTokens).toContain('whole number')
    expect(await messagesAfter('maxTokens', '')).toEqual({})
    expect(await messagesAfter('maxTokens', '512')).toEqual({})
  })

  it('refuses taken shortcuts, even Rewrite’s own, and nonsense, while they are typed', async () => {
    expect((await messagesAfter('shortcut', 'Mod+Alt+R')).shortcut).toBe(
      'This is the key for Rewrite; choose another.',
    )
    expect((await messagesAfter('shortcut', 'Mod+Alt+L')).shortcut).toBe(
      'Already the shortcut of “Lyrical prose”; choose another or change that one first.',
    )
    expect((await messagesAfter('shortcut', 'Mod+Alt+A')).shortcut).toContain(
      'Ask (your own instruction)',
    )
    expect((await messagesAfter('shortcut', 'banana')).shortcut).toBe(
      '“banana” is not a shortcut: it must end in a letter, a digit or Enter, e.g. Mod+Alt+L.',
    )
    expect((await messagesAfter('shortcut', 'Mod+V')).shortcut).toContain('Paste')
    expect(await messagesAfter('shortcut', 'Mod+Alt+M')).toEqual({})
  })

  it('names an unknown preset or persona', async () => {
    expect((await messagesAfter('preset', 'glacial')).preset).toBe(
      'There is no sampling preset called “glacial”; choose one from the list.',
    )
  })

  it('speaks Chinese in the Chinese interface', async () => {
    expect((await messagesAfter('title', '', 'zh')).title).toContain('标题')
    expect((await messagesAfter('maxTokens', '-5', 'zh')).maxTokens).toContain('8,192')
    expect((await messagesAfter('shortcut', 'Mod+S', 'zh')).shortcut).toBe(
      '这是“保存”的按键，请换一个。',
    )
  })

  it('reads the form from the file even when the file is not valid', () => {
    const values = formValues(withField(FILE, 'maxTokens', '-5'))
    expect(values).toMatchObject({ title: 'Mine', maxTokens: '-5', preset: 'creative' })
    expect(formValues('no front matter')).toMatchObject({ title: '', shortcut: '' })
  })
})
