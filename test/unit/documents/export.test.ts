import { describe, expect, it } from 'vitest'
import { markdownToDocx } from '@core/documents/export/toDocx'
import { markdownToHtml } from '@core/documents/export/toHtml'
import { readZip } from './readZip'

const SAMPLE = [
  '# 秋天的雨',
  '',
  'A paragraph with **bold**, *italic*, ~~struck~~, `code` and [a link](https://example.com).',
  '',
  '> A quoted line.',
  '',
  '- first',
  '- second',
  '',
  '1. one',
  '2. two',
  '',
  '```',
  'let rain = true',
  '```',
  '',
  '<script>alert("x")</script>',
  '',
  '[bad](javascript:alert(1))',
  '',
].join('\n')

describe('HTML export', () => {
  it('is one self-contained page with the document’s structure and title', () => {
    const html = markdownToHtml(SAMPLE, '秋天的雨', 'zh')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<title>秋天的雨</title>')
    expect(html).toContain('<html lang="zh">')
    expect(html).toMatch(/<style>[^]*blockquote[^]*<\/style>/)
    expect(html).toContain('<h1>秋天的雨</h1>')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<em>italic</em>')
    expect(html).toContain('<del>struck</del>')
    expect(html).toContain('<code>code</code>')
    expect(html).toContain('<a href="https://example.com">a link</a>')
    expect(html).toMatch(/<blockquote>\s*<p>A quoted line.<\/p>\s*<\/blockquote>/)
    expect(html).toMatch(/<ul>\s*<li>first<\/li>\s*<li>second<\/li>\s*<\/ul>/)
    expect(html).toMatch(/<ol>\s*<li>one<\/li>/)
    expect(html).toContain('<pre><code>let rain = true')
    // Nothing in it loads or runs anything.
    expect(html).not.toMatch(/<script|<link |src="http/)
  })

  it('shows raw HTML as text and drops script links', () => {
    const html = markdownToHtml(SAMPLE, 'x')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).not.toContain('javascript:')
    expect(html).toContain('bad')
    expect(markdownToHtml('x', '</title><script>')).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;</title>',
    )
  })
})

describe('docx export', () => {
  it('is a valid zip whose document.xml holds the text with headings, lists, quotes and formatting', async () => {
    const docx = await markdownToDocx(SAMPLE, '秋天的雨')
    const files = readZip(docx)
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']),
    )
    const xml = files.get('word/document.xml')!.toString('utf8')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('秋天的雨')
    expect(xml).toMatch(/<w:b\/>[^]*?bold/)
    expect(xml).toMatch(/<w:i\/>[^]*?italic/)
    expect(xml).toMatch(/<w:strike\/>[^]*?struck/)
    expect(xml).toMatch(/w:ascii="Consolas"[^]*?let rain = true/)
    expect(xml).toContain('A quoted line.')
    expect(xml).toContain('<w:numPr>')
    expect(xml).toContain('<w:hyperlink')
    expect(files.get('word/_rels/document.xml.rels')!.toString('utf8')).toContain(
      'https://example.com',
    )
    // Raw HTML stays as the text the writer typed; the bad link keeps only its text.
    expect(xml).toContain('&lt;script&gt;')
    expect(xml).not.toContain('javascript:')
    expect(files.get('docProps/core.xml')!.toString('utf8')).toContain(
      '<dc:title>秋天的雨</dc:title>',
    )
  })
})
