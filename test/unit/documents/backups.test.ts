import { readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempStore } from './tempStore'

const backupFiles = async (dataDir: string): Promise<string[]> =>
  (await readdir(join(dataDir, 'backups')).catch(() => [] as string[])).map((name) =>
    join(dataDir, 'backups', name),
  )

/** Makes the file look older than any backup written from now on. */
const age = (file: string) =>
  utimes(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))

describe('DocumentStore: hot-exit backups', () => {
  it('offers a backup newer than its file as recovered, and saving drops it', async () => {
    const { store, folder, dataDir } = await tempStore()
    await writeFile(join(folder, 'essay.md'), '# Essay\n\nsaved part')
    await age(join(folder, 'essay.md'))
    const opened = await store.open('essay.md')
    await store.backup({
      path: 'essay.md',
      text: '# Essay\n\nsaved part and unsaved words',
      baseRevision: opened.revision,
    })
    // The file itself was not touched.
    expect(await readFile(join(folder, 'essay.md'), 'utf8')).toBe('# Essay\n\nsaved part')

    const reopened = await store.open('essay.md')
    expect(reopened.text).toBe('# Essay\n\nsaved part')
    expect(reopened.recovered?.text).toBe('# Essay\n\nsaved part and unsaved words')
    expect((await store.list()).documents[0]).toMatchObject({ path: 'essay.md', hasBackup: true })

    await store.save({
      path: 'essay.md',
      text: reopened.recovered!.text,
      baseRevision: reopened.revision,
    })
    expect(await backupFiles(dataDir)).toEqual([])
    expect((await store.open('essay.md')).recovered).toBeNull()
  })

  it('does not offer a backup that holds the same text as the file', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'same.md'), 'same words')
    await age(join(folder, 'same.md'))
    const opened = await store.open('same.md')
    await store.backup({ path: 'same.md', text: 'same words', baseRevision: opened.revision })
    expect((await store.open('same.md')).recovered).toBeNull()
    expect((await store.list()).documents[0]?.hasBackup).toBe(false)
  })

  it('ignores a backup older than its file (the file was saved or edited since)', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'a.md'), 'one')
    const opened = await store.open('a.md')
    await store.backup({ path: 'a.md', text: 'one two', baseRevision: opened.revision })
    const future = new Date(Date.now() + 60_000)
    await utimes(join(folder, 'a.md'), future, future)
    expect((await store.open('a.md')).recovered).toBeNull()
  })

  it('never trusts a truncated or corrupted backup', async () => {
    const { store, folder, dataDir } = await tempStore()
    await writeFile(join(folder, 'a.md'), 'good text')
    await age(join(folder, 'a.md'))
    const opened = await store.open('a.md')
    await store.backup({
      path: 'a.md',
      text: `good text ${'新'.repeat(10_000)}`,
      baseRevision: opened.revision,
    })
    const [backup] = await backupFiles(dataDir)
    const full = await readFile(backup!)

    await truncate(backup!, full.length - 100)
    let reopened = await store.open('a.md')
    expect(reopened.recovered).toBeNull()
    expect(reopened.text).toBe('good text')
    expect((await store.list()).documents[0]?.hasBackup).toBe(false)

    // Same length, one byte flipped in the body: the checksum catches it.
    const flipped = Buffer.from(full)
    flipped[flipped.length - 2] = flipped[flipped.length - 2]! ^ 0xff
    await writeFile(backup!, flipped)
    reopened = await store.open('a.md')
    expect(reopened.recovered).toBeNull()

    // Cut inside the header.
    await writeFile(backup!, full.subarray(0, 20))
    expect((await store.open('a.md')).recovered).toBeNull()

    await writeFile(backup!, full)
    expect((await store.open('a.md')).recovered?.text).toMatch(/^good text 新/)
  })

  it('keeps the backup of an Untitled document and of one deleted behind its back', async () => {
    const { store, folder } = await tempStore()
    const created = await store.create()
    await store.backup({
      path: created.path,
      text: '# Not saved yet\n\nwords',
      baseRevision: created.revision,
    })
    const reopened = await store.open(created.path)
    expect(reopened.recovered?.text).toBe('# Not saved yet\n\nwords')

    await rm(join(folder, created.path))
    const orphan = await store.open(created.path)
    expect(orphan).toMatchObject({
      text: '',
      revision: 'missing',
      recovered: { text: '# Not saved yet\n\nwords' },
    })
    const saved = await store.save({
      path: created.path,
      text: orphan.recovered!.text,
      baseRevision: orphan.revision,
    })
    expect(saved).toMatchObject({ ok: true, path: 'Not saved yet.md' })
    expect(await readFile(join(folder, 'Not saved yet.md'), 'utf8')).toBe(
      '# Not saved yet\n\nwords',
    )
  })

  it('discards a backup on request and moves it along with a rename', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'a.md'), 'a')
    await age(join(folder, 'a.md'))
    const opened = await store.open('a.md')
    await store.backup({ path: 'a.md', text: 'a and more', baseRevision: opened.revision })
    await store.rename('a.md', 'b')
    expect((await store.open('b.md')).recovered?.text).toBe('a and more')
    await store.discardBackup('b.md')
    expect((await store.open('b.md')).recovered).toBeNull()
  })
})
