import { describe, expect, it } from 'vitest'
import { defaultEndpoint, normalizeEndpoint, resolveSource } from '@core/models/hfSource'

describe('download sources and endpoints', () => {
  it('turns an hf: file URI into a URL on the chosen endpoint, keeping a pinned revision', () => {
    const uri = 'hf:unsloth/Qwen3-1.7B-GGUF/Qwen3-1.7B-Q4_K_M.gguf'
    expect(resolveSource(uri, 'https://huggingface.co/')).toEqual({
      download:
        'https://huggingface.co/unsloth/Qwen3-1.7B-GGUF/resolve/main/Qwen3-1.7B-Q4_K_M.gguf',
      url: 'https://huggingface.co/unsloth/Qwen3-1.7B-GGUF/resolve/main/Qwen3-1.7B-Q4_K_M.gguf',
      fileName: 'Qwen3-1.7B-Q4_K_M.gguf',
    })
    expect(resolveSource(`${uri}#abc123`, 'https://hf-mirror.com/')?.url).toBe(
      'https://hf-mirror.com/unsloth/Qwen3-1.7B-GGUF/resolve/abc123/Qwen3-1.7B-Q4_K_M.gguf',
    )
  })

  it('encodes file paths inside a repository', () => {
    expect(resolveSource('hf:a/b/sub/模型.gguf', 'https://hf-mirror.com/')?.url).toBe(
      'https://hf-mirror.com/a/b/resolve/main/sub/%E6%A8%A1%E5%9E%8B.gguf',
    )
  })

  it('leaves quantization tags to node-llama-cpp, which asks the endpoint which file they mean', () => {
    expect(resolveSource('hf:unsloth/Qwen3-8B-GGUF:Q4_K_M', 'https://hf-mirror.com/')).toEqual({
      download: 'hf:unsloth/Qwen3-8B-GGUF:Q4_K_M',
      url: null,
      fileName: null,
    })
  })

  it('takes https URLs as they are, with a safe file name', () => {
    expect(
      resolveSource(
        'https://example.com/x/My%20Model.gguf?download=true',
        'https://huggingface.co/',
      ),
    ).toEqual({
      download: 'https://example.com/x/My%20Model.gguf?download=true',
      url: 'https://example.com/x/My%20Model.gguf?download=true',
      fileName: 'My_Model.gguf',
    })
  })

  it('refuses anything else, such as a local path', () => {
    expect(resolveSource('/home/me/model.gguf', 'https://huggingface.co/')).toBeNull()
    expect(resolveSource('hf:only-one-part', 'https://huggingface.co/')).toBeNull()
  })

  it('accepts a bare mirror host and insists on http(s)', () => {
    expect(normalizeEndpoint('hf-mirror.com')).toBe('https://hf-mirror.com/')
    expect(normalizeEndpoint('https://hf-mirror.com')).toBe('https://hf-mirror.com/')
    expect(normalizeEndpoint('http://127.0.0.1:8080/hf')).toBe('http://127.0.0.1:8080/hf/')
    expect(normalizeEndpoint('ftp://mirror')).toBeNull()
    expect(normalizeEndpoint('  ')).toBeNull()
  })

  it('reads the mirror from HF_ENDPOINT like llama.cpp does', () => {
    expect(defaultEndpoint({})).toBe('https://huggingface.co/')
    expect(defaultEndpoint({ HF_ENDPOINT: 'https://hf-mirror.com' })).toBe('https://hf-mirror.com/')
    expect(defaultEndpoint({ HF_ENDPOINT: 'a', MODEL_ENDPOINT: 'https://m.example' })).toBe(
      'https://m.example/',
    )
  })
})
