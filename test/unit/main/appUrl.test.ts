import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../src/main/window/appUrl'

const APP = 'quire://app/index.html'
const DEV = 'http://localhost:5173/'

describe('the IPC sender check', () => {
  it.each([
    ['the app page', 'quire://app/index.html'],
    ['the app page with a hash', 'quire://app/index.html#/library'],
    ['another file of the app', 'quire://app/assets/index-abc.js'],
    ['the app root', 'quire://app/'],
  ])('trusts %s', (_what, url) => {
    expect(isAppUrl(url, APP)).toBe(true)
  })

  it.each([
    ['a data: page', 'data:text/html,<script>quire.generate()</script>'],
    ['a file: page', 'file:///tmp/evil.html'],
    ['about:blank', 'about:blank'],
    ['another quire:// host', 'quire://other-host/index.html'],
    ['a host that starts like the app’s', 'quire://app.evil/index.html'],
    ['credentials in the URL', 'quire://user:pw@app/index.html'],
    ['a quire: URL without a host', 'quire:app/index.html'],
    ['a web page', 'https://example.com/'],
    ['the dev server’s address', 'http://localhost:5173/'],
    ['a blob: URL', 'blob:quire://app/0b4a'],
    ['nothing', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url, APP)).toBe(false)
  })

  it('trusts the dev server by its scheme, host and port alone', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false)
  })

  it('never trusts anything when the app URL has no host', () => {
    expect(isAppUrl('data:text/html,x', 'data:text/html,x')).toBe(false)
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false)
  })
})
