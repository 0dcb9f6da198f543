import { describe, expect, it } from 'vitest'
import {
  $openingText,
  contentLang,
} from '../../../../src/renderer/src/editor/plugins/ContentLanguage'
import { openMarkdown } from '../markdown/markdownEditor'

describe("the document's language, told from its opening only", () => {
  it('reads the first blocks up to about 4,000 characters, not the whole of a long document', () => {
    const english = 'The lamps along the river came on one by one. '.repeat(8)
    const chinese = '秋天来了，院子里的梧桐叶一片一片地落下来。'.repeat(20)
    const editor = openMarkdown(
      `# River\n\n${Array.from({ length: 2_000 }, (_, i) => (i < 30 ? english : chinese)).join('\n\n')}\n`,
    )
    const opening = editor.getEditorState().read($openingText)
    expect(opening.startsWith('River\n\n')).toBe(true)
    expect(opening.length).toBeGreaterThanOrEqual(4_000)
    expect(opening.length).toBeLessThan(4_000 + english.length + 4)
    // The opening is English; most of the document, further on, is Chinese.
    expect(contentLang(opening, 'zh')).toBe('en')
    expect(openMarkdown('').getEditorState().read($openingText)).toBe('')
  })
})
