// Which @node-llama-cpp binary packages a build ships, by Electron platform and architecture:
// the CPU build (Metal on Apple silicon) and, on x64 Linux and Windows, CUDA 13 and Vulkan.
// The CUDA 12 fallback (`*-cuda-ext`) is left out for size; NVIDIA cards without CUDA 13 run on
// Vulkan. electron-builder.yml filters by `${os}-${arch}*`; afterPack.cjs and the layout test
// check the result against this list.
const path = require('node:path') // eslint-disable-line @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS

const PACKAGES = {
  'linux-x64': ['linux-x64', 'linux-x64-cuda', 'linux-x64-vulkan'],
  'linux-arm64': ['linux-arm64'],
  'linux-armv7l': ['linux-armv7l'],
  'win32-x64': ['win-x64', 'win-x64-cuda', 'win-x64-vulkan'],
  'win32-arm64': ['win-arm64'],
  'darwin-arm64': ['mac-arm64-metal'],
  'darwin-x64': ['mac-x64'],
}

/** The @node-llama-cpp package names (without scope) a build for `platform`/`arch` ships, or null. */
function expectedPackages(platform, arch) {
  return PACKAGES[`${platform}-${arch}`] ?? null
}

/** The resources folder of a packaged app: beside the executable, or inside the .app on macOS. */
function resourcesDir(appOutDir, platform, productFilename) {
  return platform === 'darwin'
    ? path.join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
    : path.join(appOutDir, 'resources')
}

/**
 * Compares the @node-llama-cpp packages found unpacked with the expected ones; returns the
 * problems as sentences (empty when the build ships exactly its own binaries).
 */
function binaryProblems(found, platform, arch, version) {
  const expected = expectedPackages(platform, arch)
  if (!expected) return [`node-llama-cpp has no binaries for ${platform} ${arch}`]
  const missing = expected.filter((name) => !found.includes(name))
  const extra = found.filter((name) => !expected.includes(name))
  const problems = []
  if (missing.length > 0) {
    const install = missing.map((name) => `@node-llama-cpp/${name}@${version}`).join(' ')
    problems.push(
      `the ${platform} ${arch} build lacks ${missing.map((n) => `@node-llama-cpp/${n}`).join(', ')}: ` +
        `install it first with \`npm install --no-save --force ${install}\``,
    )
  }
  if (extra.length > 0) {
    problems.push(
      `the ${platform} ${arch} build carries binaries it cannot use: ${extra.map((n) => `@node-llama-cpp/${n}`).join(', ')}`,
    )
  }
  return problems
}

module.exports = { expectedPackages, resourcesDir, binaryProblems }
