/**
 * The size budget of a packaged Quire, in MiB, by `${platform}-${arch}`: the app's own files,
 * that is everything electron-builder lays out except Electron's runtime. The README states
 * these numbers; the layout test measures the platform it runs on.
 * x64 Linux and Windows carry three engines (CPU, CUDA 13, Vulkan: about 290 MiB of binaries).
 */
export const PACKAGE_BUDGET_MIB: Record<string, number> = {
  'linux-x64': 350,
  'win32-x64': 350,
  'linux-arm64': 100,
  'darwin-arm64': 100,
  'darwin-x64': 100,
}
