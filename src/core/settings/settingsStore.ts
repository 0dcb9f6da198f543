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
      const raw: unknown = JSON.parse(text)
      const parsed = settingsSchema.safeParse(raw)
      if (parsed.success) {
        this.current = parsed.data
        return { settings: this.current, problem: null }
      }
      // Keep every value that is still good; only the bad ones fall back to their defaults.
      const { settings, dropped } = salvage(raw)
      this.current = settings
      const aside = await this.copyAside()
      return {
        settings,
        problem: `Some settings could not be read (${dropped.join(', ')}), so Quire used the defaults for those and kept everything else. The old file is saved at ${aside}.`,
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
    const aside = await this.copyAside()
    return `Your settings file could not be read (${reason}). Quire kept a copy at ${aside} and started with the defaults.`
  }

  private async copyAside(): Promise<string> {
    const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await copyFile(this.file, aside).catch(() => {})
    return aside
  }
}

const GROUPS = new Set(['engine', 'remote', 'replacements'])

/** The defaults with every readable value of `raw` applied, field by field, and the names of the ones that were not. */
export function salvage(raw: unknown): { settings: Settings; dropped: string[] } {
  let settings = settingsSchema.parse({})
  const dropped: string[] = []
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { settings, dropped: ['the whole file'] }
  const tryValue = (candidate: unknown, name: string): void => {
    const parsed = settingsSchema.safeParse(candidate)
    if (parsed.success) settings = parsed.data
    else dropped.push(name)
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(settingsSchema.shape, key)) continue
    if (GROUPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, fieldValue] of Object.entries(value)) {
        const group = settings[key as 'engine' | 'remote' | 'replacements']
        tryValue({ ...settings, [key]: { ...group, [field]: fieldValue } }, `${key}.${field}`)
      }
    } else {
      tryValue({ ...settings, [key]: value }, key)
    }
  }
  return { settings, dropped: dropped.length > 0 ? dropped : ['unknown'] }
}
