import { useCallback, useEffect, useRef, useState } from 'react'

/** What a guarded panel shows and does while it asks about unsaved edits. */
export type UnsavedGuard = {
  /** An action is waiting for the writer's answer. */
  asking: boolean
  /** Runs `action` now, or first asks when there are unsaved edits (asking again cancels). */
  request(action: () => void): void
  /** Discards the edits: the waiting action runs. */
  discard(): void
  /** Keeps editing: the waiting action is dropped and focus goes back where it was. */
  keep(): void
}

type Registered = { dirty: () => boolean; request(action: () => void): void }
const active = new Set<Registered>()

/**
 * Runs `action` (e.g. switching panels from the header) unless a mounted panel has unsaved
 * edits; then that panel asks first.
 */
export function runUnlessUnsaved(action: () => void): void {
  const guard = [...active].find((candidate) => candidate.dirty())
  if (guard) guard.request(action)
  else action()
}

/**
 * Asks before an action would lose unsaved edits (Esc, Close, another prompt, another panel).
 * The panel renders `<UnsavedPrompt guard={…} />` while `asking`.
 */
export function useUnsavedGuard(dirty: boolean): UnsavedGuard {
  const [pending, setPending] = useState<{ action: () => void } | null>(null)
  const isDirty = useRef(dirty)
  const returnFocus = useRef<HTMLElement | null>(null)
  useEffect(() => {
    isDirty.current = dirty
  }, [dirty])

  const request = useCallback((action: () => void) => {
    if (!isDirty.current) return action()
    setPending((current) => {
      if (current) return null
      returnFocus.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null
      return { action }
    })
  }, [])

  useEffect(() => {
    const registered: Registered = { dirty: () => isDirty.current, request }
    active.add(registered)
    return () => {
      active.delete(registered)
    }
  }, [request])

  const discard = useCallback(() => {
    setPending(null)
    isDirty.current = false
    pending?.action()
  }, [pending])
  const keep = useCallback(() => {
    setPending(null)
    returnFocus.current?.focus()
  }, [])

  return { asking: pending !== null, request, discard, keep }
}
