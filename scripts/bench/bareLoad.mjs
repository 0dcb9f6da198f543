// A fresh process that loads a model with node-llama-cpp alone and says when it is ready: the
// baseline for Quire's engine start-up (`npm run bench`, section 4). Args: MODEL THREADS CONTEXT GPU
import { getLlama, LlamaLogLevel } from 'node-llama-cpp'

const [model, threads, contextSize, gpu] = process.argv.slice(2)
const llama = await getLlama({
  gpu: gpu === 'on' ? 'auto' : false,
  build: 'never',
  logLevel: LlamaLogLevel.error,
})
const loaded = await llama.loadModel({ modelPath: model, gpuLayers: gpu === 'on' ? 'auto' : 0 })
await loaded.createContext({
  contextSize: Math.min(Number(contextSize), loaded.trainContextSize),
  threads: Number(threads),
  sequences: 2,
})
process.stdout.write('READY\n')
process.exit(0)
