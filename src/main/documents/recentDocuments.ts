import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '@core/settings/atomicWrite'

const MAX_RECENT = 10
const listSchema = z.array(z.string()).max(100)

/** The files the writer opened from outside Quire's list, newest first (File › Open Recent). */
export class RecentDocuments {
  private files: string[] = []
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-documents.json')
  }

  async load(): Promise<readonly string[]> {
    try {
      this.files = listSchema
        .parse(JSON.parse(await readFile(this.file, 'utf8')))
        .slice(0, MAX_RECENT)
    } catch {
      // No list yet, or an unreadable one: start a new one rather than fail the menu.
      this.files = []
    }
    return this.files
  }

  list(): readonly string[] {
    return this.files
  }

  async add(file: string): Promise<readonly string[]> {
    this.files = [file, ...this.files.filter((f) => f !== file)].slice(0, MAX_RECENT)
    await writeFileAtomic(this.file, `${JSON.stringify(this.files, null, 2)}\n`)
    return this.files
  }

  async clear(): Promise<void> {
    this.files = []
    await writeFileAtomic(this.file, '[]\n')
  }
}
