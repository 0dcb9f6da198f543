import { copyFile, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { QuireError } from '@shared/contract'
import {
  applySettingsPatch,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
} from '@shared/settings/schema'
import { writeFileAtomic } from './atomicWrite'

export type LoadedSettings = { settings: Settings; problem: string | null }

/**
 * settings.json in the user-data folder. A file that cannot be read is copied aside (never
 * overwritten) and the defaults are used, with a note saying where the old file went.
 */
export class SettingsStore {
  private current: Settings = settingsSchema.parse({})
  private writes: Promise<void> = Promise.resolve()
  readonly file: string

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json')
  }

  async load(): Promise<LoadedSettings> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch {
      return { settings: this.current, problem: null }
    }
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(text))
      if (parsed.success) {
        this.current = parsed.data
        return { settings: this.current, problem: null }
      }
      return {
        settings: this.current,
        problem: await this.setAside(parsed.error.issues[0]?.message ?? 'invalid settings'),
      }
    } catch (error) {
      return {
        settings: this.current,
        problem: await this.setAside(error instanceof Error ? error.message : String(error)),
      }
    }
  }

  get(): Settings {
    return this.current
  }

  /** Validates and applies a change, then saves; a bad change is refused and nothing is saved. */
  async update(patch: unknown): Promise<Settings> {
    const parsed = settingsPatchSchema.safeParse(patch)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new QuireError(
        'invalid-request',
        `${issue?.path.map(String).join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`,
      )
    }
    const next = applySettingsPatch(this.current, parsed.data)
    this.current = next
    this.writes = this.writes.then(() =>
      writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`),
    )
    await this.writes
    return next
  }

  private async setAside(reason: string): Promise<string> {
    const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await copyFile(this.file, aside).catch(() => {})
    return `Your settings file could not be read (${reason}). Quire kept a copy at ${aside} and started with the defaults.`
  }
}
