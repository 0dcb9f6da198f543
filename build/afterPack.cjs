// Flips Electron's fuses after packaging: no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no
// --inspect, cookies encrypted, and the app only loads from its asar (checked for integrity).
const path = require('node:path') // eslint-disable-line @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS

exports.default = async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses')
  const { electronPlatformName, appOutDir, packager } = context
  const name = packager.appInfo.productFilename
  const executable = {
    darwin: path.join(appOutDir, `${name}.app`, 'Contents', 'MacOS', name),
    win32: path.join(appOutDir, `${name}.exe`),
    linux: path.join(appOutDir, packager.executableName),
  }[electronPlatformName]
  await flipFuses(executable, {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  })
}
