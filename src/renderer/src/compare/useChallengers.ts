import { useEffect, useState } from 'react'
import type { QuireApi } from '@shared/contract'
import type { LibraryListing } from '@shared/prompts/libraryContract'

type Named = { id: string; title: string }

/** The presets and personas (in each language) Compare can try; kept current with the library. */
export function useLibraryChoices(api: QuireApi): {
  presets: Named[]
  personas: (Named & { language: 'zh' | 'en' })[]
} {
  const [listing, setListing] = useState<Pick<LibraryListing, 'presets' | 'personas'> | null>(null)
  useEffect(() => {
    let live = true
    const load = (): void => {
      api.listLibrary().then(
        (next) => live && setListing(next),
        () => {},
      )
    }
    load()
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'library-changed') load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [api])
  return { presets: listing?.presets ?? [], personas: listing?.personas ?? [] }
}
