import { printable } from '@shared/text/printable'
import type { GgufReadProblem } from './ggufFacts'

/** Result of walking the header in the first bytes of a file. */
export type HeaderWalk =
  | { status: 'ok'; version: number; tensorCount: number; headerEnd: number }
  /** The header continues past the bytes given; read at least `bytes` and walk again. */
  | { status: 'need-more'; bytes: number }
  | { status: 'problem'; problem: GgufReadProblem }

const MAGIC = 'GGUF'
const MAX_KEY_LENGTH = 65_535
const MAX_DIMS = 4
/** Fixed byte sizes of GGUF value types; 8 (string) and 9 (array) are variable. */
const VALUE_SIZES: Readonly<Record<number, number>> = {
  0: 1,
  1: 1,
  2: 2,
  3: 2,
  4: 4,
  5: 4,
  6: 4,
  7: 1,
  10: 8,
  11: 8,
  12: 8,
}
const STRING = 8
const ARRAY = 9

class NeedMore {
  constructor(readonly bytes: number) {}
}
class Bad {
  constructor(readonly problem: GgufReadProblem) {}
}

/**
 * Walks a GGUF header (metadata and tensor infos) without building any values, checking that
 * every length and count fits in the file. node-llama-cpp's reader trusts those numbers and
 * reads zeros past the end of the file, so one damaged count could make it loop and allocate
 * without bound; after this walk passes, it cannot.
 */
export function walkGgufHeader(bytes: Uint8Array, fileSize: number): HeaderWalk {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let pos = 0
  let where = 'the file header'

  const need = (length: number): number => {
    const start = pos
    if (start + length > fileSize)
      throw new Bad({
        kind: 'header-cut',
        detail: `${where} needs bytes up to ${start + length}, the file has ${fileSize}`,
      })
    if (start + length > bytes.byteLength) throw new NeedMore(start + length)
    pos += length
    return start
  }
  const u32 = (): number => view.getUint32(need(4), true)
  const u64 = (): number => {
    const value = view.getBigUint64(need(8), true)
    if (value > BigInt(fileSize))
      throw new Bad({
        kind: 'header-damaged',
        detail: `${where} claims ${value} entries`,
      })
    return Number(value)
  }
  /** A count of items of at least `minSize` bytes each that must fit in the rest of the file. */
  const count = (minSize: number, what: string): number => {
    const value = u64()
    if (value * minSize > fileSize - pos) {
      throw new Bad(
        value * minSize < 2 ** 31
          ? { kind: 'header-cut', detail: `${what} lists ${value} entries but the file ends first` }
          : { kind: 'header-damaged', detail: `${what} claims ${value} entries` },
      )
    }
    return value
  }
  const string = (): string => {
    const length = count(1, where)
    const start = need(length)
    return new TextDecoder().decode(bytes.subarray(start, start + length))
  }
  const skipValue = (type: number, depth: number): void => {
    const size = VALUE_SIZES[type]
    if (size !== undefined) return void need(size)
    if (type === STRING) return void need(count(1, where))
    if (type === ARRAY && depth < 2) {
      const elementType = u32()
      const elementSize = VALUE_SIZES[elementType]
      const length = count(elementSize ?? 8, where)
      if (elementSize !== undefined) return void need(length * elementSize)
      for (let i = 0; i < length; i++) skipValue(elementType, depth + 1)
      return
    }
    throw new Bad({ kind: 'header-damaged', detail: `${where} has unknown value type ${type}` })
  }

  try {
    if (fileSize === 0) return { status: 'problem', problem: { kind: 'empty', detail: '0 bytes' } }
    const magic = new TextDecoder().decode(bytes.subarray(0, Math.min(4, fileSize)))
    if (fileSize < 4 || magic !== MAGIC)
      return {
        status: 'problem',
        problem: { kind: 'not-gguf', detail: `starts with ${printable(JSON.stringify(magic))}` },
      }
    pos = 4
    const version = u32()
    if (version === 1 || version === 0)
      return {
        status: 'problem',
        problem: { kind: 'old-format', detail: `GGUF version ${version}` },
      }
    if (version > 3)
      return {
        status: 'problem',
        problem: { kind: 'header-damaged', detail: `GGUF version ${version} is newer than 3` },
      }
    const tensorCount = count(24, 'the tensor list')
    const metadataCount = count(13, 'the metadata list')
    for (let i = 0; i < metadataCount; i++) {
      where = `metadata entry ${i}`
      const keyLength = count(1, where)
      if (keyLength > MAX_KEY_LENGTH)
        return {
          status: 'problem',
          problem: { kind: 'header-damaged', detail: `${where} has a ${keyLength}-byte name` },
        }
      const keyStart = need(keyLength)
      // Names are the file's bytes: quoted in messages, so made printable and short.
      where = printable(new TextDecoder().decode(bytes.subarray(keyStart, keyStart + keyLength)), {
        maxLength: 100,
      })
      skipValue(u32(), 0)
    }
    for (let i = 0; i < tensorCount; i++) {
      where = `tensor ${i}`
      where = `tensor ${printable(string(), { maxLength: 100 })}`
      const dims = u32()
      if (dims > MAX_DIMS)
        return {
          status: 'problem',
          problem: { kind: 'header-damaged', detail: `${where} has ${dims} dimensions` },
        }
      need(dims * 8 + 4 + 8)
    }
    return { status: 'ok', version, tensorCount, headerEnd: pos }
  } catch (error) {
    if (error instanceof NeedMore) return { status: 'need-more', bytes: error.bytes }
    if (error instanceof Bad) return { status: 'problem', problem: error.problem }
    throw error
  }
}
