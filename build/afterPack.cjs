// Runs after electron-builder lays out the app, before signing and installers:
// 1. checks that node-llama-cpp ships exactly the target's binaries (nodeLlamaBinaries.cjs), so
//    an installer never goes out without its engine or with another platform's;
// 2. flips Electron's fuses: no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect, cookies
//    encrypted, the app only loads from its asar (checked for integrity), and file:// pages get
//    no more privileges than any other page (the app is served from quire://).
// The fuses are skipped in one case only: QUIRE_PACKAGE_LAYOUT_TEST=1 on a `--dir` build, which
// is the layout test's build against a stub Electron that has no fuses. It says so loudly.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
const fs = require('node:fs')
const path = require('node:path')
const { binaryProblems, resourcesDir } = require('./nodeLlamaBinaries.cjs')
/* eslint-enable @typescript-eslint/no-require-imports */

/** The environment variable that marks a build as the packaging layout test. */
const LAYOUT_TEST_ENV = 'QUIRE_PACKAGE_LAYOUT_TEST'
exports.LAYOUT_TEST_ENV = LAYOUT_TEST_ENV

/** The fuse settings, by FuseV1Options value; exported so a unit test can read them. */
function fuseSettings(FuseV1Options) {
  return {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  }
}
exports.fuseSettings = fuseSettings

/** True when this build is the layout test's; throws if the variable is set on an installer build. */
function isLayoutTest(targets, env) {
  if (env[LAYOUT_TEST_ENV] !== '1') return false
  const installers = targets.map((target) => target.name).filter((name) => name !== 'dir')
  if (installers.length > 0) {
    throw new Error(
      `${LAYOUT_TEST_ENV}=1 is set for an installer build (${installers.join(', ')}): ` +
        'unset it, installers always get their fuses flipped',
    )
  }
  return true
}

function checkBinaries(context, archName) {
  const { electronPlatformName, appOutDir, packager } = context
  const resources = resourcesDir(appOutDir, electronPlatformName, packager.appInfo.productFilename)
  const scope = path.join(resources, 'app.asar.unpacked', 'node_modules', '@node-llama-cpp')
  const found = fs.existsSync(scope) ? fs.readdirSync(scope) : []
  const version = packager.info.metadata.dependencies?.['node-llama-cpp'] ?? 'latest'
  const problems = binaryProblems(found, electronPlatformName, archName, version)
  if (problems.length > 0) throw new Error(problems.join('\n'))
}

exports.default = async function afterPack(context, env = process.env) {
  const { Arch } = await import('electron-builder')
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
  const { electronPlatformName, appOutDir, packager, arch, targets } = context
  const archName = Arch[arch]
  checkBinaries(context, archName)

  if (isLayoutTest(targets, env)) {
    console.warn(
      `  • ${LAYOUT_TEST_ENV}=1: layout test against a stub Electron, fuses NOT flipped. ` +
        `Never ship ${appOutDir}.`,
    )
    return
  }
  const name = packager.appInfo.productFilename
  const executable = {
    darwin: path.join(appOutDir, `${name}.app`, 'Contents', 'MacOS', name),
    win32: path.join(appOutDir, `${name}.exe`),
    linux: path.join(appOutDir, packager.executableName),
  }[electronPlatformName]
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Flipping rewrites the binary: an Apple silicon build needs its ad-hoc signature again.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' && archName === 'arm64',
    ...fuseSettings(FuseV1Options),
  })
}
