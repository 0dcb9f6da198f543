import i18next from 'i18next'
import { hostErrorText } from '../i18n/hostText'
import { useCallback, useEffect, useState } from 'react'
import type { LibraryListing } from '@shared/prompts/libraryContract'
import type { QuireApi } from '@shared/contract'

/** The library listing, fetched again whenever the host says the library changed. */
export function useLibrary(api: QuireApi): {
  listing: LibraryListing | null
  error: string | null
  refresh(): void
} {
  const [state, setState] = useState<{ listing: LibraryListing | null; error: string | null }>({
    listing: null,
    error: null,
  })
  const refresh = useCallback(() => {
    api.listLibrary().then(
      (listing) => setState({ listing, error: null }),
      (error: unknown) => setState((s) => ({ ...s, error: hostErrorText(i18next.t, error) })),
    )
  }, [api])
  useEffect(() => {
    refresh()
    return api.onEvent((event) => {
      if (event.type === 'library-changed') refresh()
    })
  }, [api, refresh])
  return { ...state, refresh }
}
