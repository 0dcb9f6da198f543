/**
 * `threads: 0` means "one per physical core", resolved in the engine process from
 * node-llama-cpp's `cpuMathCores`. Never node-llama-cpp's own default of max(4, cores), which
 * runs a 2-core machine hundreds of times slower.
 */
export const AUTO_THREADS = 0

export const DEFAULT_CONTEXT_SIZE = 4096
