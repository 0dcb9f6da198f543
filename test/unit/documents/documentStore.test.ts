import { lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { QuireError } from '@shared/contract'
import { MAX_DOCUMENT_CHARS } from '@shared/documents'
import { tempStore } from './tempStore'

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(QuireError)
  return (error as QuireError).code
}

describe('DocumentStore: open and save', () => {
  it('saves an edit atomically and refuses a write based on a stale revision', async () => {
    const { store, folder, events } = await tempStore()
    await writeFile(join(folder, 'rain.md'), '# Rain\n\nFirst.\n')
    const opened = await store.open('rain.md')
    expect(opened).toMatchObject({
      path: 'rain.md',
      title: 'Rain',
      text: '# Rain\n\nFirst.\n',
      recovered: null,
    })

    const saved = await store.save({
      path: 'rain.md',
      text: '# Rain\n\nSecond.\n',
      baseRevision: opened.revision,
    })
    expect(saved).toMatchObject({ ok: true, path: 'rain.md', title: 'Rain' })
    expect(await readFile(join(folder, 'rain.md'), 'utf8')).toBe('# Rain\n\nSecond.\n')
    if (!saved.ok) throw new Error('expected a save')
    expect(saved.revision).not.toBe(opened.revision)
    expect(events).toContainEqual({
      type: 'document-changed',
      path: 'rain.md',
      revision: saved.revision,
      origin: 'save',
    })

    // A second tab still on the first revision: its write is refused, nothing changes on disk.
    const stale = await store.save({
      path: 'rain.md',
      text: 'Other tab',
      baseRevision: opened.revision,
    })
    expect(stale).toEqual({
      ok: false,
      reason: 'conflict',
      revision: saved.revision,
      text: '# Rain\n\nSecond.\n',
    })
    expect(await readFile(join(folder, 'rain.md'), 'utf8')).toBe('# Rain\n\nSecond.\n')

    // "Keep mine" forces it.
    const forced = await store.save({
      path: 'rain.md',
      text: 'Other tab\n',
      baseRevision: opened.revision,
      force: true,
    })
    expect(forced.ok).toBe(true)
    expect(await readFile(join(folder, 'rain.md'), 'utf8')).toBe('Other tab\n')
  })

  it('reports a change made by another program as a conflict, with the text on disk', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'a.md'), 'mine')
    const opened = await store.open('a.md')
    await writeFile(join(folder, 'a.md'), 'theirs')
    const result = await store.save({
      path: 'a.md',
      text: 'mine, edited',
      baseRevision: opened.revision,
    })
    expect(result).toMatchObject({ ok: false, reason: 'conflict', text: 'theirs' })
    expect(await readFile(join(folder, 'a.md'), 'utf8')).toBe('theirs')
  })

  it('never writes when a document is opened, or saved unchanged: the file stays byte for byte', async () => {
    const { store, folder } = await tempStore()
    const files: Record<string, Buffer> = {
      'crlf.md': Buffer.from('\ufeff# Title\r\n\r\n正文 text\r\n', 'utf8'),
      'legacy.txt': iconv.encode('旧文件\r\n第二行', 'gb18030'),
      'wide.txt': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('UTF-16 文本\n', 'utf16le'),
      ]),
      'mixed.md': Buffer.from('a\r\nb\nc', 'utf8'),
      'classic-mac.md': Buffer.from('# Title\r\r正文 text\rline two\r', 'utf8'),
    }
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(folder, name), bytes)
    for (const [name, bytes] of Object.entries(files)) {
      const before = await stat(join(folder, name))
      const opened = await store.open(name)
      expect(opened.text).not.toContain('\r')
      const saved = await store.save({
        path: name,
        text: opened.text,
        baseRevision: opened.revision,
      })
      expect(saved).toMatchObject({ ok: true, revision: opened.revision })
      expect((await readFile(join(folder, name))).equals(bytes)).toBe(true)
      expect((await stat(join(folder, name))).mtimeMs).toBe(before.mtimeMs)
    }
  })

  it('keeps the encoding, BOM and line endings of an edited file', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'crlf.md'), Buffer.from('\ufeffone\r\ntwo\r\n', 'utf8'))
    await writeFile(join(folder, 'old.txt'), iconv.encode('一\r\n二\r\n', 'gb18030'))
    // Classic Mac OS ended lines with a lone CR: the writer sees the lines, the file keeps its CRs.
    await writeFile(join(folder, 'mac.md'), Buffer.from('# Tide\r\rOut.\r', 'utf8'))
    expect(await store.open('mac.md')).toMatchObject({ title: 'Tide', text: '# Tide\n\nOut.\n' })
    for (const name of ['crlf.md', 'old.txt', 'mac.md']) {
      const opened = await store.open(name)
      await store.save({ path: name, text: `${opened.text}三\n`, baseRevision: opened.revision })
    }
    expect(
      (await readFile(join(folder, 'crlf.md'))).equals(
        Buffer.from('\ufeffone\r\ntwo\r\n三\r\n', 'utf8'),
      ),
    ).toBe(true)
    expect(iconv.decode(await readFile(join(folder, 'old.txt')), 'gb18030')).toBe(
      '一\r\n二\r\n三\r\n',
    )
    expect(await readFile(join(folder, 'mac.md'), 'utf8')).toBe('# Tide\r\rOut.\r三\r')
  })

  it('recreates a file deleted behind its back when the writer saves', async () => {
    const { store, folder, events } = await tempStore()
    await writeFile(join(folder, 'gone.md'), 'text')
    const opened = await store.open('gone.md')
    await import('node:fs/promises').then((fs) => fs.rm(join(folder, 'gone.md')))
    const saved = await store.save({
      path: 'gone.md',
      text: 'text, still here',
      baseRevision: opened.revision,
    })
    expect(saved.ok).toBe(true)
    expect(await readFile(join(folder, 'gone.md'), 'utf8')).toBe('text, still here')
    expect(events).toContainEqual({ type: 'documents-changed' })
  })

  it('refuses paths outside the documents folder unless the app opened that file', async () => {
    const { store, folder } = await tempStore()
    const outside = join(folder, '..', 'secret.md')
    await writeFile(outside, 'private')
    expect(await codeOf(store.open('../secret.md'))).toBe('document-outside-folder')
    expect(await codeOf(store.open('sub/../../secret.md'))).toBe('document-outside-folder')
    expect(await codeOf(store.open(outside))).toBe('document-outside-folder')
    expect(await codeOf(store.save({ path: '../secret.md', text: 'x', baseRevision: 'r' }))).toBe(
      'document-outside-folder',
    )
    expect(await codeOf(store.open('notes.json'))).toBe('document-invalid-name')
    expect(await readFile(outside, 'utf8')).toBe('private')

    // File › Open: the desktop app allows that one file, by its absolute path.
    store.allowExternal(outside)
    const opened = await store.open(outside)
    expect(opened).toMatchObject({ path: outside, text: 'private' })
    await store.save({ path: outside, text: 'edited', baseRevision: opened.revision })
    expect(await readFile(outside, 'utf8')).toBe('edited')
    // An absolute path inside the folder is known by its relative path.
    await writeFile(join(folder, 'in.md'), 'x')
    expect((await store.open(join(folder, 'in.md'))).path).toBe('in.md')
  })

  it('saves through a symbolic link without replacing the link', async () => {
    const { store, folder } = await tempStore()
    const elsewhere = join(folder, '..', 'synced.md')
    await writeFile(elsewhere, 'linked text')
    await symlink(elsewhere, join(folder, 'linked.md'))
    const opened = await store.open('linked.md')
    await store.save({
      path: 'linked.md',
      text: 'linked text, edited',
      baseRevision: opened.revision,
    })
    expect((await lstat(join(folder, 'linked.md'))).isSymbolicLink()).toBe(true)
    expect(await readFile(elsewhere, 'utf8')).toBe('linked text, edited')
  })

  it('refuses a document past the size limit with a clear error and writes nothing', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'big.md'), 'small')
    const opened = await store.open('big.md')
    const huge = 'x'.repeat(MAX_DOCUMENT_CHARS + 1)
    const error = await store
      .save({ path: 'big.md', text: huge, baseRevision: opened.revision })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'document-too-large' })
    expect((error as Error).message).toMatch(/million characters/)
    expect(await readFile(join(folder, 'big.md'), 'utf8')).toBe('small')
  })
})

