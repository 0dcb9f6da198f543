import { describe, expect, it } from 'vitest'
import { describeCrash } from '@core/engine/host/crashReason'
import { explainLoadFailure } from '@core/engine/worker/nativeLog'

describe('describeCrash', () => {
  it('shows the native assertion without the source path', () => {
    const stderr =
      '/home/runner/work/llama.cpp/src/llama-model.cpp:512: GGML_ASSERT(hparams.n_layer_all > 0) failed\nAborted\n'
    expect(describeCrash({ code: null, signal: 'SIGABRT', stderr })).toBe(
      'GGML_ASSERT(hparams.n_layer_all > 0) failed',
    )
  })

  it('falls back to the signal or exit code', () => {
    expect(describeCrash({ code: null, signal: 'SIGKILL', stderr: '' })).toBe(
      'the process was killed by SIGKILL',
    )
    expect(describeCrash({ code: 3, signal: null, stderr: 'loading\n' })).toBe(
      'the process exited with code 3',
    )
  })
})

describe('explainLoadFailure', () => {
  it('prefers the specific line to "failed to load model"', () => {
    const lines = [
      "llama_model_load: error loading model: tensor 'output.weight' data is not within the file bounds, model is corrupted or incomplete",
      'llama_model_load_from_file_impl: failed to load model',
    ]
    expect(explainLoadFailure(lines, new Error('Failed to load model'))).toBe(
      "tensor 'output.weight' data is not within the file bounds, model is corrupted or incomplete",
    )
  })

  it('uses the error when llama.cpp said nothing', () => {
    expect(explainLoadFailure([], new Error('Failed to load model'))).toBe('Failed to load model')
  })
})
