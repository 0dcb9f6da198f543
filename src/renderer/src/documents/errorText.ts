import type { TFunction } from 'i18next'
import { QuireError } from '@shared/contract'
import { hostErrorText } from '../i18n/hostText'

/** A host failure in the writer's language: the documents' own wording by code, else the host's message worded anew. */
export function errorText(t: TFunction, error: unknown): string {
  const message = hostErrorText(t, error)
  if (error instanceof QuireError) {
    const key = `documents.errors.${error.code}`
    return t(key, { defaultValue: message, message })
  }
  return message
}
