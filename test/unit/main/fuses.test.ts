import { createRequire } from 'node:module'
import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const { fuseSettings } = require('../../../build/afterPack.cjs') as {
  fuseSettings: (options: typeof FuseV1Options) => Record<number, boolean>
}

describe('the fuses a packaged app flips', () => {
  it('gives file:// pages no extra privileges, and keeps Node out of reach', () => {
    expect(fuseSettings(FuseV1Options)).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
  })
})
