import { createHash } from 'node:crypto'
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Catalog } from '@core/models/catalog'
import { ModelStore } from '@core/models/modelStore'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH } from '../../fixtures/paths'

let dir = ''
let outside = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quire-store-'))
  outside = await mkdtemp(join(tmpdir(), 'quire-mine-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

/** A catalog whose one model is the tiny model, so a copy of it counts as downloaded. */
async function tinyCatalog(): Promise<Catalog> {
  const bytes = await readFile(TINY_MODEL_PATH)
  return {
    version: 1,
    models: [
      {
        id: 'tiny',
        title: 'Tiny test model',
        description: 'The generated test model.',
        uri: 'https://127.0.0.1:9/never-fetched.gguf',
        fileName: 'tiny-qwen3.gguf',
        quantization: 'F32',
        sizeBytes: bytes.length,
        sizeExact: true,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        minRamGb: 1,
        minVramGb: 0,
        default: true,
      },
    ],
  }
}

describe('the model store', () => {
  it('imports a file by reference, lists it, and forgets it without deleting it', async () => {
    const mine = join(outside, 'My Story Model.gguf')
    await copyFile(TINY_MODEL_PATH, mine)
    const store = new ModelStore(dir, await tinyCatalog())

    const added = await store.add(mine)
    expect(added).toMatchObject({ id: 'my-story-model', source: 'imported', path: mine })
    expect((await store.add(mine)).id).toBe('my-story-model')
    expect(await store.list()).toEqual([
      expect.objectContaining({ id: 'tiny', status: 'available', isDefault: true }),
      expect.objectContaining({ id: 'my-story-model', status: 'installed', path: mine }),
    ])
    expect(await store.pathOf('my-story-model')).toBe(mine)
    expect((await store.info('my-story-model')).name).toBe('Quire tiny test model')
    // The index is plain JSON, written whole (no temporary files left behind).
    expect(await readdir(dir)).toEqual(['index.json'])
    expect(JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')).models).toHaveLength(1)

    expect(await store.remove('my-story-model')).toEqual({
      id: 'my-story-model',
      deletedPaths: [],
      keptPath: mine,
    })
    expect(await readdir(outside)).toEqual(['My Story Model.gguf'])
    expect((await store.list()).map((entry) => entry.id)).toEqual(['tiny'])
  })

  it('refuses to import a damaged model and keeps the list as it was', async () => {
    const store = new ModelStore(dir, await tinyCatalog())
    await expect(store.add(CORRUPT_MODEL_PATHS['duplicate-vocab'])).rejects.toThrow(
      /corrupt-duplicate-vocab\.gguf is damaged/,
    )
    expect((await store.list()).map((entry) => entry.status)).toEqual(['available'])
  })

  it('shows an imported file that has gone missing', async () => {
    const mine = join(outside, 'moved.gguf')
    await copyFile(TINY_MODEL_PATH, mine)
    const store = new ModelStore(dir, await tinyCatalog())
    await store.add(mine)
    await rm(mine)
    expect((await store.list())[1]).toMatchObject({ id: 'moved', status: 'missing' })
    await expect(store.pathOf('moved')).rejects.toThrow(/moved is not installed/)
  })

  it('checks a complete catalog file already in the folder without the network, and removes it', async () => {
    await copyFile(TINY_MODEL_PATH, join(dir, 'tiny-qwen3.gguf'))
    const store = new ModelStore(dir, await tinyCatalog())
    expect((await store.list())[0]).toMatchObject({ status: 'partial' })

    // The catalog URI points nowhere: this only passes if the file is checked locally.
    expect(await store.pull('tiny').result).toMatchObject({ status: 'installed' })
    expect((await store.list())[0]).toMatchObject({ status: 'installed' })

    const removed = await store.remove('tiny')
    expect(removed.deletedPaths).toEqual([join(dir, 'tiny-qwen3.gguf')])
    expect(await readdir(dir)).toEqual(['index.json'])
    await expect(store.remove('tiny')).rejects.toThrow(/Tiny test model is not installed/)
  })

  it('names the ids it knows when asked for one it does not', async () => {
    const store = new ModelStore(dir, await tinyCatalog())
    await expect(store.remove('qwen9')).rejects.toThrow(
      /There is no model "qwen9"\. Catalog models: tiny/,
    )
    await expect(store.pull('qwen9').result).rejects.toThrow(/There is no model "qwen9"/)
  })

  it('sets an unreadable index aside instead of overwriting it', async () => {
    await writeFile(join(dir, 'index.json'), '{ not json')
    const store = new ModelStore(dir, await tinyCatalog())
    expect((await store.list()).map((entry) => entry.id)).toEqual(['tiny'])
    expect((await readdir(dir)).some((name) => name.startsWith('index.json.broken-'))).toBe(true)
  })
})
