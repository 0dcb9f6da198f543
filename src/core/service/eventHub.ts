import type { EventListener, QuireEvent, Unsubscribe } from '@shared/contract'

/** Fans contract events out to every subscribed transport. */
export class EventHub {
  private readonly listeners = new Set<EventListener>()

  subscribe(listener: EventListener): Unsubscribe {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: QuireEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        console.error('quire: an event listener failed', error)
      }
    }
  }
}
