import { QuireError } from '../contract/errors'

/**
 * The host's refusal of a settings value. It names the value's place (`field`, "engine.threads")
 * so the Settings form can mark that field and say what is wrong in the writer's language.
 */
export function settingInvalid(
  issue: { path: readonly PropertyKey[]; message: string } | undefined,
): QuireError {
  const field = issue?.path.map(String).join('.') || 'settings'
  const reason = issue?.message ?? 'invalid'
  return new QuireError('invalid-request', `${field}: ${reason}`, 'setting-invalid', {
    field,
    reason,
  })
}

/** A documents folder Quire cannot create or write to; `reason` is the system's code (EACCES). */
export function documentsFolderUnusable(folder: string, reason: string): QuireError {
  return new QuireError(
    'invalid-request',
    `documentsFolder: Quire cannot use ${folder} (${reason}). Choose a folder you can write to.`,
    'documents-folder-unusable',
    { folder, reason },
  )
}
