/// <reference types="vite/client" />
import { $getRoot, $setState } from 'lexical'
import { describe, expect, it } from 'vitest'
import { sourceState } from '../../../../src/renderer/src/editor/markdown/blockState'
import { textCharacters } from '../../../../src/renderer/src/editor/markdown/importMarkdown'
import { edit, openMarkdown, saveMarkdown } from './markdownEditor'

// The files as raw text, byte for byte (Vite's `?raw`: this project type-checks without Node).
const corpus = import.meta.glob<string>('../../../fixtures/markdown/*', {
  query: '?raw',
  import: 'default',
  eager: true,
})
const byName = new Map(Object.entries(corpus).map(([path, text]) => [path.split('/').pop()!, text]))
const files = [...byName.keys()].sort()
const read = (name: string): string => {
  const text = byName.get(name)
  if (text === undefined) throw new Error(`${name} is not in the corpus`)
  return text
}

/** As if the writer had retyped every rich block: each is written in Lexical's own form. */
function saveAllRewritten(markdown: string): string {
  const editor = openMarkdown(markdown)
  edit(editor, () => {
    for (const node of $getRoot().getChildren()) $setState(node, sourceState, null)
  })
  return saveMarkdown(editor)
}

const visibleText = (markdown: string): string =>
  openMarkdown(markdown)
    .getEditorState()
    .read(() => $getRoot().getTextContent())

/**
 * Files whose every construct Quire writes in the same spelling the file uses: even rewritten
 * block by block they come back byte for byte.
 */
const CANONICAL = [
  'blank-lines.md',
  'blockquotes.md',
  'changelog.md',
  'chinese-essay.md',
  'code-fences.md',
  'footnotes.md',
  'front-matter-post.md',
  'hard-breaks.md',
  'links-and-images.md',
  'long-essay-en.md',
  'meeting-notes.txt',
  'nested-lists.md',
  'no-trailing-newline.md',
  'poem-chinese.md',
  'readme-library.md',
  'story-dialogue.md',
  'tables-and-html.md',
]

describe('the Markdown corpus round trip', () => {
  it('has a varied corpus to test on', () => {
    expect(files.length).toBeGreaterThanOrEqual(18)
  })

  it.each(files)('%s comes back byte for byte when opened and saved untouched', (name) => {
    const markdown = read(name)
    expect(saveMarkdown(openMarkdown(markdown))).toBe(markdown)
  })

  it.each(files)('%s loses no character of text when every block is rewritten', (name) => {
    const markdown = read(name)
    const rewritten = saveAllRewritten(markdown)
    // The only changes allowed are markup: escapes, `_` spelled `*`, list markers, spacing.
    expect(textCharacters(rewritten)).toBe(textCharacters(markdown))
    // …and the rewritten file opens to the very same text in the editor.
    expect(visibleText(rewritten)).toBe(visibleText(markdown))
    // Writing it again changes nothing more.
    expect(saveAllRewritten(rewritten)).toBe(rewritten)
  })

  it.each(CANONICAL)(
    '%s is already in canonical form: rewriting every block changes no byte',
    (name) => {
      const markdown = read(name)
      expect(saveAllRewritten(markdown)).toBe(markdown)
    },
  )

  it('normalises only the markup of the files that are not canonical, exactly as documented', () => {
    const changed = files.filter((name) => !CANONICAL.includes(name))
    expect(changed).toEqual(['emphasis-edge-cases.md', 'mixed-cjk-latin.md', 'readme-cli-tool.md'])
    // Lexical escapes characters that would read as markup and spells emphasis with `*`.
    expect(saveAllRewritten(read('emphasis-edge-cases.md'))).toContain(
      'snake\\_case\\_identifiers and 2*3*4 = 24',
    )
    expect(saveAllRewritten(read('emphasis-edge-cases.md'))).toContain(
      '**double underscore bold** and *single underscore italic*.',
    )
    expect(saveAllRewritten(read('mixed-cjk-latin.md'))).toContain('\\_underscored 中文\\_')
    // A nested list is indented by four spaces.
    expect(saveAllRewritten(read('readme-cli-tool.md'))).toContain(
      '\n    * Use `--binary` to include them.',
    )
  })
})
