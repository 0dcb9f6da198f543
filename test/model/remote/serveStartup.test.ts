import { afterEach, describe, expect, it } from 'vitest'
import { TINY_MODEL_PATH } from '../../fixtures/paths'
import { startQuireServe, type ServeProcess } from '../../support/quireServe'

/** The address and token `quire serve` printed. */
const endpoint = (serve: ServeProcess) => ({ base: serve.origin, token: serve.token })

const chat = (serve: ServeProcess) => {
  const { base, token } = endpoint(serve)
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      messages: [{ role: 'user', content: 'One line about rain.' }],
      max_tokens: 8,
      seed: 1,
    }),
  })
}

describe('quire serve right after it prints its address', () => {
  let serve: ServeProcess | null = null
  afterEach(async () => {
    await serve?.stop()
    serve = null
    delete process.env.QUIRE_TEST_LOAD_DELAY_MS
  })

  it('says the model is loading on /health, waits with /v1 until it is ready, then says ok', async () => {
    // Hold the load open for a while: the tiny model alone loads faster than a request is made.
    process.env.QUIRE_TEST_LOAD_DELAY_MS = '1500'
    serve = await startQuireServe(['--model', TINY_MODEL_PATH])
    const { base } = endpoint(serve)
    const [health, completion] = await Promise.all([fetch(`${base}/health`), chat(serve)])
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ status: 'loading' })
    // The request made during the load waited for it and was answered.
    expect(completion.status).toBe(200)
    const body = (await completion.json()) as { choices: { message: { content: string } }[] }
    expect(body.choices[0]?.message.content.length).toBeGreaterThan(0)
    const after = await fetch(`${base}/health`)
    expect(after.status).toBe(200)
    expect(await after.json()).toEqual({ status: 'ok' })
  })

  it('says there is no model when it was started without one', async () => {
    serve = await startQuireServe([])
    const { base } = endpoint(serve)
    const [health, completion] = await Promise.all([fetch(`${base}/health`), chat(serve)])
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ status: 'no model' })
    expect(completion.status).toBe(503)
    expect(await completion.json()).toMatchObject({ error: { code: 'model_not_loaded' } })
  })
})
