import {
  HEADING,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown'

/**
 * The block shortcuts as a Chinese IME types them: ＃ for #, －/— for -, 1。 for 1., 》 for >,
 * each followed by a space. The ASCII transformers do the work; only the
 * pattern is widened and the match translated back to the ASCII form they expect.
 */
function widened(base: ElementTransformer, regExp: RegExp, toAscii: (match: string) => string) {
  const transformer: ElementTransformer = {
    ...base,
    regExp,
    replace: (parent, children, match, isImport) => {
      const ascii = toAscii(match[0] ?? '')
      const asciiMatch = base.regExp.exec(ascii)
      if (!asciiMatch) return false
      return base.replace(parent, children, asciiMatch, isImport)
    },
  }
  return transformer
}

// Lexical fires a block shortcut on a typed ASCII space only, which Chinese IMEs type by default.
const space = ' '

/** Full-width heading, list, ordered list and quote shortcuts. */
export const fullWidthTransformers: Transformer[] = [
  widened(HEADING, new RegExp(`^(＃{1,6})${space}`), (m) =>
    m.replace(/＃/g, '#').replace('\u3000', ' '),
  ),
  widened(UNORDERED_LIST, new RegExp(`^(\\s*)([－—·])${space}`), (m) => m.replace(/[－—·]/, '-')),
  widened(ORDERED_LIST, new RegExp(`^(\\s*)(\\d{1,})[。．]${space}`), (m) =>
    m.replace(/[。．]/, '.'),
  ),
  widened(QUOTE, new RegExp(`^》${space}`), () => '> '),
]
