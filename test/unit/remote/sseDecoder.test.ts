import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SseDecoder } from '@core/engine/remote/sseDecoder'

const decodeAll = (pieces: string[]) => {
  const decoder = new SseDecoder()
  return [...pieces.flatMap((piece) => decoder.push(piece)), ...decoder.end()]
}

const STREAM =
  ': keep-alive\r\n' +
  'event: message\r\n' +
  'data: {"a":1}\r\n\r\n' +
  'data: first line\n' +
  'data:second line\n\n' +
  'id: 7\rdata: cr only\r\r' +
  'data: [DONE]\n\n'

describe('SseDecoder', () => {
  it('reads LF, CRLF and CR line ends, comments, and multi-line data', () => {
    expect(decodeAll([STREAM])).toEqual(['{"a":1}', 'first line\nsecond line', 'cr only', '[DONE]'])
  })

  it('gives the same events however the bytes are split into chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(STREAM.length), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b)
        const pieces = [0, ...points].map((from, i) => STREAM.slice(from, points[i] ?? undefined))
        expect(decodeAll(pieces)).toEqual(decodeAll([STREAM]))
      }),
    )
  })

  it('dispatches a last event that had no blank line after it', () => {
    expect(decodeAll(['data: {"tail":true}'])).toEqual(['{"tail":true}'])
  })

  it('ignores events without data', () => {
    expect(decodeAll(['event: ping\n\n: comment\n\nretry: 10\n\n'])).toEqual([])
  })
})
