import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runModels } from '../../../src/cli/commands/models'
import { UsageError } from '../../../src/cli/usageError'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH } from '../../fixtures/paths'

let dir = ''
let output = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-cli-models-'))
  output = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output += String(chunk)
    return true
  })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

/** Runs `quire models …` in this process against the temporary models folder. */
const models = (...args: string[]) => runModels([...args, '--dir', dir])

describe('quire models', () => {
  it('lists the catalog with the recommended model marked', async () => {
    await models('list')
    expect(output).toContain(`Models in ${dir}`)
    expect(output).toMatch(
      /^\* qwen3-4b-instruct-2507\s+available\s+2\.5 GB\s+Qwen3 4B Instruct 2507$/m,
    )
  })

  it('adds a file, shows it in JSON, describes it, and removes it', async () => {
    await models('add', TINY_MODEL_PATH)
    expect(output).toBe(`Added tiny-qwen3: Quire tiny test model, used from ${TINY_MODEL_PATH}\n`)
    output = ''
    await models('list', '--json')
    expect(JSON.parse(output)).toContainEqual(
      expect.objectContaining({ id: 'tiny-qwen3', status: 'installed', source: 'imported' }),
    )
    output = ''
    await models('info', 'tiny-qwen3', '--json')
    expect(JSON.parse(output)).toMatchObject({
      architecture: 'qwen3',
      layers: 2,
      contextLength: 2048,
    })
    output = ''
    await models('info', TINY_MODEL_PATH)
    expect(output).toMatch(/^tiny-qwen3\.gguf: looks good\n {2}Name {10}Quire tiny test model\n/)
    output = ''
    await models('remove', 'tiny-qwen3')
    expect(output).toBe(
      `Removed tiny-qwen3. The file itself was left where it is: ${TINY_MODEL_PATH}\n`,
    )
  })

  it('explains a damaged file in one sentence', async () => {
    await expect(models('info', CORRUPT_MODEL_PATHS['block-count-zero'])).rejects.toThrow(
      'corrupt-block-count-zero.gguf is damaged: it says the model has no layers (qwen3.block_count = 0).',
    )
  })

  it.each([
    [['frobnicate'], /Unknown models command "frobnicate"/],
    [[], /Say what to do/],
    [['add'], /quire models add takes one FILE/],
    [['pull', 'a', 'b'], /at most one model id/],
    [['pull', '--json'], /--json works with list, info and doctor/],
    [['list', '--endpoint', 'https://hf-mirror.com'], /--endpoint works with pull/],
    [['pull', '--endpoint', 'ftp://mirror'], /--endpoint takes an http\(s\) address/],
  ])('rejects bad usage: %j', async (args, message) => {
    const error = await models(...args).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toMatch(message)
  })
})
