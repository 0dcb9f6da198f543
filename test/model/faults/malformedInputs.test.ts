import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { EngineStatus } from '@shared/contract'
import type { Settings } from '@shared/settings/schema'
import type { LibraryListing } from '@shared/prompts/libraryContract'
import { socketProtocols, startQuireServe, type ServeProcess } from '../../support/quireServe'
import { CORRUPT_MODEL_PATHS, TINY_MODEL_PATH, TRUNCATED_MODEL_PATH } from '../../fixtures/paths'
import { connectSocket, type SocketClient } from '../documents/socketClient'
import { readyWith } from './hostProcesses'

const BAD_SETTINGS = '{"engine": {"threads": 2, "contextSize": 40'
const BAD_PROMPT = `---
id: rewrite.broken
kind: rewrite
title: [unclosed
---
## Role
A writer.
`
const BAD_PRESETS = JSON.stringify({ presets: [{ id: 'scorching', temperature: 'hot' }] })

/** Rejects with the error's code and message, or resolves null when the call succeeded. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
  )

describe('malformed files and messages reach the real host: clear errors, no crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'quire-faults-data-'))
  let serve: ServeProcess
  let client: SocketClient

  beforeAll(async () => {
    writeFileSync(join(dataDir, 'settings.json'), BAD_SETTINGS)
    mkdirSync(join(dataDir, 'prompts', 'en'), { recursive: true })
    writeFileSync(join(dataDir, 'prompts', 'en', 'rewrite.broken.md'), BAD_PROMPT)
    writeFileSync(join(dataDir, 'presets.json'), BAD_PRESETS)
    serve = await startQuireServe(['--model', TINY_MODEL_PATH], dataDir)
    client = await connectSocket(serve.url)
    await readyWith(client, TINY_MODEL_PATH)
  })
  afterAll(async () => {
    client?.close()
    await serve?.stop()
  })

  it('starts on an unreadable settings file with the defaults, says so, and keeps a copy of it', async () => {
    await serve.waitForLine(/^quire: .*settings/i)
    const settings = await client.call<Settings>('getSettings')
    expect(settings.engine.contextSize).toBe(4096)
    const copies = readdirSync(dataDir).filter((name) => name !== 'settings.json')
    const kept = copies.some((name) => {
      try {
        return readFileSync(join(dataDir, name), 'utf8') === BAD_SETTINGS
      } catch {
        return false
      }
    })
    expect(kept).toBe(true)
  })

  it('lists a broken prompt and a broken preset file with the file at fault, and loads the rest', async () => {
    const library = await client.call<LibraryListing>('listLibrary')
    const sources = library.problems.map((problem) => `${problem.source}: ${problem.message}`)
    expect(sources.some((line) => line.includes('rewrite.broken.md'))).toBe(true)
    expect(sources.some((line) => line.includes('presets.json'))).toBe(true)
    expect(library.presets.map((preset) => preset.id)).toContain('creative')
    expect(library.prompts.map((prompt) => prompt.id)).toContain('rewrite.lyrical')
  })

  it('refuses a style pack that is not one, with a reason', async () => {
    const failure = await refusal(
      client.call('planPackImport', {
        text: '{"quirePack": 1, "prompts": [',
        fileName: 'cut.json',
      }),
    )
    expect(failure?.code).toBe('invalid-request')
    expect(failure?.message).toMatch(/cut\.json|style pack/i)
  })

  it('refuses a cut-off model file and one that would abort llama.cpp, keeping the loaded model', async () => {
    const added = await refusal(client.call('addModel', { path: TRUNCATED_MODEL_PATH }))
    expect(added).toMatchObject({
      code: 'model-invalid',
      message: expect.stringMatching(/^truncated\.gguf is incomplete: the file ends early/),
    })
    const loaded = await refusal(
      client.call('loadModel', { path: CORRUPT_MODEL_PATHS['block-count-zero'] }),
    )
    expect(loaded).toMatchObject({
      code: 'model-invalid',
      message: expect.stringMatching(/^corrupt-block-count-zero\.gguf is damaged: .*no layers/),
    })
    const status = await client.call<EngineStatus>('getStatus')
    expect(status).toMatchObject({ state: 'ready', model: { path: TINY_MODEL_PATH } })
  })

  it('closes only a socket that sends a cut-off message, and answers a malformed call with an error', async () => {
    const url = new URL(serve.url)
    const raw = new WebSocket(`ws://${url.host}/ws`, socketProtocols(serve), {
      origin: url.origin,
    })
    await new Promise((resolve) => raw.once('open', resolve))
    const closed = new Promise<[number, string]>((resolve) =>
      raw.once('close', (code, reason) => resolve([code, reason.toString()])),
    )
    raw.send('{"kind":"call","id":1,"method":"getSta')
    expect(await closed).toEqual([1003, 'Messages must be JSON.'])

    const wrong = await refusal(client.call('generate', { requestId: crypto.randomUUID() }))
    expect(wrong?.code).toBe('invalid-request')
    const unknown = await refusal(client.call('formatDisk'))
    expect(unknown).toEqual({ code: 'invalid-request', message: 'Unknown method "formatDisk".' })
    // The other connection kept working throughout.
    expect((await client.call<EngineStatus>('getStatus')).state).toBe('ready')
  })
})
