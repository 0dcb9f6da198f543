import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { LINUX_ICON_SIZES, renderIcon } from '../../../scripts/icons.js'

const build = (file: string): Buffer =>
  readFileSync(new URL(`../../../build/${file}`, import.meta.url))
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)]

describe('the installers’ icons in build/', () => {
  it('has a Linux PNG for each size, each that size', () => {
    for (const size of LINUX_ICON_SIZES) {
      const png = build(`icons/${size}x${size}.png`)
      expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true)
      expect(pngSize(png)).toEqual([size, size])
    }
  })

  it('is current: icon.svg renders to the committed PNGs (run `npm run icons` after editing it)', () => {
    expect(renderIcon(64).equals(build('icons/64x64.png'))).toBe(true)
    expect(renderIcon(512).equals(build('icons/512x512.png'))).toBe(true)
  })

  it('has a macOS icon set with the Retina sizes up to 1024 pixels', () => {
    const icns = build('icon.icns')
    expect(icns.toString('ascii', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const entries = new Map<string, Buffer>()
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const length = icns.readUInt32BE(offset + 4)
      entries.set(
        icns.toString('ascii', offset, offset + 4),
        icns.subarray(offset + 8, offset + length),
      )
    }
    // ic07 128, ic08 256, ic09 512, ic10 512@2x, ic13 128@2x, ic14 256@2x: PNG data each.
    const expected = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic13: 256, ic14: 512 }
    for (const [type, size] of Object.entries(expected)) {
      const png = entries.get(type)
      expect(png?.subarray(0, 8).equals(PNG_MAGIC), type).toBe(true)
      expect(pngSize(png ?? Buffer.alloc(24)), type).toEqual([size, size])
    }
  })

  it('has a Windows icon with a 256-pixel PNG entry and the small sizes', () => {
    const ico = build('icon.ico')
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1)
    const count = ico.readUInt16LE(4)
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256)
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))
    const big = Array.from({ length: count }, (_, i) => 6 + i * 16).find((at) => ico[at] === 0)
    const offset = ico.readUInt32LE((big ?? 0) + 12)
    expect(ico.subarray(offset, offset + 8).equals(PNG_MAGIC)).toBe(true)
  })

  it('is what electron-builder.yml names for each platform', () => {
    const config = parse(
      readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
    ) as Record<string, { icon?: string }>
    expect(config['linux']?.icon).toBe('build/icons')
    expect(config['mac']?.icon).toBe('build/icon.icns')
    expect(config['win']?.icon).toBe('build/icon.ico')
  })
})
