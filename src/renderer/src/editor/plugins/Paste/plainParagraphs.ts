/** Clipboard text with every line ending as `\n` (Windows sends `\r\n`, old Mac `\r`). */
export const normalizeLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n')

/**
 * Plain text as paragraphs of lines: a blank line (or several) ends a paragraph, a single line
 * break stays inside it, as in the Markdown the document is saved as. No empty paragraphs.
 */
export function plainParagraphs(text: string): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  for (const line of normalizeLineEnds(text).split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}
