/** Secrets Quire keeps out of settings.json: read when needed, never logged or sent to the renderer. */
export type SecretStore = {
  get(name: SecretName): Promise<string | null>
  /** Saves a secret; null removes it. Throws a QuireError where secrets cannot be stored. */
  set(name: SecretName, value: string | null): Promise<void>
  /** Whether `set` keeps a secret across launches. */
  readonly persistent: boolean
}

/** The secrets there are. */
export const secretNames = ['remote-api-key'] as const
export type SecretName = (typeof secretNames)[number]
