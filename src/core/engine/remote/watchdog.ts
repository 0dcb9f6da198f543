/** Calls `onExpire` once when `kick()` has not been called for `ms`: an idle timeout. */
export class Watchdog {
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly ms: number,
    private readonly onExpire: () => void,
  ) {}

  /** Starts, or restarts, the countdown. */
  kick(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(this.onExpire, this.ms)
  }

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
