import { describe, expect, it } from 'vitest'
import type { PromptLibrary } from '@core/library/promptLibrary'
import {
  runPostprocess,
  postprocessUsage,
  type PostprocessIo,
} from '../../../src/cli/commands/postprocess'
import { UsageError } from '../../../src/cli/usageError'

/** A library with one prompt, built loosely so the test does not track every front-matter field. */
const library = {
  prompts: [
    {
      id: 'poem.test',
      language: 'zh',
      postprocess: ['strip-preamble', 'dedupe-sentences', { 'max-lines': 2 }],
    },
  ],
  personas: [],
  presets: [],
  problems: [],
} as unknown as PromptLibrary

function run(args: string[], input: string) {
  const out: string[] = []
  const err: string[] = []
  const io: PostprocessIo = {
    readInput: () => Promise.resolve(input),
    write: (text) => void out.push(text),
    warn: (text) => void err.push(text),
    loadLibrary: () => Promise.resolve(library),
  }
  return { done: runPostprocess(args, io), out, err }
}

describe('quire postprocess', () => {
  it('cleans standard input with --steps and prints the text', async () => {
    const { done, out } = run(
      ['--steps', 'dedupe-sentences,normalize-punctuation'],
      '风很轻.云很淡.风很轻.',
    )
    await done
    expect(out.join('')).toBe('风很轻。云很淡。\n')
  })

  it('prints {"text", "changes"} with --json', async () => {
    const { done, out } = run(['--steps', 'dedupe-sentences', '--json'], '风很轻。风很轻。')
    await done
    const printed = JSON.parse(out.join('')) as { text: string; changes: unknown[] }
    expect(printed.text).toBe('风很轻。')
    expect(printed.changes).toEqual([
      { step: 'dedupe-sentences', edits: [{ at: 4, removed: '风很轻。', inserted: '' }] },
    ])
  })

  it('uses the steps a prompt declares with --prompt', async () => {
    const { done, out } = run(
      ['--prompt', 'poem.test', '--lang', 'zh'],
      '好的！\n山很高\n山很高\n水很长\n云很淡',
    )
    await done
    expect(out.join('')).toBe('山很高\n水很长\n')
  })

  it('picks the language from the text with --lang auto', async () => {
    // Chinese text gets the Chinese ellipsis, English text the English one.
    const zh = run(['--steps', 'normalize-punctuation'], '风很轻...')
    await zh.done
    expect(zh.out.join('')).toBe('风很轻……\n')
    const en = run(['--steps', 'normalize-punctuation'], 'The wind……')
    await en.done
    expect(en.out.join('')).toBe('The wind…\n')
  })

  it('says so on stderr when it kept the raw answer', async () => {
    const { done, out, err } = run(['--steps', 'strip-think'], '<think>only reasoning')
    await done
    expect(out.join('')).toBe('<think>only reasoning\n')
    expect(err.join('')).toContain('kept it as it was')
  })

  it.each([
    [['--steps', 'dedupe'], 'Unknown post-processing step "dedupe"'],
    [['--steps', 'trim-length'], 'trim-length needs a whole number after a colon'],
    [['--steps', 'strip-think', '--prompt', 'poem.test'], 'either --steps LIST or --prompt ID'],
    [['--lang', 'fr'], '--lang takes auto, zh or en'],
  ])('rejects %j with a usage error', async (args, message) => {
    const { done } = run(args, 'text')
    await expect(done).rejects.toThrow(UsageError)
    await expect(done).rejects.toThrow(message)
  })

  it('rejects an unknown flag the way other commands do', async () => {
    await expect(run(['--stpes', 'x'], 'text').done).rejects.toMatchObject({
      code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    })
  })

  it('reports an unknown prompt id', async () => {
    await expect(run(['--prompt', 'nope'], 'text').done).rejects.toThrow(
      'There is no prompt "nope"',
    )
  })

  it('documents its flags and steps', () => {
    expect(postprocessUsage.split('\n')[0]).toBe(
      'quire postprocess [--steps LIST | --prompt ID] [--lang zh|en|auto] [--json]',
    )
    expect(postprocessUsage).toContain('trim-length:N')
  })
})
