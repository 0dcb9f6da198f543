import { copyFile, readFile, readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { QuireError } from '@shared/contract'
import {
  applySettingsPatch,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
} from '@shared/settings/schema'
import { settingInvalid } from '@shared/settings/refusals'
import { writeFileAtomic } from './atomicWrite'
import { removeStrayTemps } from './strayTemps'

export type LoadedSettings = { settings: Settings; problem: string | null }

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
const serialize = (settings: Settings) => `${JSON.stringify(settings, null, 2)}\n`

/**
 * settings.json in the user-data folder. A file that cannot be parsed is copied aside (never
 * lost) and replaced by the values that could be read, so the writer is told once, not on every
 * start. A file that cannot be read at all (a folder, no permission) is reported and left alone.
 */
export class SettingsStore {
  private current: Settings = settingsSchema.parse({})
  private writes: Promise<unknown> = Promise.resolve()
  readonly file: string
  private loadProblem: string | null = null
  /** The file exists but could not be opened: saving would overwrite what was never read. */
  private unopened = false

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json')
  }

  async load(): Promise<LoadedSettings> {
    await removeStrayTemps(this.file)
    this.loadProblem = await this.read()
    return { settings: this.current, problem: this.loadProblem }
  }

  /** What went wrong reading the file at the last load, in a sentence for the writer. */
  get problem(): string | null {
    return this.loadProblem
  }

  private async read(): Promise<string | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      this.unopened = (error as { code?: string }).code !== 'ENOENT'
      if (!this.unopened) return null
      return `Your settings file ${this.file} could not be read (${message(error)}). Quire started with the defaults, and changes to settings cannot be saved until the file can be read.`
    }
    this.unopened = false
    let raw: unknown
    try {
      // Editors on Windows may save a UTF-8 byte-order mark; JSON.parse refuses it.
      raw = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      return this.replaceUnreadable(
        settingsSchema.parse({}),
        `Your settings file could not be read (${message(error)}), so Quire started with the defaults.`,
      )
    }
    const parsed = settingsSchema.safeParse(raw)
    if (parsed.success) {
      this.current = parsed.data
      return null
    }
    // Keep every value that is still good; only the bad ones fall back to their defaults.
    const { settings, dropped } = salvage(raw)
    return this.replaceUnreadable(
      settings,
      `Some settings could not be read (${dropped.join(', ')}), so Quire used the defaults for those and kept everything else.`,
    )
  }

  /**
   * Uses `settings`, copies the unreadable file aside and writes what was read in its place, so
   * the next start reads it cleanly. If the copy fails, the file is left as it is.
   */
  private async replaceUnreadable(settings: Settings, summary: string): Promise<string> {
    this.current = settings
    let aside: string
    try {
      aside = await this.copyAside()
    } catch (error) {
      return `${summary} Quire could not keep a copy of the old file (${message(error)}), so it is left as it is.`
    }
    await writeFileAtomic(this.file, serialize(settings)).catch(() => {})
    return `${summary} Quire kept a copy of the old file at ${aside}.`
  }

  /** A copy of the file beside it; an earlier copy with the same bytes is reused, not repeated. */
  private async copyAside(): Promise<string> {
    const bytes = await readFile(this.file)
    const folder = dirname(this.file)
    const prefix = `${basename(this.file)}.unreadable-`
    for (const name of (await readdir(folder)).filter((n) => n.startsWith(prefix))) {
      const copy = join(folder, name)
      if ((await readFile(copy).catch(() => null))?.equals(bytes)) return copy
    }
    const aside = `${this.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await copyFile(this.file, aside)
    return aside
  }

  get(): Settings {
    return this.current
  }

  /**
   * Validates a change and saves it; the settings in memory change only once the file is
   * written. A bad change, or a failed write, is refused and changes nothing; later changes
   * still save.
   */
  async update(patch: unknown): Promise<Settings> {
    const parsed = settingsPatchSchema.safeParse(patch)
    if (!parsed.success) {
      throw settingInvalid(parsed.error.issues[0])
    }
    // Changes apply in order, each to the settings the previous one saved.
    const write = this.writes.then(async () => {
      // A file that could not be opened is tried again (its owner may have fixed it), never overwritten.
      if (this.unopened) {
        const problem = await this.read()
        if (this.unopened)
          throw new QuireError(
            'internal',
            problem ?? 'Settings cannot be saved.',
            'settings-unopened',
            { reason: problem ?? '' },
          )
      }
      const next = applySettingsPatch(this.current, parsed.data)
      try {
        await writeFileAtomic(this.file, serialize(next))
      } catch (error) {
        throw new QuireError(
          'internal',
          `Settings could not be saved to ${this.file} (${message(error)}); nothing was changed.`,
          'settings-write-failed',
          { file: this.file, reason: message(error) },
        )
      }
      this.current = next
      return next
    })
    this.writes = write.catch(() => {})
    return write
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
