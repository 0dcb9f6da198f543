import { expect, it } from 'vitest'
import { openMarkdown, saveMarkdown } from './markdownEditor'

// A file of its own: Quire keeps Lexical's Markdown exporter once it has it, so this has to be
// the first Markdown the module sees (vitest gives each test file fresh modules).
it('opens and saves a file that starts with a code block, as the first file of a session', () => {
  const file = '```js\nlet a = 1\n```\n\nAfter the code.\n'
  expect(saveMarkdown(openMarkdown(file))).toBe(file)
})