describe('DocumentStore: list, create, rename, delete', () => {
  it('lists .md and .txt files in subfolders, newest first, skipping dot-folders', async () => {
    const { store, folder } = await tempStore()
    await mkdir(join(folder, 'essays'), { recursive: true })
    await mkdir(join(folder, '.obsidian'), { recursive: true })
    await writeFile(join(folder, 'essays', 'autumn.md'), '# 秋天\n\n秋天的雨 is **soft**.\n')
    await writeFile(join(folder, 'notes.txt'), 'plain words here')
    await writeFile(join(folder, '.obsidian', 'hidden.md'), 'no')
    await writeFile(join(folder, 'image.png'), 'no')
    const later = new Date(Date.now() + 5_000)
    await import('node:fs/promises').then((fs) =>
      fs.utimes(join(folder, 'notes.txt'), later, later),
    )
    const { documents } = await store.list()
    expect(documents.map((d) => d.path)).toEqual(['notes.txt', 'essays/autumn.md'])
    // 秋天 (2) + 秋天的雨 (4) + is + soft = 8 words.
    expect(documents[1]).toMatchObject({ title: '秋天', words: 8, hasBackup: false })
  })

  it('creates Untitled documents and names them from the first line on save', async () => {
    const { store, folder, events } = await tempStore()
    const first = await store.create()
    const second = await store.create()
    expect([first.path, second.path]).toEqual(['Untitled.md', 'Untitled 2.md'])
    expect(await readFile(join(folder, 'Untitled.md'), 'utf8')).toBe('')

    const saved = await store.save({
      path: first.path,
      text: '# A Walk: in/the Rain?\n\nBody',
      baseRevision: first.revision,
    })
    expect(saved).toMatchObject({
      ok: true,
      path: 'A Walk in the Rain.md',
      title: 'A Walk: in/the Rain?',
    })
    expect(events).toContainEqual({
      type: 'document-renamed',
      from: 'Untitled.md',
      to: 'A Walk in the Rain.md',
    })
    // A second document with the same first line gets a name of its own.
    const again = await store.save({
      path: second.path,
      text: '# A Walk: in/the Rain?\n',
      baseRevision: second.revision,
    })
    expect(again).toMatchObject({ ok: true, path: 'A Walk in the Rain 2.md' })
    expect((await readdir(folder)).sort()).toEqual([
      'A Walk in the Rain 2.md',
      'A Walk in the Rain.md',
    ])

    // A named document keeps its name whatever its first line says.
    if (!saved.ok) throw new Error('expected a save')
    const renamedAgain = await store.save({
      path: saved.path,
      text: '# Other\n',
      baseRevision: saved.revision,
    })
    expect(renamedAgain).toMatchObject({ ok: true, path: 'A Walk in the Rain.md' })
  })

  it('renames within the folder, adds .md, and refuses a taken or unsafe name', async () => {
    const { store, folder } = await tempStore()
    await mkdir(join(folder, 'poems'))
    await writeFile(join(folder, 'poems', 'one.md'), 'one')
    await writeFile(join(folder, 'poems', 'two.md'), 'two')
    const summary = await store.rename('poems/one.md', 'First')
    expect(summary).toMatchObject({ path: 'poems/First.md', title: 'one' })
    expect(await codeOf(store.rename('poems/First.md', 'two.md'))).toBe('document-exists')
    expect(await codeOf(store.rename('poems/First.md', '../escape'))).toBe('document-invalid-name')
    expect(await codeOf(store.rename('poems/First.md', 'a:b'))).toBe('document-invalid-name')
    expect((await readdir(join(folder, 'poems'))).sort()).toEqual(['First.md', 'two.md'])
  })

  it('moves a deleted document to the trash and puts it back on undo', async () => {
    const removed: string[] = []
    const { store, folder, events } = await tempStore({
      removeFile: async (file) => {
        removed.push(file)
        await import('node:fs/promises').then((fs) => fs.rm(file))
      },
    })
    await writeFile(join(folder, 'draft.md'), '# Draft\n\nwords')
    const trashId = await store.delete('draft.md')
    expect(removed).toEqual([join(folder, 'draft.md')])
    expect(await readdir(folder)).toEqual([])
    expect(events).toContainEqual({ type: 'document-removed', path: 'draft.md' })

    const restored = await store.restore(trashId)
    expect(restored).toMatchObject({ path: 'draft.md', title: 'Draft' })
    expect(await readFile(join(folder, 'draft.md'), 'utf8')).toBe('# Draft\n\nwords')
    expect(await codeOf(store.restore(trashId))).toBe('document-not-found')
  })

  it('restores beside a new document that took the name meanwhile', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'a.md'), 'old')
    const trashId = await store.delete('a.md')
    await writeFile(join(folder, 'a.md'), 'new')
    expect((await store.restore(trashId)).path).toBe('a 2.md')
    expect(await readFile(join(folder, 'a.md'), 'utf8')).toBe('new')
    expect(await readFile(join(folder, 'a 2.md'), 'utf8')).toBe('old')
  })
})
