// `npm run icons`: makes every icon electron-builder needs from build/icon.svg, the one source.
// build/icons/NxN.png for Linux (AppImage and deb pick them by size), build/icon.icns for macOS
// and build/icon.ico for Windows (electron-builder finds both by name in build/). The results
// are committed; test/unit/build/icons.test.ts checks they are current and well formed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import * as png2icons from 'png2icons'

const buildDir = resolve(import.meta.dirname, '..', 'build')

/** The sizes of the Linux icon set, in pixels. */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024]

/** Renders build/icon.svg as a square PNG `size` pixels wide. */
export function renderIcon(size: number): Buffer {
  const svg = readFileSync(join(buildDir, 'icon.svg'))
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng())
}

function main(): void {
  mkdirSync(join(buildDir, 'icons'), { recursive: true })
  for (const size of LINUX_ICON_SIZES) {
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), renderIcon(size))
  }
  const master = renderIcon(1024)
  const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0)
  // PNG-compressed entries, with the BMP ones Windows Explorer wants for the small sizes.
  const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, false, true)
  if (!icns || !ico) throw new Error('png2icons could not convert build/icon.svg')
  writeFileSync(join(buildDir, 'icon.icns'), icns)
  writeFileSync(join(buildDir, 'icon.ico'), ico)
  process.stdout.write(`icons written to ${buildDir}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
