import { useEffect, useState } from 'react'
import type { EngineStatus, QuireApi } from '@shared/contract'

/** The engine's status, kept current by its status events. */
export function useEngineStatus(api: QuireApi): EngineStatus | null {
  const [status, setStatus] = useState<EngineStatus | null>(null)
  useEffect(() => {
    let live = true
    const unsubscribe = api.onEvent((event) => {
      if (event.type === 'status') setStatus(event.status)
    })
    api.getStatus().then(
      (current) => live && setStatus((seen) => seen ?? current),
      () => {},
    )
    return () => {
      live = false
      unsubscribe()
    }
  }, [api])
  return status
}
