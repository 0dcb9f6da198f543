#!/usr/bin/env node
import { QuireError } from '@shared/contract'
import { printable } from '@shared/text/printable'
import packageJson from '../../package.json'
import { docsUsage, runDocs } from './commands/docs'
import { evalUsage, runEvalCommand } from './commands/eval'
import { generateUsage, runGenerate } from './commands/generate'
import { modelsUsage, runModels } from './commands/models'
import { packUsage, runPack } from './commands/pack'
import { promptsUsage, runPrompts } from './commands/prompts'
import { postprocessUsage, runPostprocess } from './commands/postprocess'
import { runServe, serveUsage } from './commands/serve'
import { UsageError } from './usageError'

/** The synopsis lines of a command's usage (its first paragraph), indented. */
const synopsis = (text: string): string =>
  (text.split('\n\n')[0] ?? '')
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')

const usage = [
  `Quire ${packageJson.version} — a local-first writing assistant`,
  '',
  'Usage:',
  ...[
    generateUsage,
    serveUsage,
    docsUsage,
    postprocessUsage,
    modelsUsage,
    promptsUsage,
    packUsage,
    evalUsage,
  ].map(synopsis),
  '  quire --version',
  '  quire help COMMAND',
].join('\n')

const commands: Record<string, { run: (args: string[]) => Promise<void>; usage: string }> = {
  generate: { run: runGenerate, usage: generateUsage },
  serve: { run: runServe, usage: serveUsage },
  docs: { run: (args) => runDocs(args), usage: docsUsage },
  postprocess: { run: (args) => runPostprocess(args), usage: postprocessUsage },
  models: { run: runModels, usage: modelsUsage },
  prompts: { run: (args) => runPrompts(args), usage: promptsUsage },
  pack: { run: (args) => runPack(args), usage: packUsage },
  eval: { run: runEvalCommand, usage: evalUsage },
}

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv
  if (first === '--version' || first === '-v')
    return void process.stdout.write(`${packageJson.version}\n`)
  if (first === undefined || first === '--help' || first === '-h')
    return void process.stdout.write(`${usage}\n`)
  if (first === 'help') {
    const [name] = rest
    if (name === undefined) return void process.stdout.write(`${usage}\n`)
    const command = commands[name]
    // Asked about a command that does not exist: say so, as running it would.
    if (!command) throw new UsageError(`There is no command "${name}".`)
    return void process.stdout.write(`${command.usage}\n`)
  }
  const command = commands[first]
  if (!command) throw new UsageError(`Unknown command "${first}".`)
  if (rest.includes('--help') || rest.includes('-h'))
    return void process.stdout.write(`${command.usage}\n`)
  await command.run(rest)
}

// `quire … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    // Node's parser explains ambiguous values over several lines; the first says what happened.
    const first = ((error as Error).message.split('\n')[0] ?? '').trim()
    const hint = /ambiguous|argument/.test(first)
      ? ' Write the value with "=", e.g. --seed=-1.'
      : ''
    process.stderr.write(`quire: ${first}${hint}\nRun "quire help" for usage.\n`)
    process.exit(2)
  }
  const message =
    error instanceof QuireError || error instanceof Error ? error.message : String(error)
  // Messages can quote a file's bytes (a model's key names); none of its controls reach the terminal.
  process.stderr.write(`quire: ${printable(message, { keepLineBreaks: true })}\n`)
  if (process.env.QUIRE_DEBUG === '1' && error instanceof Error)
    process.stderr.write(`${error.stack}\n`)
  process.exit(1)
})
