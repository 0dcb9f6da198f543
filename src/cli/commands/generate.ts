import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createLocalClient, isGenerationEvent, QuireError, type DoneEvent } from '@shared/contract'
import { intOption, variableOptions } from '../options'
import { startService } from '../startService'
import { UsageError } from '../usageError'

export const generateUsage = `quire generate --model FILE --prompt ID --selection TEXT [options]

  --model FILE|ID     GGUF model to run: a file, or an id from "quire models list"
  --prompt ID         prompt id, e.g. rewrite.lyrical (see the resources/prompts folder)
  --selection TEXT    the text to work on; "-" reads it from standard input
  --lang auto|zh|en   prompt language (default: auto, by the selection's script)
  --var NAME=VALUE    a prompt variable; repeatable
  --seed N            sampling seed, for repeatable output
  --max-tokens N      token budget (default: the prompt's)
  --threads N         CPU threads (default: one per physical core)
  --json              print {"text", "raw", "flags", "retried", "stats"} instead of the text`

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** `quire generate`: runs one prompt on a selection and prints the cleaned answer. */
export async function runGenerate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      model: { type: 'string' },
      prompt: { type: 'string' },
      selection: { type: 'string' },
      lang: { type: 'string', default: 'auto' },
      var: { type: 'string', multiple: true },
      seed: { type: 'string' },
      'max-tokens': { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  if (!values.model) throw new UsageError('--model FILE is required.')
  if (!values.prompt) throw new UsageError('--prompt ID is required.')
  if (values.selection === undefined)
    throw new UsageError('--selection TEXT is required ("-" reads standard input).')
  if (values.lang !== 'auto' && values.lang !== 'zh' && values.lang !== 'en')
    throw new UsageError('--lang takes auto, zh or en.')
  const seed = intOption('seed', values.seed)
  const maxTokens = intOption('max-tokens', values['max-tokens'], { min: 1, max: 8192 })
  const threads = intOption('threads', values.threads, { min: 1, max: 256 })
  const variables = variableOptions(values.var)
  const selection = values.selection === '-' ? await readStdin() : values.selection

  const service = await startService({ threads, rememberModel: false })
  const client = createLocalClient(service)
  try {
    // --model takes a file, or the id of a model in `quire models list`.
    const model = values.model
    const path = existsSync(model) ? model : await service.models.pathOf(model).catch(() => model)
    await client.loadModel({ path })
    const requestId = randomUUID()
    const done = new Promise<DoneEvent>((resolve, reject) => {
      client.onEvent((event) => {
        if (!isGenerationEvent(event) || event.requestId !== requestId) return
        if (event.type === 'retry' && !values.json)
          process.stderr.write('quire: the answer was in the wrong language; asking once more.\n')
        if (event.type === 'done') resolve(event)
        if (event.type === 'error') reject(new QuireError(event.code, event.message))
      })
      client
        .generate({
          requestId,
          promptId: values.prompt ?? '',
          selection,
          language: values.lang as 'auto',
          variables,
          seed,
          maxTokens,
        })
        .catch(reject)
    })
    const result = await done
    if (values.json)
      process.stdout.write(
        `${JSON.stringify({ text: result.text, raw: result.raw, flags: result.flags, retried: result.retried, stats: result.stats })}\n`,
      )
    else {
      process.stdout.write(`${result.text}\n`)
      if (result.flags.languageMismatch)
        process.stderr.write(
          'quire: note: the answer is still mostly in another language than the passage.\n',
        )
    }
  } finally {
    client.close()
    await service.dispose()
  }
}
