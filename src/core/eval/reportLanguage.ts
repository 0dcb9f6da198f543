import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { uiLanguageSchema } from '@shared/settings/schema'
import type { ReportLanguage } from './reportStrings'

/** The system's locale as POSIX names it (LC_ALL over LC_MESSAGES over LANG), else ICU's. */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value && value !== 'C' && value !== 'POSIX',
  )
  return posix ?? Intl.DateTimeFormat().resolvedOptions().locale
}

/** Chinese for a Chinese locale ("zh_CN.UTF-8", "zh-Hant"), else English. */
export function languageOfLocale(locale: string): ReportLanguage {
  return /^zh\b|^zh[-_]/i.test(locale) ? 'zh' : 'en'
}

/**
 * The interface language the writer chose in Settings ("en" or "zh"), or null when they left it
 * to the system or there is no readable settings file. Reads the file only: nothing is repaired.
 */
export async function settingsUiLanguage(dataDir: string): Promise<ReportLanguage | null> {
  try {
    const raw = JSON.parse(
      (await readFile(join(dataDir, 'settings.json'), 'utf8')).replace(/^\uFEFF/, ''),
    ) as { uiLanguage?: unknown }
    const chosen = uiLanguageSchema.safeParse(raw.uiLanguage)
    return chosen.success && chosen.data !== 'system' ? chosen.data : null
  } catch {
    return null
  }
}

/** The language `report.html` is written in without `--lang`: Settings', else the system's. */
export async function defaultReportLanguage(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReportLanguage> {
  return (await settingsUiLanguage(dataDir)) ?? languageOfLocale(systemLocale(env))
}
