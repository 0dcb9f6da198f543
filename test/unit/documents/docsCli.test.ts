import { mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DocumentStore } from '@core/documents/documentStore'
import { runDocs } from '../../../src/cli/commands/docs'
import type { CommandIo } from '../../../src/cli/commands/prompts'
import { UsageError } from '../../../src/cli/usageError'
import { readZip } from './readZip'

async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'quire-docs-cli-'))
  const docs = join(root, 'docs')
  const dataDir = join(root, 'data')
  await mkdir(join(docs, 'essays'), { recursive: true })
  await writeFile(join(docs, 'essays', 'autumn.md'), '# Autumn\n\n秋天的雨 falls.\n')
  await writeFile(join(docs, 'list.txt'), 'one two three')
  const old = new Date(Date.now() - 3_600_000)
  await utimes(join(docs, 'essays', 'autumn.md'), old, old)
  const run = async (args: string[]) => {
    const out: string[] = []
    const io: CommandIo = { stdout: (text) => void out.push(text), stderr: () => {}, dataDir }
    await runDocs([...args, '--docs', docs], io)
    return out.join('')
  }
  return { root, docs, dataDir, run }
}

describe('quire docs', () => {
  it('lists documents with title, words, modified time and a newer backup', async () => {
    const { docs, dataDir, run } = await setup()
    const store = new DocumentStore({ folder: docs, source: 'override', dataDir, emit: () => {} })
    const opened = await store.open('essays/autumn.md')
    await store.backup({
      path: 'essays/autumn.md',
      text: `${opened.text}more`,
      baseRevision: opened.revision,
    })

    const listing = JSON.parse(await run(['list', '--json']))
    expect(listing.folder).toBe(docs)
    expect(listing.documents).toEqual([
      expect.objectContaining({
        path: 'list.txt',
        title: 'one two three',
        words: 3,
        hasBackup: false,
      }),
      expect.objectContaining({
        path: 'essays/autumn.md',
        title: 'Autumn',
        words: 6,
        hasBackup: true,
      }),
    ])
    const text = await run(['list'])
    expect(text.split('\n')[0]).toBe(docs)
    expect(text).toMatch(/6 words {2}Autumn +essays\/autumn\.md {2}\(newer backup/)
  })

  it('exports a document in the folder or a file by path, as HTML or docx', async () => {
    const { root, docs, run } = await setup()
    expect(await run(['export', 'essays/autumn.md', '--to', 'html', '--out', root])).toBe(
      `Wrote ${join(root, 'autumn.html')} (${(await readFile(join(root, 'autumn.html'))).length.toLocaleString('en')} bytes).\n`,
    )
    expect(await readFile(join(root, 'autumn.html'), 'utf8')).toContain('<h1>Autumn</h1>')
    await run(['export', join(docs, 'list.txt'), '--to', 'docx', '--out', join(root, 'out.docx')])
    const xml = readZip(await readFile(join(root, 'out.docx')))
      .get('word/document.xml')!
      .toString()
    expect(xml).toContain('one two three')
  })

  it('explains a wrong call', async () => {
    const { run } = await setup()
    await expect(run(['export', 'essays/autumn.md', '--to', 'pdf'])).rejects.toThrow(UsageError)
    await expect(run(['export', '--to', 'html'])).rejects.toThrow(/Name the document/)
    await expect(run(['export', 'missing.md', '--to', 'html'])).rejects.toMatchObject({
      code: 'document-not-found',
    })
    await expect(run(['export', '../x.md', '--to', 'html'])).rejects.toMatchObject({
      code: 'document-outside-folder',
    })
    await expect(run(['sing'])).rejects.toThrow(/Unknown docs command/)
  })
})
