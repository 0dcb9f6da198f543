import { QuireError, type DeltaEvent } from '@shared/contract'
import type { ChatStreamReader } from './chatStream'
import { malformedError, type RemoteTarget } from './remoteErrors'
import { SseDecoder } from './sseDecoder'

/**
 * Reads a 200 answer to a chat request into `reader`, handing each delta to `onDelta` as it
 * arrives and calling `onProgress` whenever bytes come in (to keep the idle timeout at bay);
 * once `signal` aborts, nothing more is read.
 * Resolves when the answer is whole; throws a QuireError when it is not an OpenAI-compatible
 * stream or ends halfway.
 */
export async function readChatResponse(
  response: Response,
  reader: ChatStreamReader,
  target: RemoteTarget,
  onDelta: (delta: DeltaEvent) => void,
  onProgress: () => void,
  signal: AbortSignal,
): Promise<void> {
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('text/event-stream')) {
    // A server or proxy that ignored `stream: true` answers with one JSON body.
    if (!type.includes('json'))
      throw malformedError(target, `content of type ${type || 'unknown'} instead of a stream`)
    const delta = reader.read(await response.text())
    if (delta) onDelta(delta)
    if (!reader.complete) throw malformedError(target, 'a body without an answer')
    return
  }
  if (!response.body) throw malformedError(target, 'an empty body')
  const stream = response.body.getReader()
  const text = new TextDecoder()
  const sse = new SseDecoder()
  try {
    for (;;) {
      const { done, value } = await stream.read()
      onProgress()
      const payloads = done
        ? [...sse.push(text.decode()), ...sse.end()]
        : sse.push(text.decode(value, { stream: true }))
      for (const data of payloads) {
        // A cancel stops the text where the writer saw it stop, even mid-chunk.
        signal.throwIfAborted()
        const delta = reader.read(data)
        if (delta) onDelta(delta)
        if (reader.finished) return
      }
      if (done) break
    }
  } finally {
    stream.cancel().catch(() => {})
  }
  if (!reader.complete)
    throw new QuireError(
      'generation-failed',
      `The server at ${target.base} closed the connection before the answer was finished. It may have stopped; try again.`,
      'server-closed-mid-answer',
      { server: target.base },
    )
}
