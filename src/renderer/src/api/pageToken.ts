import { PAGE_TOKEN_PARAM } from '@shared/contract/socketProtocol'

/** Where this tab keeps the token between reloads (sessionStorage: this tab only, gone when it closes). */
export const TOKEN_STORAGE_KEY = 'quire.token'

type Page = Pick<Window, 'location' | 'history' | 'sessionStorage'>

function stored(page: Page): string | null {
  try {
    return page.sessionStorage.getItem(TOKEN_STORAGE_KEY) || null
  } catch {
    return null // storage turned off: only the address can carry the token
  }
}

/**
 * The token `quire serve` put in the address's fragment (`#token=…`), if there is one: removed
 * from the address at once (so it is not in history, bookmarks, screenshots or a shared link)
 * and kept in this tab's sessionStorage, so reloading the tab still works.
 */
export function takeFragmentToken(page: Page = window): string | null {
  const fragment = new URLSearchParams(page.location.hash.slice(1))
  const fresh = fragment.get(PAGE_TOKEN_PARAM)
  if (fresh === null) return null
  fragment.delete(PAGE_TOKEN_PARAM)
  const rest = fragment.toString()
  const { pathname, search } = page.location
  page.history.replaceState(page.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`)
  if (!fresh) return null
  try {
    page.sessionStorage.setItem(TOKEN_STORAGE_KEY, fresh)
  } catch {
    // Without storage a reload needs the printed address again; this load still works.
  }
  return fresh
}

/** The token this page was opened with: from the address, else from an earlier load of this tab; null when neither has one. */
export function takePageToken(page: Page = window): string | null {
  return takeFragmentToken(page) ?? stored(page)
}
