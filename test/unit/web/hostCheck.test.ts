import { describe, expect, it } from 'vitest'
import {
  allowedHosts,
  hostAllowed,
  hostForUrl,
  isLoopback,
  originAllowed,
} from '../../../src/web/hostCheck'

describe('the Host check of quire serve', () => {
  const loopback = allowedHosts(5917)

  it('answers its loopback names on its own port, in any letter case', () => {
    for (const host of ['127.0.0.1:5917', 'localhost:5917', 'LocalHost:5917', '[::1]:5917'])
      expect(hostAllowed(host, loopback), host).toBe(true)
  })

  it('refuses other names, other ports, no port, and no Host at all', () => {
    for (const host of [
      'evil.example:5917',
      'localhost.evil.example:5917',
      '127.0.0.1.nip.io:5917',
      '127.0.0.1:5918',
      '127.0.0.1',
      'localhost',
      '::1:5917',
      '192.168.1.20:5917',
      '',
    ])
      expect(hostAllowed(host, loopback), host).toBe(false)
    expect(hostAllowed(undefined, loopback)).toBe(false)
  })

  it('also answers the address it was told to listen on, IPv6 in brackets', () => {
    expect(hostAllowed('192.168.1.20:5917', allowedHosts(5917, '192.168.1.20'))).toBe(true)
    expect(hostAllowed('[fd00::2]:5917', allowedHosts(5917, 'fd00::2'))).toBe(true)
    expect(hostAllowed('gpu-box.lan:5917', allowedHosts(5917, 'GPU-box.lan'))).toBe(true)
    expect(hostAllowed('192.168.1.21:5917', allowedHosts(5917, '192.168.1.20'))).toBe(false)
  })

  it('tells loopback addresses from the rest', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])
      expect(isLoopback(address), address).toBe(true)
    for (const address of ['192.168.1.20', 'fd00::2', '0.0.0.0', 'localhost.example', '128.0.0.1'])
      expect(isLoopback(address), address).toBe(false)
    expect(hostForUrl('::1')).toBe('[::1]')
    expect(hostForUrl('127.0.0.1')).toBe('127.0.0.1')
  })

  it('lets a WebSocket through from its own page or a tool without Origin, not from another site', () => {
    expect(originAllowed('http://127.0.0.1:5917', '127.0.0.1:5917')).toBe(true)
    expect(originAllowed(undefined, '127.0.0.1:5917')).toBe(true)
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:5918',
      'https://127.0.0.1:5917',
      'http://localhost:5917',
      'null',
    ])
      expect(originAllowed(origin, '127.0.0.1:5917'), origin).toBe(false)
    expect(originAllowed('http://127.0.0.1:5917', undefined)).toBe(false)
  })
})
