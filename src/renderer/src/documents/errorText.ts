import type { TFunction } from 'i18next'
import { QuireError } from '@shared/contract'

/** A host failure in the writer's language: translated by its code, else the host's message. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof QuireError) {
    const key = `documents.errors.${error.code}`
    return t(key, { defaultValue: error.message, message: error.message })
  }
  return error instanceof Error ? error.message : String(error)
}
