/**
 * Cuts streamed text at the first of a request's `stop` strings. Text that might be the start
 * of a stop string is held back until the next piece shows whether it is.
 */
export class StopMatcher {
  private held = ''
  private readonly stops: readonly string[]

  constructor(stops: readonly string[]) {
    this.stops = stops.filter((stop) => stop.length > 0)
  }

  /** Adds a piece; returns what can be shown now and whether a stop string was reached. */
  push(piece: string): { text: string; stopped: boolean } {
    if (this.stops.length === 0) return { text: piece, stopped: false }
    const buffer = this.held + piece
    let cut = -1
    for (const stop of this.stops) {
      const at = buffer.indexOf(stop)
      if (at !== -1 && (cut === -1 || at < cut)) cut = at
    }
    if (cut !== -1) {
      this.held = ''
      return { text: buffer.slice(0, cut), stopped: true }
    }
    let keep = 0
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, buffer.length); length > keep; length--) {
        if (buffer.endsWith(stop.slice(0, length))) {
          keep = length
          break
        }
      }
    }
    this.held = buffer.slice(buffer.length - keep)
    return { text: buffer.slice(0, buffer.length - keep), stopped: false }
  }

  /** The text held back when the answer ended without reaching a stop string. */
  flush(): string {
    const rest = this.held
    this.held = ''
    return rest
  }
}
