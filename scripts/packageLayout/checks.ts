// What a packaged Quire must look like, checked on the folder `electron-builder --dir` makes.
// Each check is a sentence that holds or not, with the detail that shows why.
import { createRequire } from 'node:module'
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { getRawHeader } from '@electron/asar'

const require = createRequire(import.meta.url)
const { binaryProblems } = require('../../build/nodeLlamaBinaries.cjs') as {
  binaryProblems: (found: string[], platform: string, arch: string, version: string) => string[]
}

/** One assertion about the layout. */
export interface Check {
  name: string
  ok: boolean
  detail: string
}

/** One file in app.asar: its path from the archive root, its size, and whether it is unpacked. */
export interface AsarEntry {
  path: string
  size: number
  unpacked: boolean
}

interface AsarNode {
  files?: Record<string, AsarNode>
  size?: number
  unpacked?: boolean
}

/** The files an asar archive holds (packed and unpacked), from its header. */
export function listAsar(archive: string): AsarEntry[] {
  const entries: AsarEntry[] = []
  const walk = (node: AsarNode, prefix: string): void => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const path = `${prefix}/${name}`
      if (child.files) walk(child, path)
      else entries.push({ path, size: child.size ?? 0, unpacked: child.unpacked === true })
    }
  }
  walk(getRawHeader(archive).header as AsarNode, '')
  return entries
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  const files: string[] = []
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return files
}

/** The bytes the files under `dir` take, symbolic links counted as links. */
export function folderBytes(dir: string): number {
  return listFiles(dir).reduce((sum, file) => sum + lstatSync(join(dir, file)).size, 0)
}

const NATIVE = /\.(node|dll|dylib|so(\.\d+)*)$/
/** node-llama-cpp names platforms mac/win/linux; other native packages use Node's names. */
const LLAMA_OS: Record<string, string> = { darwin: 'mac', win32: 'win', linux: 'linux' }

/** The archive holds the built app and its dependencies only: no sources, tests or source maps. */
export function checkAsarContents(entries: AsarEntry[]): Check[] {
  const paths = entries.map((entry) => entry.path)
  const pick = (test: (path: string) => boolean, limit = 5): string =>
    paths.filter(test).slice(0, limit).join(', ')
  const sources = pick((path) => /^\/(src|test|scripts|docs)\//.test(path))
  const maps = pick((path) => path.endsWith('.map'))
  const packedNative = entries
    .filter((entry) => !entry.unpacked && NATIVE.test(entry.path))
    .map((entry) => entry.path)
  const needed = [
    '/package.json',
    '/out/main/index.js',
    '/out/main/engine.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
    '/node_modules/node-llama-cpp/package.json',
  ]
  const missing = needed.filter((path) => !paths.includes(path))
  const llamaSources = pick((path) =>
    /^\/node_modules\/node-llama-cpp\/llama\/(gitRelease\.bundle|addon\/|cmake\/)/.test(path),
  )
  return [
    {
      name: 'app.asar holds the built main, engine, preload and renderer',
      ok: missing.length === 0,
      detail: missing.length === 0 ? `${entries.length} files` : `missing ${missing.join(', ')}`,
    },
    {
      name: 'app.asar has no src/, test/, scripts/ or docs/',
      ok: sources === '',
      detail: sources || 'none',
    },
    { name: 'app.asar has no source maps', ok: maps === '', detail: maps || 'none' },
    {
      name: 'app.asar packs no native binary (they load from app.asar.unpacked)',
      ok: packedNative.length === 0,
      detail: packedNative.slice(0, 5).join(', ') || 'none',
    },
    {
      name: 'app.asar leaves out the llama.cpp sources (the engine never builds them)',
      ok: llamaSources === '',
      detail: llamaSources || 'none',
    },
  ]
}

/** node-llama-cpp's binaries are unpacked, and only this platform's and architecture's. */
export function checkNodeLlama(
  resources: string,
  platform: string,
  arch: string,
  version: string,
): Check[] {
  const unpacked = join(resources, 'app.asar.unpacked')
  const scope = join(unpacked, 'node_modules', '@node-llama-cpp')
  const found = readdirSync(scope)
  const problems = binaryProblems(found, platform, arch, version)
  const withoutAddon = found.filter((name) => {
    const bins = join(scope, name, 'bins')
    const flavours = readdirSync(bins)
    return !flavours.some((flavour) => existsSync(join(bins, flavour, 'llama-addon.node')))
  })
  const tokens = [...new Set([`${LLAMA_OS[platform] ?? platform}-${arch}`, `${platform}-${arch}`])]
  const foreign = listFiles(join(resources, '..'))
    .filter((file) => NATIVE.test(file) && !tokens.some((token) => file.includes(token)))
    .slice(0, 5)
  return [
    {
      name: `@node-llama-cpp holds exactly the ${platform} ${arch} packages`,
      ok: problems.length === 0,
      detail: problems.join('; ') || found.join(', '),
    },
    {
      name: 'each of them carries its llama-addon.node',
      ok: withoutAddon.length === 0,
      detail: withoutAddon.length === 0 ? 'yes' : `missing in ${withoutAddon.join(', ')}`,
    },
    {
      name: `no native binary for another platform or architecture (names without ${tokens.join(' or ')})`,
      ok: foreign.length === 0,
      detail: foreign.join(', ') || 'none',
    },
  ]
}

/** The prompt library, personas, presets and catalog ship as plain files anyone can read. */
export function checkResources(resources: string, repoResources: string): Check[] {
  const shipped = join(resources, 'resources')
  const expected = listFiles(repoResources)
  const differing = expected.filter((file) => {
    try {
      return !readFileSync(join(shipped, file)).equals(readFileSync(join(repoResources, file)))
    } catch {
      return true
    }
  })
  const unreadable = listFiles(shipped).filter(
    (file) => (statSync(join(shipped, file)).mode & 0o444) !== 0o444,
  )
  const prompts = (lang: string): number =>
    expected.filter((file) => file.startsWith(`prompts/${lang}/`) && file.endsWith('.md')).length
  return [
    {
      name: 'the prompt library ships whole: prompts, personas, presets, model catalog',
      ok: differing.length === 0 && prompts('en') > 0 && prompts('zh') > 0,
      detail:
        differing.length === 0
          ? `${expected.length} files, ${prompts('en')} English and ${prompts('zh')} Chinese prompts`
          : `missing or changed: ${differing.slice(0, 5).join(', ')}`,
    },
    {
      name: 'every shipped resource is readable by every user',
      ok: unreadable.length === 0,
      detail: unreadable.slice(0, 5).join(', ') || 'yes',
    },
  ]
}

/** The layout's size without the Electron runtime stays within the stated budget. */
export function checkSize(appBytes: number, budgetMiB: number, label: string): Check {
  const mib = appBytes / 2 ** 20
  return {
    name: `${label}: the app's files (all but Electron's) stay within ${budgetMiB} MiB`,
    ok: mib <= budgetMiB,
    detail: `${mib.toFixed(1)} MiB`,
  }
}
