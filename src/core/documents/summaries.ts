import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import {
  countMarkdown,
  MAX_DOCUMENT_BYTES,
  titleFromText,
  type DocumentSummary,
} from '@shared/documents'
import type { BackupStore } from './backupStore'
import { decodeFile } from './fileFormat'

type Counted = { mtimeMs: number; size: number; title: string; words: number; chars: number }

/** A file's name without its extension: the title of a document with no text yet. */
export function fileTitle(file: string): string {
  return basename(file, extname(file))
}

/**
 * Summaries for the document list. Titles and counts are cached by modification time and
 * size, so listing a folder of long drafts again reads only what changed.
 */
export class SummaryCache {
  private readonly counted = new Map<string, Counted>()

  constructor(private readonly backups: BackupStore) {}

  /** The summary of one file, or null when it is gone. */
  async summarize(file: string, path: string): Promise<DocumentSummary | null> {
    let info
    try {
      info = await stat(file)
    } catch {
      this.counted.delete(file)
      return null
    }
    let counted = this.counted.get(file)
    if (info.size > MAX_DOCUMENT_BYTES) {
      // Too large to open: listed by its name, so the writer sees it, without reading it all.
      counted = {
        mtimeMs: info.mtimeMs,
        size: info.size,
        title: fileTitle(file),
        words: 0,
        chars: 0,
      }
    } else if (!counted || counted.mtimeMs !== info.mtimeMs || counted.size !== info.size) {
      const bytes = await readFile(file).catch(() => null)
      if (!bytes) return null
      const { text } = decodeFile(bytes)
      counted = {
        mtimeMs: info.mtimeMs,
        size: info.size,
        title: titleFromText(text) || fileTitle(file),
        ...countMarkdown(text),
      }
      this.counted.set(file, counted)
    }
    return {
      path,
      title: counted.title,
      words: counted.words,
      chars: counted.chars,
      modifiedMs: info.mtimeMs,
      sizeBytes: info.size,
      hasBackup: await this.hasNewerBackup(file, info.mtimeMs),
    }
  }

  /**
   * Whether opening the file would offer a recovered version: a whole backup, newer than the
   * file, with other text. The header is checked first so most files cost one small read.
   */
  private async hasNewerBackup(file: string, mtimeMs: number): Promise<boolean> {
    const header = await this.backups.peek(file)
    if (!header || header.savedMs <= mtimeMs) return false
    const backup = await this.backups.read(file)
    if (!backup) return false
    const bytes = await readFile(file).catch(() => null)
    return bytes === null || decodeFile(bytes).text !== backup.text
  }

  clear(): void {
    this.counted.clear()
  }
}
