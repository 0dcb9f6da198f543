import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listLoraAdapters } from '@core/library/loraFiles'
import { tempDataDir } from './tempLibrary'

describe('the LoRA adapters a configuration can name', () => {
  it('lists the GGUF files in the lora folder by name, with their sizes, and nothing else', async () => {
    const dataDir = await tempDataDir()
    const folder = join(dataDir, 'lora')
    await mkdir(join(folder, 'nested.gguf'), { recursive: true })
    await writeFile(join(folder, 'autumn.gguf'), 'x'.repeat(10))
    await writeFile(join(folder, 'Spring.GGUF'), 'x'.repeat(3))
    await writeFile(join(folder, 'notes.txt'), 'not an adapter')
    expect(await listLoraAdapters(dataDir)).toEqual({
      folder,
      adapters: [
        { file: 'autumn.gguf', sizeBytes: 10 },
        { file: 'Spring.GGUF', sizeBytes: 3 },
      ],
    })
  })

  it('has none, and says where to put them, before the folder exists', async () => {
    const dataDir = await tempDataDir()
    expect(await listLoraAdapters(dataDir)).toEqual({ folder: join(dataDir, 'lora'), adapters: [] })
  })
})
