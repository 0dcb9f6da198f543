/** Lets the editor's right-click menu open the palette, which lives beside the editor. */
type Listener = (mode: 'all' | 'ask') => void
const listeners = new Set<Listener>()

/** Opens the command palette (in Ask mode for the writer's own instruction). */
export function requestPalette(mode: 'all' | 'ask' = 'all'): void {
  for (const listener of listeners) listener(mode)
}

/** Called when something asks for the palette; returns the unsubscribe. */
export function onPaletteRequest(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
