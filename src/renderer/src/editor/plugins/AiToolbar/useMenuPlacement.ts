import { useCallback, type RefObject } from 'react'

const MARGIN = 8
const GAP = 6
const PREFERRED = 320
const SMALLEST = 120

/** Where a menu opens beside its button: below, or above when the window has more room there. */
export type MenuPlacement = { up: boolean; maxHeight: number; alignRight: boolean }

/** Picks the side with room for a menu of `wanted` px (below by default) and caps its height. */
export function placeMenu(
  button: { top: number; bottom: number; left: number },
  view: { width: number; height: number },
  wanted: number,
  width: number,
): MenuPlacement {
  const below = view.height - button.bottom - GAP - MARGIN
  const above = button.top - GAP - MARGIN
  const need = Math.min(wanted, PREFERRED)
  const up = below < need && above > below
  return {
    up,
    maxHeight: Math.max(SMALLEST, Math.min(PREFERRED, up ? above : below)),
    alignRight: button.left + width > view.width - MARGIN,
  }
}

/**
 * A ref callback for a menu list: as it mounts, it opens on the side of `anchor` with room and
 * caps its height, so it stays inside the window (the More menu was clipped in a 700 px window).
 */
export function useMenuPlacement(
  anchor: RefObject<HTMLElement | null>,
): (list: HTMLElement | null) => void {
  return useCallback(
    (list: HTMLElement | null) => {
      if (!list || !anchor.current) return
      const placement = placeMenu(
        anchor.current.getBoundingClientRect(),
        { width: window.innerWidth, height: window.innerHeight },
        list.scrollHeight,
        list.offsetWidth,
      )
      list.style.maxHeight = `${placement.maxHeight}px`
      list.classList.toggle('menu-list-up', placement.up)
      list.classList.toggle('menu-list-right', placement.alignRight)
    },
    [anchor],
  )
}
