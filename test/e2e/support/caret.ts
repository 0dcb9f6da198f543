import type { Page } from 'playwright-core'

/** Where one end of the editor's DOM selection is: its top-level block and text offset in it. */
export type CaretEnd = {
  /** Index of the editor's top-level block holding it. */
  block: number
  /** Characters of that block before it. */
  offset: number
  /** The block's length in characters. */
  length: number
}

/** What a writer sees of the selection: both ends, whether it is collapsed, and if the caret is in sight. */
export type CaretView = {
  anchor: CaretEnd
  focus: CaretEnd
  collapsed: boolean
  /** Whether the focus end (the caret) lies inside the window. */
  inView: boolean
  blocks: number
}

/** Reads the editor's DOM selection as blocks and offsets (null when it is not in the editor). */
export function caretView(page: Page): Promise<CaretView | null> {
  return page.getByTestId('editor').evaluate((root) => {
    const selection = window.getSelection()
    if (!selection?.anchorNode || !selection.focusNode) return null
    const end = (node: Node, offset: number) => {
      let block: Node | null = node
      while (block && block.parentNode !== root) block = block.parentNode
      if (!block) {
        // A selection on the root itself: offset counts its children.
        const child = root.children[Math.min(offset, root.children.length - 1)]
        const atEnd = offset >= root.children.length
        const length = child?.textContent?.length ?? 0
        return {
          block: Math.min(offset, root.children.length - 1),
          offset: atEnd ? length : 0,
          length,
        }
      }
      const before = document.createRange()
      before.setStart(block, 0)
      before.setEnd(node, offset)
      return {
        block: [...root.children].indexOf(block as Element),
        offset: before.toString().length,
        length: block.textContent?.length ?? 0,
      }
    }
    const caret = document.createRange()
    caret.setStart(selection.focusNode, selection.focusOffset)
    const rects = caret.getClientRects()
    const rect =
      rects[0] ??
      (selection.focusNode instanceof Element
        ? selection.focusNode.getBoundingClientRect()
        : selection.focusNode.parentElement?.getBoundingClientRect())
    return {
      anchor: end(selection.anchorNode, selection.anchorOffset),
      focus: end(selection.focusNode, selection.focusOffset),
      collapsed: selection.isCollapsed,
      inView: !!rect && rect.bottom > 0 && rect.top < window.innerHeight,
      blocks: root.children.length,
    }
  })
}
