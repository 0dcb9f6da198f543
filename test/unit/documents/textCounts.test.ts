import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkDocumentName,
  countMarkdown,
  countText,
  fileStemFromTitle,
  hasAutomaticName,
  titleFromText,
} from '@shared/documents'

describe('countText', () => {
  it('counts each CJK character as a word and Latin words as words', () => {
    expect(countText('秋天的雨')).toEqual({ words: 4, chars: 4 })
    expect(countText('The rain, softly.')).toEqual({ words: 3, chars: 15 })
    expect(countText('我在 Paris 读 Proust 的书。')).toEqual({ words: 7, chars: 17 })
    expect(countText('日本語のかなカナ')).toEqual({ words: 8, chars: 8 })
  })

  it('keeps contractions, hyphenated words and numbers whole, and counts no punctuation as words', () => {
    expect(countText("don't re-read 3.14 e-mail")).toMatchObject({ words: 4 })
    expect(countText('— … 。，！ --- ***')).toMatchObject({ words: 0 })
    expect(countText('')).toEqual({ words: 0, chars: 0 })
    expect(countText(' \n\t ')).toEqual({ words: 0, chars: 0 })
    // An emoji is one character, not two UTF-16 units.
    expect(countText('😀')).toEqual({ words: 0, chars: 1 })
  })

  it('counts a 5-million-character Chinese document exactly', () => {
    const text = '秋天的雨落在屋檐上。'.repeat(500_000)
    expect(countText(text)).toEqual({ words: 4_500_000, chars: 5_000_000 })
  })
})

/** The rule written as one regular expression: slow on long drafts, but plainly right. */
function referenceCount(text: string): { words: number; chars: number } {
  const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3005\\u3007'
  const letter = `(?:(?![${cjk}])[\\p{L}\\p{N}\\p{M}])`
  const words = new RegExp(`[${cjk}]|${letter}+(?:['’_\\-.]${letter}+)*`, 'gu')
  return {
    words: text.match(words)?.length ?? 0,
    chars: text.match(/[^\s\u200b\ufeff]/gu)?.length ?? 0,
  }
}

describe('countText against the rule as a regular expression', () => {
  it('agrees on any mix of Chinese, kana, Latin, digits, joiners, punctuation and spaces', () => {
    const piece = fc.constantFrom(
      ..."秋天的雨かなカナ abcXYZ é 019 ' ’ _ - . , 。！ — \n\t\u3000 😀 𠀀 Ж ñ",
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('')
        expect(countText(text)).toEqual(referenceCount(text))
      }),
      { numRuns: 500 },
    )
  })
})

describe('countMarkdown and titleFromText', () => {
  it('counts what a reader sees, not the Markdown markers', () => {
    expect(
      countMarkdown('# Title\n\n- **bold** item\n> 引用\n\n[link text](https://x.y/z)'),
    ).toEqual(countText('Title\n\nbold item\n引用\n\nlink text'))
  })

  it('takes the first line with text, without markers, as the title', () => {
    expect(titleFromText('\n\n## 秋天的 **雨**\n\nbody')).toBe('秋天的 雨')
    expect(titleFromText('---\n\n> *Quote* first')).toBe('Quote first')
    expect(titleFromText('   \n')).toBe('')
    expect(titleFromText(`# ${'长'.repeat(100)}`)).toBe(`${'长'.repeat(80)}…`)
  })
})

describe('document names', () => {
  it('makes a safe file name from a title', () => {
    expect(fileStemFromTitle('A Walk: in/the Rain?')).toBe('A Walk in the Rain')
    expect(fileStemFromTitle('...hidden')).toBe('hidden')
    expect(fileStemFromTitle('秋天的雨')).toBe('秋天的雨')
    expect(fileStemFromTitle('CON')).toBe('CON_')
    expect(fileStemFromTitle('?*')).toBe('')
  })

  it('checks a typed name and adds .md', () => {
    expect(checkDocumentName('Autumn')).toEqual({ ok: true, fileName: 'Autumn.md' })
    expect(checkDocumentName('notes.txt')).toEqual({ ok: true, fileName: 'notes.txt' })
    expect(checkDocumentName('a/b')).toMatchObject({ ok: false })
    expect(checkDocumentName('.hidden')).toMatchObject({ ok: false })
    expect(checkDocumentName('  ')).toMatchObject({ ok: false })
  })

  it('knows which names are automatic', () => {
    expect(hasAutomaticName('Untitled.md')).toBe(true)
    expect(hasAutomaticName('Untitled 12.md')).toBe(true)
    expect(hasAutomaticName('Untitled draft.md')).toBe(false)
  })
})
