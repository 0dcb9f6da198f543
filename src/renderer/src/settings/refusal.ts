import type { TFunction } from 'i18next'
import type { Language } from '@shared/contract'
import { hostErrorText, type HostMessage } from '../i18n/hostText'
import {
  phraseRowProblem,
  type FieldErrors,
  type FieldKey,
  type LocalProblem,
  type NumberField,
  type SettingsDraft,
} from './draft'
import { limits } from './limits'

/** Where the host's settings paths are shown. */
const fieldOfPath: Record<string, FieldKey> = {
  promptLanguage: 'promptLanguage',
  'engine.backend': 'backend',
  'engine.threads': 'threads',
  'engine.contextSize': 'contextSize',
  'engine.gpu': 'gpu',
  'engine.gpuLayers': 'gpuLayers',
  'engine.sequences': 'sequences',
  'remote.baseUrl': 'remoteUrl',
  'remote.model': 'remoteModel',
  'remote.timeoutMs': 'timeoutSeconds',
  documentsFolder: 'documentsFolder',
  hfEndpoint: 'hfEndpoint',
}

/** A clean-up row is found by its position among the rows that were sent. */
function fieldOfPhrasePath(
  path: string,
  sentRows: Record<Language, number[]>,
): FieldKey | undefined {
  const match = /^replacements\.(zh|en)(?:\.(\d+))?/.exec(path)
  if (!match) return undefined
  const language = match[1] as Language
  const key = match[2] === undefined ? undefined : sentRows[language][Number(match[2])]
  return key === undefined ? `phrases.${language}` : `phrase.${language}.${key}`
}

/** A refused settings change: the fields at fault, and whether part of it names no field. */
export type Refusal = {
  fields: FieldKey[]
  /** A place the form has no field for (or none at all): said as a whole, not beside a field. */
  unplaced: boolean
  /** The documents folder exists as a setting but cannot be used (not writable, a file). */
  unusableFolder: { folder: string; reason: string } | null
}

/**
 * Where the host refused a settings change, from the error's key and the paths it sends with
 * it (never from its English words): the contract's own check ('invalid-input', `paths`), the
 * settings store ('setting-invalid', `field`), and a folder Quire cannot write to.
 */
export function readRefusal(error: HostMessage, sentRows: Record<Language, number[]>): Refusal {
  const params = error.params ?? {}
  const text = (name: string): string => {
    const value = params[name]
    return value === undefined ? '' : String(value)
  }
  if (error.key === 'documents-folder-unusable')
    return {
      fields: ['documentsFolder'],
      unplaced: false,
      unusableFolder: { folder: text('folder'), reason: text('reason') },
    }
  const paths =
    error.key === 'invalid-input'
      ? text('paths').split(' ').filter(Boolean)
      : error.key === 'setting-invalid'
        ? [text('field')]
        : []
  const fields = new Set<FieldKey>()
  let unplaced = paths.length === 0
  for (const path of paths) {
    const field = fieldOfPhrasePath(path, sentRows) ?? fieldOfPath[path]
    if (field) fields.add(field)
    else unplaced = true
  }
  return { fields: [...fields], unplaced, unusableFolder: null }
}

const isNumberField = (field: FieldKey): field is NumberField => field in limits

/** What is wrong with one field, in the interface language: found as the writer typed, or refused by the host. */
export function describeProblem(
  t: TFunction,
  language: string,
  draft: SettingsDraft | null,
  field: FieldKey,
  problem: LocalProblem['kind'] | 'refused',
): string {
  if (problem === 'required') return t('settings.errors.required')
  if (isNumberField(field)) {
    const format = new Intl.NumberFormat(language).format
    return t('settings.errors.range', {
      min: format(limits[field].min),
      max: format(limits[field].max),
    })
  }
  if (field === 'remoteUrl') return t('settings.errors.url')
  if (field === 'documentsFolder') return t('settings.documents.folderInvalid')
  if (field === 'hfEndpoint') return t('settings.models.endpointInvalid')
  const phrase = draft && problem === 'refused' ? phraseRowProblem(draft, field) : null
  return phrase ? t(`settings.errors.phrase-${phrase}`) : t('settings.errors.invalid')
}

/** A refused save as the form shows it: a message beside each field at fault, and one for the rest. */
export function refusalErrors(
  t: TFunction,
  language: string,
  draft: SettingsDraft,
  error: HostMessage,
  sentRows: Record<Language, number[]>,
): { errors: FieldErrors; problem: string | null } {
  const refusal = readRefusal(error, sentRows)
  const errors: FieldErrors = {}
  for (const field of refusal.fields)
    errors[field] =
      field === 'documentsFolder' && refusal.unusableFolder
        ? t('settings.documents.folderUnusable', refusal.unusableFolder)
        : describeProblem(t, language, draft, field, 'refused')
  const problem = !refusal.unplaced
    ? null
    : refusal.fields.length > 0 || error.key === 'invalid-input' || error.key === 'setting-invalid'
      ? t('settings.errors.refused')
      : hostErrorText(t, error)
  return { errors, problem }
}
