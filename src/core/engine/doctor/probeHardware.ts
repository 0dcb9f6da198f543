import { freemem, totalmem } from 'node:os'
import { getLlama, getLlamaGpuTypes, getModuleVersion, LlamaLogLevel } from 'node-llama-cpp'
import { explainNoGpu } from './explainNoGpu'

/** What the engine would run on here, and why no GPU when there is none. */
export type HardwareReport = {
  platform: string
  nodeLlamaCpp: string
  /** The backend node-llama-cpp picks on its own ("auto"): a GPU API or the CPU. */
  backend: string
  gpuDevices: string[]
  /** Null without a GPU. */
  vram: { totalBytes: number; freeBytes: number } | null
  ram: { totalBytes: number; freeBytes: number }
  cpuMathCores: number
  /** GPU builds of llama.cpp for this platform, and those whose driver was found. */
  gpuBuilds: { shipped: string[]; driverFound: string[] }
  /** Why the CPU is used, in plain words; null when a GPU is. */
  gpuNote: string | null
}

/** Loads llama.cpp's bindings (not a model) the way the engine does, and reports what it found. */
export async function probeHardware(): Promise<HardwareReport> {
  const platform = `${process.platform}-${process.arch}`
  const [shipped, driverFound] = await Promise.all([
    getLlamaGpuTypes('allValid'),
    getLlamaGpuTypes('supported'),
  ])
  const gpuTypes = (list: readonly (string | false)[]) =>
    list.filter((type): type is string => type !== false)
  const llama = await getLlama({
    gpu: 'auto',
    build: 'never',
    logLevel: process.env.QUIRE_DEBUG === '1' ? LlamaLogLevel.debug : LlamaLogLevel.error,
  })
  try {
    const onGpu = llama.gpu !== false
    const vram = onGpu ? await llama.getVramState() : null
    return {
      platform,
      nodeLlamaCpp: await getModuleVersion(),
      backend: llama.gpu === false ? 'cpu' : llama.gpu,
      gpuDevices: onGpu ? await llama.getGpuDeviceNames() : [],
      vram: vram ? { totalBytes: vram.total, freeBytes: vram.free } : null,
      ram: { totalBytes: totalmem(), freeBytes: freemem() },
      cpuMathCores: llama.cpuMathCores,
      gpuBuilds: { shipped: gpuTypes(shipped), driverFound: gpuTypes(driverFound) },
      gpuNote: onGpu ? null : explainNoGpu(platform, gpuTypes(shipped), gpuTypes(driverFound)),
    }
  } finally {
    await llama.dispose()
  }
}
