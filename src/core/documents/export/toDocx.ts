import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type FileChild,
} from 'docx'
import { Lexer, type Token, type Tokens } from 'marked'
import { inlineRuns, textRun } from './docxInline'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

const ORDERED = 'quire-ordered'
const QUOTE_INDENT = 720

type Context = { quote: number; listLevel: number; nextListInstance: () => number }

/** Block Markdown as Word paragraphs: headings, paragraphs, quotes, lists, code, rules, tables. */
function blocks(tokens: readonly Token[], context: Context): FileChild[] {
  const out: FileChild[] = []
  const quoteProps =
    context.quote > 0
      ? {
          indent: { left: QUOTE_INDENT * context.quote },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D8D0C0', space: 8 } },
        }
      : {}
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading
        out.push(
          new Paragraph({
            heading: HEADINGS[Math.min(heading.depth, 6) - 1],
            children: inlineRuns(heading.tokens),
            ...quoteProps,
          }),
        )
        break
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            children: inlineRuns((token as Tokens.Paragraph).tokens),
            ...quoteProps,
          }),
        )
        break
      case 'text': {
        const text = token as Tokens.Text
        out.push(new Paragraph({ children: inlineRuns(text.tokens ?? [text]), ...quoteProps }))
        break
      }
      case 'blockquote':
        out.push(
          ...blocks((token as Tokens.Blockquote).tokens, { ...context, quote: context.quote + 1 }),
        )
        break
      case 'list':
        out.push(...list(token as Tokens.List, context))
        break
      case 'code':
        for (const line of (token as Tokens.Code).text.split('\n'))
          out.push(
            new Paragraph({
              children: [textRun(line, { code: true })],
              spacing: { before: 0, after: 0 },
              shading: { type: 'clear', fill: 'F3EFE6', color: 'auto' },
            }),
          )
        break
      case 'hr':
        out.push(
          new Paragraph({
            children: [],
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'D8D0C0', space: 1 } },
          }),
        )
        break
      case 'table':
        out.push(table(token as Tokens.Table))
        break
      case 'space':
        break
      default:
        // Raw HTML, footnotes and the like: kept as the text the writer typed.
        if ('raw' in token && typeof token.raw === 'string' && token.raw.trim() !== '')
          for (const line of token.raw.trimEnd().split('\n'))
            out.push(new Paragraph({ children: [textRun(line, { code: true })], ...quoteProps }))
    }
  }
  return out
}

function list(token: Tokens.List, context: Context): FileChild[] {
  const instance = context.nextListInstance()
  const level = Math.min(context.listLevel, 8)
  const out: FileChild[] = []
  for (const item of token.items) {
    let first = true
    for (const child of item.tokens) {
      if (child.type === 'list') {
        out.push(...list(child as Tokens.List, { ...context, listLevel: context.listLevel + 1 }))
        continue
      }
      const children =
        child.type === 'text' || child.type === 'paragraph'
          ? inlineRuns((child as Tokens.Text).tokens ?? [child])
          : null
      if (!children) {
        out.push(...blocks([child], context))
        continue
      }
      const marker = item.task ? [textRun(item.checked ? '☑ ' : '☐ ', {})] : []
      out.push(
        new Paragraph({
          children: first ? [...marker, ...children] : children,
          ...(first
            ? token.ordered
              ? { numbering: { reference: ORDERED, level, instance } }
              : { bullet: { level } }
            : { indent: { left: 720 * (level + 1) } }),
        }),
      )
      first = false
    }
  }
  return out
}

function table(token: Tokens.Table): Table {
  const row = (cells: Tokens.TableCell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (cell) =>
          new TableCell({
            children: [
              new Paragraph({
                children: inlineRuns(cell.tokens, header ? { bold: true } : {}),
              }),
            ],
          }),
      ),
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(token.header, true), ...token.rows.map((cells) => row(cells, false))],
  })
}

/** A Word document (.docx) of a Markdown document, titled with the document's title. */
export async function markdownToDocx(text: string, title: string): Promise<Buffer> {
  let instance = 0
  const children = blocks(new Lexer({ gfm: true }).lex(text), {
    quote: 0,
    listLevel: 0,
    nextListInstance: () => ++instance,
  })
  const document = new Document({
    title,
    creator: 'Quire',
    styles: {
      default: { document: { run: { font: { ascii: 'Georgia', eastAsia: 'SimSun' } } } },
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: children.length > 0 ? children : [new Paragraph({ children: [] })] }],
  })
  return Packer.toBuffer(document)
}
