import { Marked, type Tokens } from 'marked'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

/** Links may go to the web, to mail or within the page; `javascript:` and friends become text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim()
  if (/^(https?:|mailto:|#)/i.test(trimmed)) return trimmed
  // A relative link (no scheme before the first / ? #) stays as written.
  if (!/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return trimmed
  return null
}

const STYLE = `
body { max-width: 42em; margin: 3em auto; padding: 0 1.25em; font: 17px/1.7 Georgia, "Noto Serif CJK SC", "Songti SC", "SimSun", serif; color: #1f1d1a; background: #fffdf8; }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.6em 0 .6em; }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 3px solid #d8d0c0; color: #5b564d; }
code { font: .9em/1.5 ui-monospace, Menlo, Consolas, monospace; background: #f3efe6; padding: .1em .3em; border-radius: 3px; }
pre { background: #f3efe6; padding: .8em 1em; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; } th, td { border: 1px solid #d8d0c0; padding: .3em .6em; }
hr { border: 0; border-top: 1px solid #d8d0c0; margin: 2em 0; }
a { color: #7a4b16; }
.raw-html { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; color: #5b564d; }
`.trim()

// Raw HTML in a document is shown as text, never run: an exported page must be safe to open.
const markdown = new Marked({
  gfm: true,
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag): string {
      const escaped = escapeHtml(text)
      return block ? `<pre class="raw-html">${escaped}</pre>\n` : escaped
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens)
      const safe = safeHref(href)
      if (safe === null) return inner
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
      return `<a href="${escapeHtml(safe)}"${titleAttr}>${inner}</a>`
    },
    image({ href, title, text }: Tokens.Image): string {
      const safe = safeHref(href)
      if (safe === null || safe.startsWith('mailto:')) return escapeHtml(text)
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
      return `<img src="${escapeHtml(safe)}" alt="${escapeHtml(text)}"${titleAttr}>`
    },
  },
})

/** A self-contained HTML page of a Markdown document: its own stylesheet, no scripts, raw HTML escaped. */
export function markdownToHtml(text: string, title: string, language = 'en'): string {
  const body = markdown.parse(text, { async: false })
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src * data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<article>',
    body.trimEnd(),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
