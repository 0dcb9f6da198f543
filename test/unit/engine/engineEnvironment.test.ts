import { describe, expect, it } from 'vitest'
import { engineEnvironment } from '@core/engine/host/engineEnvironment'

describe('the engine process environment', () => {
  it('gives the engine one malloc arena on Linux, keeping the rest of the environment', () => {
    const host = { PATH: '/usr/bin', QUIRE_DEBUG: '1' }
    expect(engineEnvironment(host, 'linux')).toEqual({ ...host, MALLOC_ARENA_MAX: '1' })
    // The host's own environment is left as it was.
    expect(host).toEqual({ PATH: '/usr/bin', QUIRE_DEBUG: '1' })
  })

  it('keeps a value the writer set, and adds nothing on macOS or Windows', () => {
    expect(engineEnvironment({ MALLOC_ARENA_MAX: '4' }, 'linux')).toEqual({ MALLOC_ARENA_MAX: '4' })
    expect(engineEnvironment({ PATH: '/bin' }, 'darwin')).toEqual({ PATH: '/bin' })
    expect(engineEnvironment({ PATH: 'C:\\' }, 'win32')).toEqual({ PATH: 'C:\\' })
  })
})
