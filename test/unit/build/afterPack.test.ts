import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const require = createRequire(import.meta.url)
const hook = require('../../../build/afterPack.cjs') as {
  default: (context: unknown, env?: Record<string, string | undefined>) => Promise<void>
}

// Electron marks its fuse wire with this sentinel, then a version byte, a length byte and one
// ASCII '0' or '1' per fuse. Electron 41 ships RunAsNode, NODE_OPTIONS, --inspect and
// GrantFileProtocolExtraPrivileges on, and the rest off.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ELECTRON_DEFAULT_WIRE = '10110001'

let appOutDir: string
let executable: string

function addBinaries(...names: string[]): void {
  for (const name of names) {
    const dir = join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', '@node-llama-cpp')
    mkdirSync(join(dir, name), { recursive: true })
  }
}

function context(targets: string[], arch = 1): unknown {
  return {
    electronPlatformName: 'linux',
    appOutDir,
    arch,
    targets: targets.map((name) => ({ name })),
    packager: {
      appInfo: { productFilename: 'Quire' },
      executableName: 'quire',
      info: { metadata: { dependencies: { 'node-llama-cpp': '3.21.1' } } },
    },
  }
}

beforeEach(() => {
  appOutDir = mkdtempSync(join(tmpdir(), 'quire-afterpack-'))
  executable = join(appOutDir, 'quire')
  const wire = Buffer.from([1, ELECTRON_DEFAULT_WIRE.length])
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('\x7fELF fake electron'),
      Buffer.from(SENTINEL),
      wire,
      Buffer.from(ELECTRON_DEFAULT_WIRE),
      Buffer.from('rest of the binary'),
    ]),
  )
})

afterEach(() => {
  rmSync(appOutDir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

describe('the afterPack hook of a real build', () => {
  it('flips the fuses: no ELECTRON_RUN_AS_NODE, asar only and checked, file:// unprivileged', async () => {
    addBinaries('linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan')
    await hook.default(context(['AppImage', 'deb']), {})
    const wire = await getCurrentFuseWire(executable)
    expect(wire[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0))
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe('0'.charCodeAt(0))
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe('0'.charCodeAt(0))
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe('1'.charCodeAt(0))
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe('1'.charCodeAt(0))
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe('1'.charCodeAt(0))
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe('0'.charCodeAt(0))
  })

  it('flips them on a --dir build too when the layout-test variable is not set', async () => {
    addBinaries('linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan')
    await hook.default(context(['dir']), { QUIRE_PACKAGE_LAYOUT_TEST: 'yes' })
    const wire = await getCurrentFuseWire(executable)
    expect(wire[FuseV1Options.RunAsNode]).toBe('0'.charCodeAt(0))
  })

  it('refuses to skip the fuses for an installer, even with the layout-test variable', async () => {
    addBinaries('linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan')
    await expect(
      hook.default(context(['dir', 'AppImage']), { QUIRE_PACKAGE_LAYOUT_TEST: '1' }),
    ).rejects.toThrow(/QUIRE_PACKAGE_LAYOUT_TEST=1 is set for an installer build \(AppImage\)/)
    expect((await getCurrentFuseWire(executable))[FuseV1Options.RunAsNode]).toBe('1'.charCodeAt(0))
  })

  it('stops a build that lacks the engine of its platform, saying what to install', async () => {
    addBinaries('linux-x64')
    await expect(hook.default(context(['AppImage']), {})).rejects.toThrow(
      'npm install --no-save --force @node-llama-cpp/linux-x64-cuda@3.21.1 @node-llama-cpp/linux-x64-vulkan@3.21.1',
    )
  })

  it('stops a build that carries another architecture’s engine', async () => {
    addBinaries('linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan', 'linux-arm64')
    await expect(hook.default(context(['deb']), {})).rejects.toThrow(
      'carries binaries it cannot use: @node-llama-cpp/linux-arm64',
    )
    addBinaries('linux-x64-cuda-ext')
    await expect(hook.default(context(['deb']), {})).rejects.toThrow('linux-x64-cuda-ext')
  })
})

describe('the afterPack hook of the layout test', () => {
  it('leaves the stub alone only for a --dir build with QUIRE_PACKAGE_LAYOUT_TEST=1, and says so', async () => {
    addBinaries('linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan')
    const before = readFileSync(executable)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await hook.default(context(['dir']), { QUIRE_PACKAGE_LAYOUT_TEST: '1' })
    expect(readFileSync(executable).equals(before)).toBe(true)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('fuses NOT flipped'))
  })

  it('still checks the engine binaries of an arm64 build', async () => {
    addBinaries('linux-x64')
    await expect(
      hook.default(context(['dir'], 3), { QUIRE_PACKAGE_LAYOUT_TEST: '1' }),
    ).rejects.toThrow('the linux arm64 build lacks @node-llama-cpp/linux-arm64')
  })
})
