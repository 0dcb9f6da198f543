import { readFile } from 'node:fs/promises'
import { isAbsolute, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { loadLibrary, type LayeredLibrary } from '@core/library/loadLibrary'
import { previewPrompt } from '@core/library/previewPrompt'
import { checkLibraryFile } from '@core/library/checkFile'
import { userDataDir } from '@core/settings/userDataDir'
import { QuireError, promptKindSchema, type Language } from '@shared/contract'
import type { PromptPreview } from '@shared/prompts/libraryContract'
import { countProblems, formatProblem, isErrorProblem } from '@shared/prompts/problems'
import type { LibraryProblem } from '@shared/prompts/schema'
import { stepIdOf, type StepSpec } from '@shared/postprocess'
import { hostPaths } from '../hostPaths'
import { variableOptions } from '../options'
import { UsageError } from '../usageError'

export const promptsUsage = `quire prompts list [--kind KIND] [--lang zh|en] [--json]
quire prompts show ID [--lang zh|en]
quire prompts render ID --selection TEXT [--var NAME=VALUE]… [--lang zh|en|auto] [--before TEXT] [--json]
quire prompts validate [FILE…]

  The prompt library: the bundled prompts and your own (in <data>/prompts/{en,zh}, which win
  over bundled ones with the same id).

  list       every prompt, with its language, kind, origin (bundled or user) and shortcut
  show       prints a prompt's file
  render     prints the exact messages, sampling values and post-processing steps a prompt
             would run with on a selection; needs no model ("--selection -" reads stdin)
  validate   checks the given prompt files, or the whole library; prints file:line (field):
             message for each problem and exits non-zero when there is an error`

/** Where the prompts and pack commands write and which folders they read; tests pass their own. */
export type CommandIo = {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The user-data folder (default: QUIRE_DATA_DIR or the platform's place). */
  dataDir?: string
  /** The bundled library (default: the resources next to the CLI). */
  resourcesDir?: string
  readStdin?: () => Promise<string>
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const processIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

/** The bundled library plus the user's, as the app would load it. */
export function loadCliLibrary(io: CommandIo): Promise<LayeredLibrary> {
  return loadLibrary({
    resourcesDir: io.resourcesDir ?? hostPaths.resourcesDir,
    dataDir: io.dataDir ?? userDataDir(),
  })
}

/** A path as short as it can be while still pointing at the file. */
export function displayPath(path: string): string {
  const shorter = relative(process.cwd(), path)
  return shorter && !shorter.startsWith('..') && !isAbsolute(shorter) ? shorter : path
}

function readLanguage(value: string | undefined): Language | undefined {
  if (value === undefined || value === 'zh' || value === 'en') return value
  throw new UsageError('--lang takes zh or en.')
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((r) => r[column]?.length ?? 0)))
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths?.[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n')
}

async function list(args: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      kind: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  if (values.kind !== undefined && !promptKindSchema.safeParse(values.kind).success)
    throw new UsageError(`--kind takes ${promptKindSchema.options.join(', ')}.`)
  const language = readLanguage(values.lang)
  const library = await loadCliLibrary(io)
  const prompts = library.prompts.filter(
    (p) =>
      (values.kind === undefined || p.kind === values.kind) &&
      (language === undefined || p.language === language),
  )
  if (values.json) {
    const rows = prompts.map((p) => ({
      id: p.id,
      language: p.language,
      kind: p.kind,
      title: p.title,
      description: p.description,
      shortcut: p.shortcut ?? null,
      origin: p.origin,
      overrides: p.overrides,
      source: p.source,
    }))
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
  } else {
    const rows = prompts.map((p) => [
      p.id,
      p.language,
      p.kind,
      p.overrides ? `${p.origin} (overrides)` : p.origin,
      p.shortcut ?? '',
      p.title,
    ])
    io.stdout(`${table([['ID', 'LANG', 'KIND', 'ORIGIN', 'SHORTCUT', 'TITLE'], ...rows])}\n`)
  }
  if (library.problems.length > 0)
    io.stderr(
      `quire: the library has ${countProblems(library.problems)}; run "quire prompts validate" to see them.\n`,
    )
}

async function show(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { lang: { type: 'string' } },
  })
  const [id, ...extra] = positionals
  if (id === undefined) throw new UsageError('Name the prompt to show: quire prompts show ID.')
  if (extra.length > 0) throw new UsageError('quire prompts show takes one prompt id.')
  const language = readLanguage(values.lang)
  const library = await loadCliLibrary(io)
  const versions = library.prompts.filter((p) => p.id === id)
  const prompt =
    language === undefined
      ? (versions.find((p) => p.language === 'en') ?? versions[0])
      : versions.find((p) => p.language === language)
  if (!prompt) {
    const other = versions[0]
    throw new QuireError(
      'prompt-not-found',
      other
        ? `"${id}" has no ${language === 'zh' ? 'Chinese' : 'English'} version; try --lang ${other.language}.`
        : `There is no prompt "${id}" in the library; "quire prompts list" shows them all.`,
    )
  }
  if (language === undefined && versions.length > 1)
    io.stderr(`quire: showing the ${prompt.language} file; --lang picks the other.\n`)
  io.stdout(await readFile(prompt.source, 'utf8'))
}

