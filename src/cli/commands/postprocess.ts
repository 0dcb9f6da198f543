import { parseArgs } from 'node:util'
import { loadLibrary } from '@core/library/loadLibrary'
import { findPrompt, type PromptLibrary } from '@core/library/promptLibrary'
import { userDataDir } from '@core/settings/userDataDir'
import type { Language } from '@shared/contract'
import { parseStepList, runPipeline, type StepSpec } from '@shared/postprocess'
import { detectLanguage } from '@shared/text/script'
import { hostPaths } from '../hostPaths'
import { UsageError } from '../usageError'

/** The steps used when neither --steps nor --prompt is given: clean, but never cut. */
const defaultSteps: StepSpec[] = [
  'strip-think',
  'strip-preamble',
  'dedupe-sentences',
  'collapse-repeats',
  'normalize-punctuation',
]

export const postprocessUsage = `quire postprocess [--steps LIST | --prompt ID] [--lang zh|en|auto] [--json]

  Reads an answer from standard input and writes it cleaned.

  --steps LIST        steps separated by commas, a value after a colon,
                      e.g. dedupe-sentences,normalize-punctuation,trim-length:200
                      (default: ${defaultSteps.join(',')})
  --prompt ID         use the steps a prompt declares (its postprocess: list)
  --lang auto|zh|en   the answer's target language (default: auto, by its script)
  --json              print {"text", "changes", "flags"} instead of the text

  Steps: strip-think, strip-preamble, dedupe-sentences, collapse-repeats,
  normalize-punctuation, replace-phrases, trim-length:N, max-lines:N, language-guard`

/** Where the command reads and writes; tests pass their own. */
export type PostprocessIo = {
  readInput: () => Promise<string>
  write: (text: string) => void
  warn: (text: string) => void
  loadLibrary: () => Promise<PromptLibrary>
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new UsageError('postprocess reads the answer from standard input, e.g. "< answer.txt".')
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const processIo: PostprocessIo = {
  readInput: readStdin,
  write: (text) => void process.stdout.write(text),
  warn: (text) => void process.stderr.write(text),
  // The writer's own prompts too, as `quire prompts list` shows them.
  loadLibrary: () => loadLibrary({ resourcesDir: hostPaths.resourcesDir, dataDir: userDataDir() }),
}

function readLanguage(value: string | undefined, input: string): Language {
  if (value === 'zh' || value === 'en') return value
  if (value === undefined || value === 'auto') return detectLanguage(input)
  throw new UsageError('--lang takes auto, zh or en.')
}

/** `quire postprocess`: cleans an answer read from standard input with a step list or a prompt's. */
export async function runPostprocess(args: string[], io: PostprocessIo = processIo): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      steps: { type: 'string' },
      prompt: { type: 'string' },
      lang: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
    },
  })
  if (values.steps !== undefined && values.prompt !== undefined)
    throw new UsageError('Pass either --steps LIST or --prompt ID, not both.')
  if (values.lang !== 'auto' && values.lang !== 'zh' && values.lang !== 'en')
    throw new UsageError('--lang takes auto, zh or en.')
  let steps = defaultSteps
  if (values.steps !== undefined) {
    const parsed = parseStepList(values.steps)
    if (!parsed.ok) throw new UsageError(`--steps: ${parsed.message}`)
    steps = parsed.steps
  }

  const input = await io.readInput()
  const language = readLanguage(values.lang, input)
  if (values.prompt !== undefined) {
    const library = await io.loadLibrary()
    steps = findPrompt(library, values.prompt, language).postprocess
  }

  const result = runPipeline(input, steps, { language })
  if (values.json) {
    const { text, changes, flags } = result
    io.write(`${JSON.stringify({ text, changes, flags })}\n`)
  } else {
    io.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`)
  }
  if (result.flags.keptRaw)
    io.warn('quire: note: the steps would have removed the whole answer; kept it as it was.\n')
  if (result.flags.languageMismatch)
    io.warn(
      `quire: note: the answer is mostly not in ${language === 'zh' ? 'Chinese' : 'English'}.\n`,
    )
  if (steps.length === 0 && values.prompt !== undefined)
    io.warn(`quire: note: prompt "${values.prompt}" declares no post-processing steps.\n`)
}
