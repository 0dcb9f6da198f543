/**
 * A document of several megabytes (about 3 MB of UTF-8 per million characters) whose every line
 * says which version it belongs to, so any mix or cut of two versions is visible.
 */
export function bigText(version: 'A' | 'B', lines = 40_000): string {
  const out: string[] = [`# Version ${version}`]
  for (let i = 0; i < lines; i++)
    out.push(`${version}${i} 秋天的雨落在屋檐上，一滴，又一滴。Rain on the roof.`)
  out.push(`END ${version}`)
  return `${out.join('\n')}\n`
}
