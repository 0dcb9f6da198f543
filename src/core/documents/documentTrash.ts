import { randomUUID } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { QuireError } from '@shared/contract'
import { writeFileAtomic } from '../settings/atomicWrite'

const entrySchema = z.object({ file: z.string(), deletedMs: z.number() })
export type TrashEntry = z.infer<typeof entrySchema> & { copy: string }

/**
 * `<data folder>/trash/<id>/`: a copy of each deleted document and where it came from, so a
 * delete can be undone even when the original went to the OS trash.
 */
export class DocumentTrash {
  constructor(readonly folder: string) {}

  /** Keeps a copy of `file` (before it is removed) and returns the id that restores it. */
  async keep(file: string): Promise<string> {
    const id = randomUUID()
    const entry = join(this.folder, id)
    await mkdir(entry, { recursive: true })
    await copyFile(file, join(entry, basename(file)))
    await writeFileAtomic(
      join(entry, 'entry.json'),
      JSON.stringify({ file, deletedMs: Date.now() }),
    )
    return id
  }

  async get(id: string): Promise<TrashEntry> {
    if (!/^[\w-]+$/.test(id))
      throw new QuireError(
        'document-not-found',
        'That deleted document is no longer in the trash.',
        'trash-entry-gone',
      )
    try {
      const raw: unknown = JSON.parse(await readFile(join(this.folder, id, 'entry.json'), 'utf8'))
      const entry = entrySchema.parse(raw)
      return { ...entry, copy: join(this.folder, id, basename(entry.file)) }
    } catch {
      throw new QuireError(
        'document-not-found',
        'That deleted document is no longer in the trash.',
        'trash-entry-gone',
      )
    }
  }

  /** Empties entries older than `maxAgeMs` (30 days by default), as the OS trash would. */
  async purge(maxAgeMs = 30 * 24 * 60 * 60 * 1000, now = Date.now()): Promise<void> {
    const ids = await readdir(this.folder).catch(() => [] as string[])
    for (const id of ids) {
      const entry = await this.get(id).catch(() => null)
      if (entry && now - entry.deletedMs > maxAgeMs) await this.forget(id)
    }
  }

  async forget(id: string): Promise<void> {
    await rm(join(this.folder, id), { recursive: true, force: true })
  }
}
