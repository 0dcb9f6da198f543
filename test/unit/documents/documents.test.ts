import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { QuireEvent } from '@shared/contract'
import { openDocuments, type Documents } from '@core/documents/documents'
import { pickDocumentsFolder } from '@core/documents/documentsFolder'
import { removeStaleTempFiles } from '@core/documents/staleTempFiles'
import { tempStore } from './tempStore'

const opened: Documents[] = []
afterEach(async () => {
  for (const documents of opened.splice(0)) await documents.dispose()
})

describe('the documents folder', () => {
  it('is --docs/QUIRE_DOCS_DIR first, then the Settings field, then the default', () => {
    expect(pickDocumentsFolder({ override: '/a', setting: '/b', fallback: '/c' })).toEqual({
      folder: '/a',
      source: 'override',
    })
    expect(pickDocumentsFolder({ setting: '/b', fallback: '/c' })).toEqual({
      folder: '/b',
      source: 'settings',
    })
    expect(pickDocumentsFolder({ setting: '', fallback: '/c' })).toEqual({
      folder: '/c',
      source: 'default',
    })
    expect(pickDocumentsFolder({ setting: '' }).folder).toMatch(/Documents[\\/]Quire$/)
  })

  it('is created only when documents are first used, and follows a change in Settings', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quire-folders-'))
    const events: QuireEvent[] = []
    const documents = openDocuments({
      dataDir: join(root, 'data'),
      setting: join(root, 'first'),
      emit: (event) => void events.push(event),
    })
    opened.push(documents)
    expect(existsSync(join(root, 'first'))).toBe(false)
    await documents.ready()
    expect(existsSync(join(root, 'first'))).toBe(true)
    await writeFile(join(root, 'first', 'a.md'), 'in the first folder')

    await mkdir(join(root, 'second'))
    await writeFile(join(root, 'second', 'b.md'), 'in the second folder')
    await documents.applySetting(join(root, 'second'))
    expect(events).toContainEqual({ type: 'documents-changed' })
    expect(documents.store.describeFolder()).toMatchObject({
      folder: join(root, 'second'),
      source: 'settings',
    })
    expect((await documents.store.list()).documents.map((d) => d.path)).toEqual(['b.md'])
    // The old folder's documents are no longer reachable by path.
    await expect(documents.store.open(join(root, 'first', 'a.md'))).rejects.toMatchObject({
      code: 'document-outside-folder',
    })
  })

  it('refuses a folder it cannot create, before anything is saved', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quire-folders-'))
    await writeFile(join(root, 'a-file'), 'not a folder')
    const documents = openDocuments({
      dataDir: join(root, 'data'),
      setting: '',
      emit: () => {},
      watch: false,
    })
    await expect(documents.checkSetting(join(root, 'a-file', 'docs'))).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(
        /^documentsFolder: Quire cannot use .*a-file.docs \(ENOTDIR\)/,
      ),
    })
    await expect(documents.checkSetting(join(root, 'fine'))).resolves.toBeUndefined()
  })

  it('keeps an override whatever the Settings field says', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quire-folders-'))
    const documents = openDocuments({
      dataDir: join(root, 'data'),
      setting: '',
      override: join(root, 'cli'),
      emit: () => {},
      watch: false,
    })
    await documents.applySetting(join(root, 'other'))
    expect(documents.store.describeFolder()).toMatchObject({
      folder: join(root, 'cli'),
      source: 'override',
    })
  })
})

describe('housekeeping', () => {
  it('removes temp files of saves killed long ago, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'quire-temps-'))
    await mkdir(join(root, 'sub'))
    const old = new Date(Date.now() - 3_600_000)
    for (const name of [
      '.a.md.123-0badf00d.tmp',
      'sub/.b.md.9-deadbeef.tmp',
      '.keep.tmp',
      'a.md',
    ]) {
      await writeFile(join(root, name), 'x')
      await utimes(join(root, name), old, old)
    }
    await writeFile(join(root, '.fresh.md.1-12345678.tmp'), 'a save in progress')
    expect(await removeStaleTempFiles(root)).toBe(2)
    expect((await readdir(root)).sort()).toEqual([
      '.fresh.md.1-12345678.tmp',
      '.keep.tmp',
      'a.md',
      'sub',
    ])
  })

  it('empties trash entries older than 30 days and keeps newer ones', async () => {
    const { store, folder } = await tempStore()
    await writeFile(join(folder, 'old.md'), 'old')
    const trashId = await store.delete('old.md')
    const day = 86_400_000
    await store.trash.purge(30 * day, Date.now() + 29 * day)
    expect((await store.trash.get(trashId)).file).toBe(join(folder, 'old.md'))
    await store.trash.purge(30 * day, Date.now() + 31 * day)
    await expect(store.trash.get(trashId)).rejects.toMatchObject({ code: 'document-not-found' })
  })
})
