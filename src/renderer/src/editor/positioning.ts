export type Placement = { top: number; left: number }

/** The bounding box of the browser's current selection, relative to `container`. */
export function selectionBox(
  container: HTMLElement,
): { top: number; bottom: number; left: number; right: number } | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const rect = selection.getRangeAt(0).getBoundingClientRect()
  if (rect.width === 0 && rect.height === 0) return null
  const box = container.getBoundingClientRect()
  return {
    top: rect.top - box.top,
    bottom: rect.bottom - box.top,
    left: rect.left - box.left,
    right: rect.right - box.left,
  }
}

/** Keeps a floating element of `width` inside the container horizontally. */
export function clampLeft(left: number, width: number, container: HTMLElement): number {
  return Math.max(0, Math.min(left, container.clientWidth - width))
}

/** The box of an element relative to `container`: where a card goes when the page has no selection (a panel had focus). */
export function nodeBox(
  element: HTMLElement | null,
  container: HTMLElement,
): { top: number; bottom: number; left: number; right: number } | null {
  if (!element) return null
  const rect = element.getBoundingClientRect()
  const box = container.getBoundingClientRect()
  return {
    top: rect.top - box.top,
    bottom: rect.bottom - box.top,
    left: rect.left - box.left,
    right: rect.right - box.left,
  }
}
