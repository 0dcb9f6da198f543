import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkAsarContents,
  checkNodeLlama,
  checkSize,
  type AsarEntry,
} from '../../../scripts/packageLayout/checks.js'

const packed = (path: string): AsarEntry => ({ path, size: 1, unpacked: false })
const APP = [
  '/package.json',
  '/out/main/index.js',
  '/out/main/engine.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
  '/node_modules/node-llama-cpp/package.json',
].map(packed)
const failed = (checks: { name: string; ok: boolean }[]): string[] =>
  checks.filter((check) => !check.ok).map((check) => check.name)

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('the packaging layout checks', () => {
  it('pass a clean archive and name each thing that should not be in one', () => {
    expect(failed(checkAsarContents(APP))).toEqual([])
    const dirty = [
      ...APP,
      packed('/src/main/index.ts'),
      packed('/out/main/index.js.map'),
      packed('/node_modules/x/build/Release/x.node'),
      packed('/node_modules/node-llama-cpp/llama/gitRelease.bundle'),
    ]
    expect(failed(checkAsarContents(dirty))).toEqual([
      'app.asar has no src/, test/, scripts/ or docs/',
      'app.asar has no source maps',
      'app.asar packs no native binary (they load from app.asar.unpacked)',
      'app.asar leaves out the llama.cpp sources (the engine never builds them)',
    ])
    expect(failed(checkAsarContents(APP.slice(1)))).toEqual([
      'app.asar holds the built main, engine, preload and renderer',
    ])
  })

  it('catch another architecture’s engine and a package without its addon', () => {
    dir = mkdtempSync(join(tmpdir(), 'quire-layout-check-'))
    const resources = join(dir, 'resources')
    const scope = join(resources, 'app.asar.unpacked', 'node_modules', '@node-llama-cpp')
    for (const name of ['linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan', 'linux-arm64']) {
      mkdirSync(join(scope, name, 'bins', name), { recursive: true })
      if (name !== 'linux-x64-vulkan') {
        writeFileSync(join(scope, name, 'bins', name, 'llama-addon.node'), '')
      }
    }
    const checks = checkNodeLlama(resources, 'linux', 'x64', '3.21.1')
    expect(checks.map((check) => [check.ok, check.detail])).toEqual([
      [false, 'the linux x64 build carries binaries it cannot use: @node-llama-cpp/linux-arm64'],
      [false, 'missing in linux-x64-vulkan'],
      [
        false,
        'resources/app.asar.unpacked/node_modules/@node-llama-cpp/linux-arm64/bins/linux-arm64/llama-addon.node',
      ],
    ])
  })

  it('hold the size to the budget', () => {
    expect(checkSize(340 * 2 ** 20, 350, 'linux x64').ok).toBe(true)
    expect(checkSize(745 * 2 ** 20, 350, 'linux x64')).toMatchObject({
      ok: false,
      detail: '745.0 MiB',
    })
  })
})
