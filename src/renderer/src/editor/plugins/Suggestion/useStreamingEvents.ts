import { useEffect, useMemo, useRef } from 'react'
import { isGenerationEvent, type GenerationEvent, type QuireApi } from '@shared/contract'
import type { SuggestionAction } from './suggestionState'

type RequestEvent = GenerationEvent

/**
 * Feeds a request's events into the suggestion reducer. Deltas are gathered and flushed once
 * per animation frame, so a fast model does not cost one React render per token. Events that
 * arrive before `generate` has returned the request id are held until it has.
 */
export function useStreamingEvents(api: QuireApi, dispatch: (action: SuggestionAction) => void) {
  const active = useRef<string | null>(null)
  const awaiting = useRef(false)
  const early = useRef<RequestEvent[]>([])
  const buffer = useRef('')
  const frame = useRef<number | null>(null)
  const handleRef = useRef<(event: RequestEvent) => void>(() => {})

  useEffect(() => {
    const flush = (): void => {
      if (frame.current !== null) cancelAnimationFrame(frame.current)
      frame.current = null
      if (buffer.current && active.current)
        dispatch({ type: 'append', requestId: active.current, text: buffer.current })
      buffer.current = ''
    }
    const handle = (event: RequestEvent): void => {
      if (event.requestId !== active.current) return
      if (event.type === 'delta') {
        buffer.current += event.text
        frame.current ??= requestAnimationFrame(flush)
        return
      }
      // The card does not show these yet (issue 9, renderer side).
      if (event.type === 'waiting' || event.type === 'started') return
      flush()
      if (event.type === 'retry') return dispatch({ type: 'retry', requestId: event.requestId })
      active.current = null
      if (event.type === 'done') dispatch({ type: 'done', result: event })
      else dispatch({ type: 'failed', requestId: event.requestId, message: event.message })
    }
    const unsubscribe = api.onEvent((event) => {
      if (!isGenerationEvent(event)) return
      if (awaiting.current) early.current.push(event)
      else handle(event)
    })
    handleRef.current = handle
    return () => {
      unsubscribe()
      if (frame.current !== null) cancelAnimationFrame(frame.current)
    }
  }, [api, dispatch])

  return useMemo(
    () => ({
      /** Call before `generate`: holds events until the id is known. */
      expect(): void {
        awaiting.current = true
        active.current = null
        buffer.current = ''
        early.current = []
      },
      /** Call with the id `generate` returned: replays what arrived early. */
      follow(requestId: string): void {
        awaiting.current = false
        active.current = requestId
        for (const event of early.current.splice(0)) handleRef.current(event)
      },
      /** Stops following: later events of that request are ignored. */
      forget(): void {
        awaiting.current = false
        active.current = null
        buffer.current = ''
        early.current = []
      },
    }),
    [],
  )
}
