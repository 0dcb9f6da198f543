/** Keeps the last few kilobytes of a process's native output, to explain how it died. */
export class OutputTail {
  private text = ''

  constructor(private readonly limit = 16_384) {}

  push(chunk: string | Uint8Array): void {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit)
  }

  toString(): string {
    return this.text
  }
}
