import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatchCall, parseOutput, type ContractHandlers } from '@shared/contract'
import { openDocuments } from '@core/documents/documents'
import { createDocumentHandlers } from '@core/service/documentHandlers'
import { readZip } from './readZip'

async function handlers() {
  const root = await mkdtemp(join(tmpdir(), 'quire-handlers-'))
  const documents = openDocuments({
    dataDir: join(root, 'data'),
    setting: '',
    override: join(root, 'docs'),
    emit: () => {},
    watch: false,
  })
  const served = createDocumentHandlers(documents) as unknown as ContractHandlers
  // Through the same gate every transport uses, and the client's check of the answer.
  const call = async (method: keyof ContractHandlers, params?: unknown) =>
    parseOutput(method, await dispatchCall(served, method, params))
  return { root, call }
}

describe('the documents methods of the contract', () => {
  it('create, save, export and describe the folder through the contract gate', async () => {
    const { root, call } = await handlers()
    expect(await call('getDocumentsFolder')).toEqual({
      folder: join(root, 'docs'),
      backupsFolder: join(root, 'data', 'backups'),
      source: 'override',
    })
    const created = (await call('createDocument', {})) as { path: string; revision: string }
    const saved = await call('saveDocument', {
      path: created.path,
      text: '# 秋夜\n\n月光落在窗台上。',
      baseRevision: created.revision,
    })
    expect(saved).toMatchObject({ ok: true, path: '秋夜.md', title: '秋夜' })
    const exported = (await call('exportDocument', { path: '秋夜.md', to: 'docx' })) as {
      fileName: string
      mimeType: string
      base64: string
    }
    expect(exported.fileName).toBe('秋夜.docx')
    expect(exported.mimeType).toMatch(/wordprocessingml/)
    const xml = readZip(Buffer.from(exported.base64, 'base64')).get('word/document.xml')!.toString()
    expect(xml).toContain('月光落在窗台上。')
  })

  it('refuses malformed requests before they reach the store', async () => {
    const { call } = await handlers()
    await expect(call('saveDocument', { path: 'a.md', text: 'x' })).rejects.toMatchObject({
      code: 'invalid-request',
    })
    await expect(call('exportDocument', { path: 'a.md', to: 'pdf' })).rejects.toMatchObject({
      code: 'invalid-request',
    })
    await expect(call('openDocument', { path: 'missing.md' })).rejects.toMatchObject({
      code: 'document-not-found',
    })
  })
})
