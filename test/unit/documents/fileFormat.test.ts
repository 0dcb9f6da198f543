import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeFile, encodeFile } from '@core/documents/fileFormat'

const samples: Record<string, Buffer> = {
  'UTF-8': Buffer.from('# 秋\n\nrain\n', 'utf8'),
  'UTF-8 with BOM and CRLF': Buffer.from('\ufeff# 秋\r\n\r\nrain\r\n', 'utf8'),
  'UTF-16 LE': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# 秋\r\nrain', 'utf16le')]),
  'UTF-16 BE': Buffer.concat([
    Buffer.from([0xfe, 0xff]),
    iconv.encode('# 秋\nrain 𠀀', 'utf16-be'),
  ]),
  GB18030: iconv.encode('# 秋天的雨\r\n\r\n落在屋檐上。\r\n', 'gb18030'),
  'classic Mac OS line endings (CR)': Buffer.from('# 秋\r\rrain\rfalls\r', 'utf8'),
}

describe('decodeFile and encodeFile', () => {
  it.each(Object.entries(samples))('gives %s back byte for byte', (_name, bytes) => {
    const decoded = decodeFile(bytes)
    expect(decoded.text).not.toContain('\r')
    expect(decoded.text.startsWith('\ufeff')).toBe(false)
    expect(encodeFile(decoded.text, decoded.format).equals(bytes)).toBe(true)
  })

  it('writes an edited file with mixed line endings in its majority ending', () => {
    const decoded = decodeFile(Buffer.from('a\r\nb\nc\r\nd\r\n', 'utf8'))
    expect(encodeFile(`${decoded.text}e\n`, decoded.format).toString()).toBe(
      'a\r\nb\r\nc\r\nd\r\ne\r\n',
    )
  })

  it('reads lone CRs as line breaks and writes an edited file with CRs again', () => {
    const decoded = decodeFile(Buffer.from('# Tide\r\rOut.\rIn.', 'utf8'))
    expect(decoded.text).toBe('# Tide\n\nOut.\nIn.')
    expect(decoded.format.eol).toBe('\r')
    expect(encodeFile(`${decoded.text}\nAgain.`, decoded.format).toString()).toBe(
      '# Tide\r\rOut.\rIn.\rAgain.',
    )
    // A CR inside CRLF is not a line of its own; mixed files take their most common ending.
    expect(decodeFile(Buffer.from('a\r\nb\rc\r\n')).format.eol).toBe('\r\n')
    expect(decodeFile(Buffer.from('a\rb\rc\nd')).format.eol).toBe('\r')
    expect(decodeFile(Buffer.from('a\rb\nc')).format.eol).toBe('\n')
  })

  it('reads a legacy Chinese .txt as GB18030 and keeps it GB18030 when edited', () => {
    const decoded = decodeFile(samples.GB18030!)
    expect(decoded.text).toBe('# 秋天的雨\n\n落在屋檐上。\n')
    expect(decoded.format).toEqual({ encoding: 'gb18030', bom: false, eol: '\r\n' })
    const edited = encodeFile(`${decoded.text}又一行\n`, decoded.format)
    expect(iconv.decode(edited, 'gb18030')).toBe('# 秋天的雨\r\n\r\n落在屋檐上。\r\n又一行\r\n')
  })

  it('gives each distinct content its own revision and the same content the same one', () => {
    const a = decodeFile(Buffer.from('one'))
    expect(decodeFile(Buffer.from('one')).revision).toBe(a.revision)
    expect(decodeFile(Buffer.from('one ')).revision).not.toBe(a.revision)
    // Same text, other line endings: other bytes, other revision.
    expect(decodeFile(Buffer.from('a\r\nb')).revision).not.toBe(
      decodeFile(Buffer.from('a\nb')).revision,
    )
  })
})
