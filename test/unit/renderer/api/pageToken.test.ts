import { describe, expect, it } from 'vitest'
import {
  takeFragmentToken,
  takePageToken,
  TOKEN_STORAGE_KEY,
} from '../../../../src/renderer/src/api/pageToken'

/** A tab: its address, its history (replaceState only) and its sessionStorage. */
function tab(address: string, storage = new Map<string, string>()) {
  let url = new URL(address)
  const page = {
    get location() {
      return { hash: url.hash, pathname: url.pathname, search: url.search } as Location
    },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, next: string) => {
        url = new URL(next, url)
      },
    } as unknown as History,
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    } as Storage,
  }
  return { page, storage, href: () => url.href }
}

describe('the token in the page address', () => {
  it('is taken from the fragment once, removed from the address, and kept for this tab', () => {
    const { page, storage, href } = tab('http://127.0.0.1:5917/#token=abc_-1')
    expect(takePageToken(page)).toBe('abc_-1')
    expect(href()).toBe('http://127.0.0.1:5917/')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc_-1')
    // A reload of the tab: the address no longer has it, the tab's storage does.
    expect(takeFragmentToken(page)).toBe(null)
    expect(takePageToken(page)).toBe('abc_-1')
  })

  it('keeps the rest of the address and of the fragment', () => {
    const { page, href } = tab('http://127.0.0.1:5917/?lang=zh#token=abc&panel=models')
    expect(takePageToken(page)).toBe('abc')
    expect(href()).toBe('http://127.0.0.1:5917/?lang=zh#panel=models')
  })

  it('lets a new address replace the token of an earlier load (a restarted quire serve)', () => {
    const storage = new Map([[TOKEN_STORAGE_KEY, 'old']])
    expect(takePageToken(tab('http://127.0.0.1:5917/#token=new', storage).page)).toBe('new')
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new')
  })

  it('is null on a page opened without it, and when the fragment holds an empty one', () => {
    expect(takePageToken(tab('http://127.0.0.1:5917/').page)).toBe(null)
    const empty = tab('http://127.0.0.1:5917/#token=')
    expect(takePageToken(empty.page)).toBe(null)
    expect(empty.href()).toBe('http://127.0.0.1:5917/')
  })

  it('still works for this load when the browser refuses storage', () => {
    const { page } = tab('http://127.0.0.1:5917/#token=abc')
    page.sessionStorage.setItem = () => {
      throw new Error('SecurityError')
    }
    page.sessionStorage.getItem = () => {
      throw new Error('SecurityError')
    }
    expect(takePageToken(page)).toBe('abc')
    expect(takePageToken(page)).toBe(null)
  })
})
