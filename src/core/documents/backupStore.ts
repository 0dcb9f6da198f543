import { createHash } from 'node:crypto'
import { open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../settings/atomicWrite'

/**
 * A backup is one file: a header line, then the text as UTF-8. The header carries the body's
 * length and SHA-256, so a backup cut short (a full disk, a crash on a file system without
 * atomic rename) is recognised and ignored rather than put in front of the writer.
 */
const MAGIC = 'QUIRE-BACKUP/1 '
const HEADER_MAX = 16 * 1024

const headerSchema = z.object({
  /** The document's absolute file path (two paths could share a hashed file name). */
  file: z.string(),
  baseRevision: z.string(),
  savedMs: z.number(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
})
export type BackupHeader = z.infer<typeof headerSchema>

export type Backup = BackupHeader & { text: string }

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Hot-exit backups in `<data folder>/backups/`, one per document file. */
export class BackupStore {
  constructor(readonly folder: string) {}

  private fileFor(documentFile: string): string {
    return join(this.folder, `${sha256(Buffer.from(documentFile)).slice(0, 32)}.backup`)
  }

  /** Writes the backup atomically; resolves with the time it records. */
  async write(
    documentFile: string,
    text: string,
    baseRevision: string,
    savedMs = Date.now(),
  ): Promise<number> {
    const body = Buffer.from(text, 'utf8')
    const header: BackupHeader = {
      file: documentFile,
      baseRevision,
      savedMs,
      bytes: body.length,
      sha256: sha256(body),
    }
    const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8')
    await writeFileAtomic(this.fileFor(documentFile), Buffer.concat([head, body]))
    return savedMs
  }

  /** The backup of a document, checked in full; null when there is none or it is damaged. */
  async read(documentFile: string): Promise<Backup | null> {
    let content: Buffer
    try {
      content = await readFile(this.fileFor(documentFile))
    } catch {
      return null
    }
    const parsed = parseHeader(content.subarray(0, HEADER_MAX), documentFile)
    if (!parsed) return null
    const body = content.subarray(parsed.headerBytes)
    if (body.length !== parsed.header.bytes || sha256(body) !== parsed.header.sha256) {
      console.warn(`quire: ignored a damaged backup of ${documentFile}`)
      return null
    }
    return { ...parsed.header, text: body.toString('utf8') }
  }

  /** The header of a backup whose size is right, without reading the body (for listings). */
  async peek(documentFile: string): Promise<BackupHeader | null> {
    const path = this.fileFor(documentFile)
    let handle
    try {
      handle = await open(path, 'r')
      const buffer = Buffer.alloc(HEADER_MAX)
      const { bytesRead } = await handle.read(buffer, 0, HEADER_MAX, 0)
      const parsed = parseHeader(buffer.subarray(0, bytesRead), documentFile)
      if (!parsed) return null
      const { size } = await stat(path)
      return size === parsed.headerBytes + parsed.header.bytes ? parsed.header : null
    } catch {
      return null
    } finally {
      await handle?.close()
    }
  }

  async remove(documentFile: string): Promise<void> {
    await rm(this.fileFor(documentFile), { force: true })
  }

  /** Moves a backup to a renamed document's file. */
  async move(from: string, to: string): Promise<void> {
    const backup = await this.read(from)
    if (!backup) return
    await this.write(to, backup.text, backup.baseRevision, backup.savedMs)
    await this.remove(from)
  }
}

function parseHeader(
  start: Buffer,
  expectedFile: string,
): { header: BackupHeader; headerBytes: number } | null {
  const newline = start.indexOf(0x0a)
  if (newline === -1) return null
  const line = start.subarray(0, newline).toString('utf8')
  if (!line.startsWith(MAGIC)) return null
  try {
    const header = headerSchema.parse(JSON.parse(line.slice(MAGIC.length)))
    if (header.file !== expectedFile) return null
    return { header, headerBytes: newline + 1 }
  } catch {
    return null
  }
}
