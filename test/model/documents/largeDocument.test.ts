import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { OpenedDocument, SaveDocumentResult } from '@shared/documents'
import { MAX_DOCUMENT_CHARS } from '@shared/documents'
import { startQuireServe, type ServeProcess } from '../../support/quireServe'
import { connectSocket } from './socketClient'

/** 5 million Chinese characters (about 15 MB of UTF-8) in paragraphs, as a long draft would be. */
function longDraft(marker: string): string {
  const sentence = '秋天的雨落在屋檐上，一滴又一滴，像是谁在轻声地数着日子。'
  const paragraph = sentence.repeat(10)
  const paragraphs = Math.ceil(5_000_000 / paragraph.length)
  return `# ${marker}\n\n${Array.from({ length: paragraphs }, () => paragraph).join('\n\n')}\n`
}

const servers: ServeProcess[] = []
afterAll(async () => {
  for (const server of servers) await server.stop()
})

const kill = (server: ServeProcess) =>
  new Promise<void>((resolve) => {
    servers.splice(servers.indexOf(server), 1)
    server.child.once('exit', () => resolve())
    server.child.kill('SIGKILL')
  })

describe('a 5-million-character document over the WebSocket transport', () => {
  it('saves, backs up, survives a SIGKILL of the host and reopens whole', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'quire-bigdoc-'))
    const dataDir = await mkdtemp(join(tmpdir(), 'quire-bigdata-'))
    const first = await startQuireServe(['--docs', docs], dataDir)
    servers.push(first)
    const client = await connectSocket(first.url)

    const created = await client.call<OpenedDocument>('createDocument', {})
    const saved = longDraft('Saved')
    expect(saved.length).toBeGreaterThan(5_000_000)
    let started = performance.now()
    const result = await client.call<SaveDocumentResult>('saveDocument', {
      path: created.path,
      text: saved,
      baseRevision: created.revision,
    })
    const saveMs = performance.now() - started
    expect(result).toMatchObject({ ok: true, path: 'Saved.md' })
    if (!result.ok) throw new Error('expected a save')
    expect(await readFile(join(docs, 'Saved.md'), 'utf8')).toBe(saved)

    const unsaved = longDraft('Saved') + '最后一句还没有保存。\n'
    started = performance.now()
    await client.call('backupDocument', {
      path: result.path,
      text: unsaved,
      baseRevision: result.revision,
    })
    const backupMs = performance.now() - started
    console.log(
      `5M-char document: ${(Buffer.byteLength(saved) / 1e6).toFixed(1)} MB, save over WebSocket ${saveMs.toFixed(0)} ms, backup ${backupMs.toFixed(0)} ms`,
    )
    client.close()
    await kill(first)

    const second = await startQuireServe(['--docs', docs], dataDir)
    servers.push(second)
    const again = await connectSocket(second.url)
    const reopened = await again.call<OpenedDocument>('openDocument', { path: 'Saved.md' })
    expect(reopened.text === saved).toBe(true)
    expect(reopened.recovered?.text === unsaved).toBe(true)
    again.close()
  })

  it('refuses a document past the limit with a clear error and keeps the file', async () => {
    const docs = await mkdtemp(join(tmpdir(), 'quire-bigdoc-'))
    const server = await startQuireServe(['--docs', docs])
    servers.push(server)
    const client = await connectSocket(server.url)
    const created = await client.call<OpenedDocument>('createDocument', { text: '# Kept\n' })
    const tooLong = '字'.repeat(MAX_DOCUMENT_CHARS + 1)
    const error = await client
      .call('saveDocument', { path: created.path, text: tooLong, baseRevision: created.revision })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'document-too-large' })
    expect((error as Error).message).toMatch(/longer than Quire can keep/)
    expect(await readFile(join(docs, created.path), 'utf8')).toBe('# Kept\n')
    // The connection is still there for the next call.
    expect((await client.call<OpenedDocument>('openDocument', { path: created.path })).text).toBe(
      '# Kept\n',
    )
    client.close()
  })
})
