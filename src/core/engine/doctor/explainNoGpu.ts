const names: Readonly<Record<string, string>> = {
  cuda: 'CUDA (NVIDIA)',
  vulkan: 'Vulkan',
  metal: 'Metal',
}

/** Why llama.cpp runs on the CPU here, from what was shipped and what was found. */
export function explainNoGpu(platform: string, shipped: string[], driverFound: string[]): string {
  if (platform === 'darwin-arm64')
    return 'Metal should work on Apple silicon but did not start; run with QUIRE_DEBUG=1 to see why.'
  if (shipped.length === 0)
    return `llama.cpp has no GPU build for ${platform}, so it runs on the CPU.`
  if (driverFound.length === 0)
    return `No ${shipped.map((type) => names[type] ?? type).join(' or ')} driver was found, so llama.cpp runs on the CPU. Installing your GPU's driver (with CUDA for NVIDIA, or Vulkan) lets it use the GPU.`
  return `A ${driverFound.map((type) => names[type] ?? type).join(' / ')} driver was found, but llama.cpp's GPU build did not start; run with QUIRE_DEBUG=1 to see why.`
}
