import { describe, expect, it } from 'vitest'
import { remoteWarning, serveAddress } from '../../../src/cli/commands/serveAddress'
import { UsageError } from '../../../src/cli/usageError'

describe('quire serve --host and --allow-remote', () => {
  it('listens on 127.0.0.1 by default, and on any loopback address without more ado', () => {
    expect(serveAddress(undefined, false)).toEqual({ host: '127.0.0.1', remote: false })
    expect(serveAddress('localhost', false)).toEqual({ host: 'localhost', remote: false })
    expect(serveAddress('[::1]', false)).toEqual({ host: '::1', remote: false })
  })

  it('refuses an address other machines can reach unless --allow-remote says so', () => {
    expect(() => serveAddress('192.168.1.20', false)).toThrow(UsageError)
    expect(() => serveAddress('192.168.1.20', false)).toThrow(/add --allow-remote/)
    expect(serveAddress('192.168.1.20', true)).toEqual({ host: '192.168.1.20', remote: true })
    expect(serveAddress('[fd00::2]', true)).toEqual({ host: 'fd00::2', remote: true })
    expect(serveAddress('gpu-box.lan', true)).toEqual({ host: 'gpu-box.lan', remote: true })
  })

  it('refuses wildcards and things that are not addresses, saying what to pass instead', () => {
    for (const wildcard of ['0.0.0.0', '::', '[::]'])
      expect(() => serveAddress(wildcard, true), wildcard).toThrow(
        /every interface; name the one address/,
      )
    for (const bad of ['', ' ', 'http://gpu', 'gpu box', '-x'])
      expect(() => serveAddress(bad, true), bad).toThrow(
        /--host takes an IP address or a host name/,
      )
  })

  it('warns that the address is reachable and that the connection is not encrypted', () => {
    expect(remoteWarning('192.168.1.20')).toMatch(/listening on 192\.168\.1\.20.*other machines/)
    expect(remoteWarning('192.168.1.20')).toMatch(/plain HTTP/)
  })
})
