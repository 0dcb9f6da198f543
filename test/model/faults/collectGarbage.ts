import WebSocket from 'ws'

/**
 * Full garbage collections in the processes of a `quire serve` started with
 * NODE_OPTIONS=--inspect=127.0.0.1:0 (and QUIRE_DEBUG=1, so the engine's stderr shows its
 * inspector address too): memory is compared after a collection, not at the mercy of when V8
 * last chose to collect.
 */
export async function collectGarbage(output: readonly string[]): Promise<number[]> {
  const urls = output.flatMap((line) => /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1] ?? [])
  const pids: number[] = []
  for (const url of urls) {
    const pid = await inspect(url).catch(() => null)
    if (pid !== null) pids.push(pid)
  }
  return pids
}

/** Collects garbage in the process behind one inspector address; resolves with its pid. */
function inspect(url: string): Promise<number> {
  const socket = new WebSocket(url)
  const answers = new Map<number, (result: unknown) => void>()
  const call = (id: number, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      answers.set(id, resolve)
      socket.send(JSON.stringify({ id, method, params }))
    })
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown }
    if (message.id !== undefined) answers.get(message.id)?.(message.result)
  })
  return new Promise((resolve, reject) => {
    socket.once('error', reject)
    socket.once('open', async () => {
      await call(1, 'HeapProfiler.collectGarbage')
      const result = (await call(2, 'Runtime.evaluate', {
        expression: 'process.pid',
        returnByValue: true,
      })) as { result: { value: number } }
      socket.close()
      resolve(result.result.value)
    })
  })
}
