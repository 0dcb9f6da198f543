import { describe, expect, it } from 'vitest'
import { shortcutProblems } from '@shared/prompts/libraryChecks'
import { parseShortcut } from '@shared/prompts/shortcuts'

const prompt = (id: string, language: 'zh' | 'en', shortcut?: string) => ({
  id,
  language,
  source: `${language}/${id}.md`,
  shortcut,
})
const check = (...prompts: ReturnType<typeof prompt>[]) => shortcutProblems(prompts, () => 4)

describe('prompt shortcuts', () => {
  it('lets one id share its shortcut between its Chinese and English files', () => {
    const result = check(
      prompt('rewrite.a', 'zh', 'Mod+Alt+L'),
      prompt('rewrite.a', 'en', 'Mod+Alt+L'),
    )
    expect(result.problems).toEqual([])
  })

  it('refuses the same keys for two ids, in one language or across languages; the first keeps them', () => {
    const result = check(
      prompt('rewrite.a', 'zh', 'Mod+Alt+L'),
      prompt('rewrite.b', 'en', 'alt+mod+l'),
    )
    expect(result.problems).toEqual([
      expect.objectContaining({
        source: 'en/rewrite.b.md',
        field: 'shortcut',
        line: 4,
        message: expect.stringContaining('Mod+Alt+L is already the shortcut of "rewrite.a"'),
      }),
    ])
    expect([...result.ignored]).toEqual(['en/rewrite.b.md'])
  })

  it('sees that Ctrl+Alt+L is Mod+Alt+L on Windows and Linux', () => {
    const result = check(
      prompt('rewrite.a', 'en', 'Mod+Alt+L'),
      prompt('rewrite.b', 'en', 'Ctrl+Alt+L'),
    )
    expect(result.problems).toHaveLength(1)
  })

  it.each([
    ['Mod+Alt+R', 'the Rewrite action'],
    ['Mod+Z', 'Undo'],
    ['Mod+Shift+Z', 'Redo'],
    ['Mod+Y', 'Redo'],
    ['Mod+B', 'Bold'],
    ['Mod+I', 'Italic'],
    ['Mod+U', 'Underline'],
    ['Ctrl+B', 'Bold'],
  ])('keeps %s for the editor (%s)', (shortcut, use) => {
    const result = check(prompt('rewrite.a', 'en', shortcut))
    expect(result.problems[0]?.message).toContain(`key for ${use}`)
  })

  it('allows keys the editor does not use', () => {
    expect(check(prompt('rewrite.a', 'en', 'Mod+Shift+B')).problems).toEqual([])
    expect(check(prompt('rewrite.a', 'en', 'Mod+Alt+Enter')).problems).toEqual([])
  })

  it.each([
    ['Hyper+L', '"Hyper" is not a modifier'],
    ['Mod+Alt+F5', 'must end in a letter, a digit or Enter'],
    ['L', 'a bare key would take over typing'],
    ['Shift+L', 'a bare key would take over typing'],
  ])('explains why %s cannot be used', (shortcut, message) => {
    const parsed = parseShortcut(shortcut)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain(message)
    expect(check(prompt('rewrite.a', 'en', shortcut)).problems).toHaveLength(1)
  })
})
