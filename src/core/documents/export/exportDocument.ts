import { detectLanguage } from '@shared/text/script'
import type { ExportFormat } from '@shared/documents'
import { markdownToDocx } from './toDocx'
import { markdownToHtml } from './toHtml'

export type ExportedFile = { fileName: string; mimeType: string; bytes: Buffer }

const MIME: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** A document as a self-contained HTML page or a Word file, named after its file. */
export async function exportMarkdown(
  text: string,
  options: { title: string; stem: string; to: ExportFormat },
): Promise<ExportedFile> {
  const bytes =
    options.to === 'html'
      ? Buffer.from(
          markdownToHtml(text, options.title, detectLanguage(text.slice(0, 20_000))),
          'utf8',
        )
      : await markdownToDocx(text, options.title)
  return { fileName: `${options.stem}.${options.to}`, mimeType: MIME[options.to], bytes }
}
