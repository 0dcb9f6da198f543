/**
 * Splits a text/event-stream into the `data` of each event, as the HTML spec reads it: lines
 * end in LF, CRLF or CR; `:` lines are comments; an event ends at a blank line; several `data:`
 * lines join with a newline. Other fields (event, id, retry) do not matter for chat streams.
 */
export class SseDecoder {
  private buffer = ''
  private data: string[] = []

  /** Feeds decoded text; returns the data of every event it completed. */
  push(text: string): string[] {
    this.buffer += text
    const events: string[] = []
    let start = 0
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i]
      if (char !== '\n' && char !== '\r') continue
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (char === '\r' && i === this.buffer.length - 1) break
      this.line(this.buffer.slice(start, i), events)
      if (char === '\r' && this.buffer[i + 1] === '\n') i++
      start = i + 1
    }
    this.buffer = this.buffer.slice(start)
    return events
  }

  /** The stream ended: an event still open is dispatched as if a blank line followed. */
  end(): string[] {
    const events: string[] = []
    if (this.buffer) this.line(this.buffer.replace(/\r$/, ''), events)
    this.buffer = ''
    this.line('', events)
    return events
  }

  private line(line: string, events: string[]): void {
    if (line === '') {
      if (this.data.length > 0) events.push(this.data.join('\n'))
      this.data = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    if (field !== 'data') return
    const value = colon === -1 ? '' : line.slice(colon + 1)
    this.data.push(value.startsWith(' ') ? value.slice(1) : value)
  }
}