function stepLabel(step: StepSpec): string {
  if (typeof step === 'string') return step
  const id = stepIdOf(step)
  const value = Object.values(step)[0] as unknown
  return Array.isArray(value) ? `${id} (${value.length} pairs)` : `${id}: ${String(value)}`
}

function formatPreview(preview: PromptPreview): string {
  const s = preview.sampling
  const lines = [
    `Prompt:    ${preview.promptId} (${preview.promptLanguage}, ${preview.origin}) ${displayPath(preview.source)}`,
    ...(preview.promptLanguage === preview.language
      ? []
      : [`Language:  ${preview.language} (no ${preview.language} version; using this one)`]),
    `Persona:   ${preview.persona} ${displayPath(preview.personaSource)}`,
    `Preset:    ${preview.preset}`,
    `Sampling:  temperature ${s.temperature}, top-p ${s.topP}, top-k ${s.topK}, min-p ${s.minP}, repeat penalty ${s.repeatPenalty}, max tokens ${s.maxTokens}` +
      (s.frequencyPenalty || s.presencePenalty || s.dryStrength
        ? `, frequency ${s.frequencyPenalty}, presence ${s.presencePenalty}, DRY ${s.dryStrength}`
        : ''),
    `Steps:     ${preview.postprocess.length > 0 ? preview.postprocess.map(stepLabel).join(', ') : '(none)'}`,
    ...(preview.lora.length > 0
      ? [`LoRA:      ${preview.lora.map((l) => `${l.file} × ${l.scale}`).join(', ')}`]
      : []),
    `Apply:     ${preview.apply}`,
    '',
    '--- system ---',
    preview.system,
    '--- user ---',
    preview.user,
  ]
  return `${lines.join('\n')}\n`
}

async function render(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      selection: { type: 'string' },
      var: { type: 'string', multiple: true },
      lang: { type: 'string', default: 'auto' },
      before: { type: 'string', default: '' },
      json: { type: 'boolean', default: false },
    },
  })
  const [id, ...extra] = positionals
  if (id === undefined) throw new UsageError('Name the prompt to render: quire prompts render ID.')
  if (extra.length > 0) throw new UsageError('quire prompts render takes one prompt id.')
  if (values.selection === undefined)
    throw new UsageError('--selection TEXT is required ("-" reads standard input).')
  if (values.lang !== 'auto' && values.lang !== 'zh' && values.lang !== 'en')
    throw new UsageError('--lang takes auto, zh or en.')
  const variables = variableOptions(values.var)
  const selection =
    values.selection === '-' ? await (io.readStdin ?? readProcessStdin)() : values.selection
  const library = await loadCliLibrary(io)
  const preview = previewPrompt(library, {
    promptId: id,
    selection,
    before: values.before,
    language: values.lang,
    variables,
  })
  io.stdout(values.json ? `${JSON.stringify(preview, null, 2)}\n` : formatPreview(preview))
}

async function validate(args: string[], io: CommandIo): Promise<void> {
  const { positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} })
  const library = await loadCliLibrary(io)
  let problems: LibraryProblem[]
  let checked: string
  if (positionals.length === 0) {
    problems = library.problems
    checked = `the library (${library.prompts.length} prompts, ${library.personas.length} personas loaded)`
  } else {
    problems = []
    for (const file of positionals) problems.push(...(await checkLibraryFile(library, file)))
    checked = `${positionals.length} file${positionals.length === 1 ? '' : 's'}`
  }
  for (const problem of problems)
    io.stdout(`${formatProblem(problem, displayPath(problem.source))}\n`)
  const summary = `Checked ${checked}: ${countProblems(problems)}.`
  if (problems.some(isErrorProblem)) throw new QuireError('invalid-request', summary)
  io.stdout(`${summary}\n`)
}

/** `quire prompts`: list, show, render and validate the prompt library. */
export async function runPrompts(args: string[], io: CommandIo = processIo): Promise<void> {
  const [subcommand, ...rest] = args
  switch (subcommand) {
    case 'list':
      return list(rest, io)
    case 'show':
      return show(rest, io)
    case 'render':
      return render(rest, io)
    case 'validate':
      return validate(rest, io)
    case undefined:
      throw new UsageError('Say what to do: quire prompts list|show|render|validate.')
    default:
      throw new UsageError(
        `Unknown prompts command "${subcommand}"; use list, show, render or validate.`,
      )
  }
}
