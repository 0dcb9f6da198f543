/** Collects a run's pieces of text and posts them to the host. */
export type DeltaBatcher = {
  /** A piece of the answer and the tokens generated so far. */
  add(text: string, tokens: number): void
  /** Posts what is held now (before the run's last message). */
  flush(): void
}

/**
 * The first piece of a run is posted at once: the writer waits for it, and nothing is gained by
 * holding it. Later pieces are held until the event loop turns (`defer`, setImmediate), by which
 * time the generation loop has handed the next token to llama.cpp: the send (serialising, the
 * pipe) then overlaps that token's work instead of delaying it, and the pieces of one turn go as
 * one message.
 */
export function deltaBatcher(
  post: (text: string, tokens: number) => void,
  defer: (callback: () => void) => void = setImmediate,
): DeltaBatcher {
  let text = ''
  let tokens = 0
  let sentAny = false
  let scheduled = false
  const flush = (): void => {
    scheduled = false
    if (text === '') return
    const held = text
    text = ''
    post(held, tokens)
  }
  return {
    add: (piece, count) => {
      text += piece
      tokens = count
      if (!sentAny) {
        sentAny = true
        return flush()
      }
      if (scheduled) return
      scheduled = true
      defer(flush)
    },
    flush,
  }
}
