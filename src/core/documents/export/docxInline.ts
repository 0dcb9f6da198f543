import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx'
import type { Token, Tokens } from 'marked'
import { safeHref } from './toHtml'

/** The character formatting in effect inside nested inline Markdown. */
export type RunStyle = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean }

export const MONOSPACE = 'Consolas'

/** A run of text with the formatting of the Markdown around it. */
export function textRun(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    strike: style.strike,
    ...(style.code
      ? { font: MONOSPACE, shading: { type: 'clear', fill: 'F3EFE6', color: 'auto' } }
      : {}),
  })
}

/** Inline Markdown (bold, italic, strikethrough, code, links, breaks) as Word runs. */
export function inlineRuns(
  tokens: readonly Token[] | undefined,
  style: RunStyle = {},
): ParagraphChild[] {
  const runs: ParagraphChild[] = []
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        runs.push(...inlineRuns((token as Tokens.Strong).tokens, { ...style, bold: true }))
        break
      case 'em':
        runs.push(...inlineRuns((token as Tokens.Em).tokens, { ...style, italics: true }))
        break
      case 'del':
        runs.push(...inlineRuns((token as Tokens.Del).tokens, { ...style, strike: true }))
        break
      case 'codespan':
        runs.push(textRun((token as Tokens.Codespan).text, { ...style, code: true }))
        break
      case 'br':
        runs.push(new TextRun({ break: 1 }))
        break
      case 'link': {
        const link = token as Tokens.Link
        const children = inlineRuns(link.tokens, style)
        const href = safeHref(link.href)
        if (href && /^(https?:|mailto:)/i.test(href))
          runs.push(
            new ExternalHyperlink({
              link: href,
              children: [
                new TextRun({
                  text: link.text,
                  style: 'Hyperlink',
                  bold: style.bold,
                  italics: style.italics,
                  strike: style.strike,
                }),
              ],
            }),
          )
        else runs.push(...children)
        break
      }
      case 'image':
        runs.push(textRun((token as Tokens.Image).text, style))
        break
      case 'text': {
        const text = token as Tokens.Text
        if (text.tokens && text.tokens.length > 0) runs.push(...inlineRuns(text.tokens, style))
        else runs.push(textRun(decodeEntities(text.text), style))
        break
      }
      case 'escape':
        runs.push(textRun((token as Tokens.Escape).text, style))
        break
      default:
        // Inline HTML and anything else: kept as the text the writer typed.
        if ('raw' in token && typeof token.raw === 'string') runs.push(textRun(token.raw, style))
    }
  }
  return runs
}

/** marked leaves the few entities it escaped itself in text tokens; Word wants the characters. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}
