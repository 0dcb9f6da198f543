import { useEffect, useSyncExternalStore } from 'react'
import type { QuireApi } from '@shared/contract'
import { withRecentInstruction } from './recentInstructions'

/** The settings the editor reads as it runs: the writer's shortcuts and recent instructions. */
export type UserPrefs = {
  loaded: boolean
  shortcuts: Readonly<Record<string, string>>
  recentInstructions: readonly string[]
}

const EMPTY: UserPrefs = { loaded: false, shortcuts: {}, recentInstructions: [] }

/**
 * One copy per host of the prefs the host keeps in settings.json, shared by the toolbar, the
 * palette and Settings. Changes are saved through `updateSettings`; a failed save is undone.
 */
export class PrefsStore {
  private prefs: UserPrefs = EMPTY
  private listeners = new Set<() => void>()
  private loading: Promise<void> | null = null

  constructor(private readonly api: QuireApi) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get = (): UserPrefs => this.prefs

  /** Reads the settings once (again after a failure). */
  load(): Promise<void> {
    this.loading ??= this.api.getSettings().then(
      (settings) =>
        this.set({
          loaded: true,
          shortcuts: settings.shortcuts,
          recentInstructions: settings.recentInstructions,
        }),
      () => {
        this.loading = null
      },
    )
    return this.loading
  }

  /** Sets one action's shortcut ("" for none), or goes back to its default with null. */
  async setShortcut(actionId: string, shortcut: string | null): Promise<void> {
    const shortcuts = { ...this.prefs.shortcuts }
    if (shortcut === null) delete shortcuts[actionId]
    else shortcuts[actionId] = shortcut
    await this.save({ shortcuts })
  }

  /** Puts an instruction first among the recent ones. */
  async rememberInstruction(text: string): Promise<void> {
    await this.save({
      recentInstructions: withRecentInstruction(this.prefs.recentInstructions, text),
    })
  }

  private async save(change: {
    shortcuts?: Record<string, string>
    recentInstructions?: string[]
  }): Promise<void> {
    const before = this.prefs
    this.set({ ...before, ...change })
    try {
      const settings = await this.api.updateSettings(change)
      this.set({
        loaded: true,
        shortcuts: settings.shortcuts,
        recentInstructions: settings.recentInstructions,
      })
    } catch (error) {
      this.set(before)
      throw error
    }
  }

  private set(prefs: UserPrefs): void {
    this.prefs = prefs
    for (const listener of this.listeners) listener()
  }
}

const stores = new WeakMap<QuireApi, PrefsStore>()

/** The prefs store of one host. */
export function prefsStore(api: QuireApi): PrefsStore {
  let store = stores.get(api)
  if (!store) {
    store = new PrefsStore(api)
    stores.set(api, store)
  }
  return store
}

/** The writer's shortcuts and recent instructions, loaded on first use and kept current. */
export function usePrefs(api: QuireApi): { prefs: UserPrefs; store: PrefsStore } {
  const store = prefsStore(api)
  const prefs = useSyncExternalStore(store.subscribe, store.get)
  useEffect(() => {
    void store.load()
  }, [store])
  return { prefs, store }
}
