import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenedDocument, SaveDocumentResult } from '@shared/documents'
import { startQuireServe, type ServeProcess } from '../../support/quireServe'
import { connectSocket, type SocketClient } from '../documents/socketClient'
import { faultyFolders, FULL_DISK_BYTES } from '../../support/faultyFolders'

/** A call's refusal as the client sees it: the code and the writer's message. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
  )

describe('saving when the disk misbehaves, through quire serve', () => {
  const docs = mkdtempSync(join(tmpdir(), 'quire-faults-docs-'))
  let serve: ServeProcess
  let client: SocketClient

  beforeAll(async () => {
    mkdirSync(join(docs, 'gone'))
    writeFileSync(join(docs, 'gone', 'Note.md'), '# Note\n')
    writeFileSync(join(docs, 'Letter.md'), '# Letter\n')
    const faults = faultyFolders(docs)
    writeFileSync(join(docs, 'locked', 'Poem.md'), '# Poem\n\nThe old line.\n')
    const saved = { ...process.env }
    Object.assign(process.env, faults.env)
    try {
      serve = await startQuireServe(['--docs', docs], undefined, docs, {}, faults.wrapper)
    } finally {
      process.env = saved
    }
    client = await connectSocket(serve.url)
  })
  afterAll(async () => {
    client?.close()
    await serve?.stop()
  })

  /** Saving fails with `reason`; the file keeps its old text; the backup keeps the new one. */
  async function refusedButBackedUp(path: string, reason: RegExp): Promise<void> {
    const opened = await client.call<OpenedDocument>('openDocument', { path })
    const before = opened.text
    const edited = `${before}\nA new line the writer typed. ${'More words. '.repeat(FULL_DISK_BYTES / 8)}\n`
    const failure = await refusal(
      client.call('saveDocument', { path, text: edited, baseRevision: opened.revision }),
    )
    expect(failure?.code).toBe('document-write-failed')
    expect(failure?.message).toMatch(reason)
    expect(failure?.message).toMatch(/Your text is still in Quire/)
    // Hot exit still keeps the text: reopening offers it back.
    await client.call('backupDocument', { path, text: edited, baseRevision: opened.revision })
    const reopened = await client.call<OpenedDocument>('openDocument', { path })
    // The file (read by the host: a tmpfs of its own is visible only there) is the old text.
    expect(reopened.text).toBe(before)
    expect(reopened.recovered?.text).toBe(edited)
  }

  it('a read-only folder: a clear error, the file untouched, the text backed up', async () => {
    await refusedButBackedUp('locked/Poem.md', /the disk is read-only|not allowed to write there/)
  })

  it('a full disk: a clear error, the file untouched, the text backed up, room freed again', async () => {
    const created = await client.call<OpenedDocument>('createDocument', {
      text: '# Draft\n',
      folder: 'full',
    })
    await refusedButBackedUp(created.path, /the disk is full/)
    // The failed save's temp file is gone: a save that fits the 64 KB disk still works.
    const opened = await client.call<OpenedDocument>('openDocument', { path: created.path })
    const small = await client.call<SaveDocumentResult>('saveDocument', {
      path: created.path,
      text: '# Draft\n\nShort enough.\n',
      baseRevision: opened.revision,
    })
    expect(small.ok).toBe(true)
    const again = await client.call<OpenedDocument>('openDocument', { path: created.path })
    expect(again.text).toBe('# Draft\n\nShort enough.\n')
  })

  it('a folder removed behind Quire’s back: saving puts it back with the text', async () => {
    const opened = await client.call<OpenedDocument>('openDocument', { path: 'gone/Note.md' })
    rmSync(join(docs, 'gone'), { recursive: true })
    const result = await client.call<SaveDocumentResult>('saveDocument', {
      path: 'gone/Note.md',
      text: '# Note\n\nStill here.\n',
      baseRevision: opened.revision,
    })
    expect(result.ok).toBe(true)
    expect(readFileSync(join(docs, 'gone', 'Note.md'), 'utf8')).toBe('# Note\n\nStill here.\n')
  })

  it('a file deleted behind Quire’s back: its unsaved text comes back, and saving writes it', async () => {
    const opened = await client.call<OpenedDocument>('openDocument', { path: 'Letter.md' })
    await client.call('backupDocument', {
      path: 'Letter.md',
      text: '# Letter\n\nDear A,\n',
      baseRevision: opened.revision,
    })
    rmSync(join(docs, 'Letter.md'))
    const reopened = await client.call<OpenedDocument>('openDocument', { path: 'Letter.md' })
    expect(reopened.recovered?.text).toBe('# Letter\n\nDear A,\n')
    const result = await client.call<SaveDocumentResult>('saveDocument', {
      path: 'Letter.md',
      text: '# Letter\n\nDear A,\n',
      baseRevision: reopened.revision,
    })
    expect(result.ok).toBe(true)
    expect(readFileSync(join(docs, 'Letter.md'), 'utf8')).toBe('# Letter\n\nDear A,\n')
  })
})
