// Flips Electron's fuses after packaging: no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no
// --inspect, cookies encrypted, the app only loads from its asar (checked for integrity), and
// file:// pages get no more privileges than any other page (the app is served from quire://).
const path = require('node:path') // eslint-disable-line @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS

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

exports.default = async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
  const { electronPlatformName, appOutDir, packager } = context
  const name = packager.appInfo.productFilename
  const executable = {
    darwin: path.join(appOutDir, `${name}.app`, 'Contents', 'MacOS', name),
    win32: path.join(appOutDir, `${name}.exe`),
    linux: path.join(appOutDir, packager.executableName),
  }[electronPlatformName]
  await flipFuses(executable, { version: FuseVersion.V1, ...fuseSettings(FuseV1Options) })
}
