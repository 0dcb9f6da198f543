/** How long Quire's own removal of a file explains a watcher's "file gone" for that file. */
const WINDOW_MS = 10_000

/**
 * Files Quire is removing itself (delete, rename, an Untitled document named by a save), so the
 * watcher does not report their disappearance as news. An entry expires, so a later removal by
 * another program is still reported.
 */
export class ExpectedRemovals {
  private readonly files = new Map<string, number>()

  constructor(private readonly now: () => number = Date.now) {}

  add(file: string): void {
    this.files.set(file, this.now())
  }

  /** Forgets an expected removal that did not happen (the removal failed). */
  delete(file: string): void {
    this.files.delete(file)
  }

  /** Whether Quire removed `file` itself just now; each expectation explains one removal. */
  take(file: string): boolean {
    const at = this.files.get(file)
    this.files.delete(file)
    return at !== undefined && this.now() - at <= WINDOW_MS
  }
}
