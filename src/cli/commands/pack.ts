import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { applyPackImport, exportStylePack, planPackImport } from '@core/library/stylePacks'
import { writeFileAtomic } from '@core/settings/atomicWrite'
import { userDataDir } from '@core/settings/userDataDir'
import { QuireError } from '@shared/contract'
import { formatProblem } from '@shared/prompts/problems'
import type { PlannedFile, StylePackPlan } from '@shared/stylepack'
import { displayPath, loadCliLibrary, type CommandIo } from './prompts'
import { UsageError } from '../usageError'

export const packUsage = `quire pack export --out FILE [--prompt ID]… [--persona ID]… [--preset ID]… [--name NAME]
quire pack import FILE [--yes] [--json]

  Style packs (.quirepack) carry prompts (both languages), sampling presets, personas, your
  replacement rules and references to LoRA adapters (name and checksum, never the file).

  export    without --prompt, packs every prompt of your own; the personas and presets
            your prompts use come along unless they are bundled ones
  import    shows what the pack would add and replace; nothing is written without --yes.
            Files it replaces are kept as <file>.bak`

const processIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

async function exportPack(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      prompt: { type: 'string', multiple: true },
      persona: { type: 'string', multiple: true },
      preset: { type: 'string', multiple: true },
      name: { type: 'string' },
    },
  })
  if (positionals.length > 0)
    throw new UsageError(`Unexpected "${positionals[0]}"; name the file with --out FILE.`)
  if (!values.out) throw new UsageError('--out FILE is required, e.g. --out autumn.quirepack.')
  const library = await loadCliLibrary(io)
  const { pack, text } = await exportStylePack(library, io.dataDir ?? userDataDir(), {
    name: values.name,
    prompts: values.prompt ?? [],
    personas: values.persona ?? [],
    presets: values.preset ?? [],
  })
  await writeFileAtomic(values.out, text)
  const rules = pack.replacements.zh.length + pack.replacements.en.length
  io.stdout(
    `Wrote ${values.out}: ${plural(new Set(pack.prompts.map((p) => p.id)).size, 'prompt')} (${plural(pack.prompts.length, 'file')}), ` +
      `${plural(new Set(pack.personas.map((p) => p.id)).size, 'persona')}, ${plural(pack.presets.length, 'preset')}, ` +
      `${plural(rules, 'replacement rule')}, ${plural(pack.lora.length, 'LoRA reference')}.\n`,
  )
}

const replaces: Record<NonNullable<PlannedFile['replaces']>, string> = {
  user: 'replaces your own version (kept as .bak)',
  bundled: 'overrides the bundled version (restore it any time)',
  extra: 'overrides the version in the extra folder',
}

/** The plan as a writer reads it: one line per thing the import adds or replaces. */
export function formatPlan(plan: StylePackPlan): string {
  const lines = [`Style pack "${plan.name}"${plan.description ? ` — ${plan.description}` : ''}`]
  const verb = { add: 'add    ', replace: 'replace', unchanged: 'same   ' }
  const file = (kind: string, f: PlannedFile) =>
    `  ${verb[f.action]} ${kind} ${f.id} (${f.language}) "${f.title}"` +
    (f.action === 'unchanged'
      ? ' — already in your library as it is'
      : f.replaces
        ? ` — ${replaces[f.replaces]}`
        : '') +
    (f.dropsShortcut ? ' — without its shortcut' : '')
  lines.push(...plan.prompts.map((f) => file('prompt', f)))
  lines.push(...plan.personas.map((f) => file('persona', f)))
  for (const preset of plan.presets)
    lines.push(
      `  ${preset.action === 'add' ? 'add    ' : 'replace'} preset ${preset.id} "${preset.title}"` +
        (preset.replaces ? ` — ${replaces[preset.replaces]}` : ''),
    )
  for (const language of ['zh', 'en'] as const) {
    const rules = plan.replacements[language]
    if (rules.length > 0)
      lines.push(`  add     ${plural(rules.length, 'replacement rule')} (${language})`)
  }
  const status = {
    present: 'in your lora folder',
    missing: 'not in your lora folder',
    different: 'a different file by that name is in your lora folder',
  }
  for (const lora of plan.lora)
    lines.push(
      `  LoRA    ${lora.file} (sha256 ${lora.sha256.slice(0, 12)}…): ${status[lora.status]}`,
    )
  if (plan.problems.length > 0) {
    lines.push('Problems:')
    lines.push(...plan.problems.map((p) => `  ${formatProblem(p, displayPath(p.source))}`))
  }
  return `${lines.join('\n')}\n`
}

async function importPack(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      yes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  })
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('Name the pack to import: quire pack import FILE.')
  if (extra.length > 0) throw new UsageError('quire pack import takes one file.')
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new QuireError(
      'invalid-request',
      (error as { code?: string }).code === 'ENOENT'
        ? `There is no file ${file}.`
        : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    )
  })
  const dataDir = io.dataDir ?? userDataDir()
  const library = await loadCliLibrary(io)
  const plan = await planPackImport(library, dataDir, text, basename(file))
  if (!values.yes) {
    io.stdout(values.json ? `${JSON.stringify({ plan }, null, 2)}\n` : formatPlan(plan))
    if (!values.json)
      io.stdout(
        plan.canApply
          ? 'Nothing was imported yet. Run again with --yes to import.\n'
          : 'The pack cannot be imported as it is.\n',
      )
    return
  }
  const result = await applyPackImport(library, dataDir, text, basename(file), plan.fingerprint)
  if (values.json) return void io.stdout(`${JSON.stringify({ plan, result }, null, 2)}\n`)
  io.stdout(formatPlan(plan))
  io.stdout(
    `Imported: ${plural(result.written.length, 'file')} written` +
      (result.backups.length > 0 ? `; the old versions are kept as .bak beside them.` : '.') +
      '\n',
  )
}

/** `quire pack`: export and import style packs. */
export async function runPack(args: string[], io: CommandIo = processIo): Promise<void> {
  const [subcommand, ...rest] = args
  if (subcommand === 'export') return exportPack(rest, io)
  if (subcommand === 'import') return importPack(rest, io)
  throw new UsageError(
    subcommand === undefined
      ? 'Say what to do: quire pack export|import.'
      : `Unknown pack command "${subcommand}"; use export or import.`,
  )
}
