import { documentsFolderSettingSchema, hfEndpointSettingSchema } from '@shared/settings/schema'
import type { NumberField, SettingsDraft } from './draft'
import { limits } from './limits'

/** What is wrong with a field as typed: checked on every keystroke, before anything is sent. */
export type LiveProblem =
  | { field: NumberField; kind: 'required' | 'number' }
  | { field: 'remoteUrl' | 'documentsFolder' | 'hfEndpoint'; kind: 'invalid' }

/** Number fields an empty value means "automatic" for. */
const mayBeEmpty = new Set<NumberField>(['threads', 'gpuLayers'])
const numberFields = Object.keys(limits) as NumberField[]

/** Every problem in the draft as it stands; fields of the engine not in use are not checked. */
export function liveProblems(draft: SettingsDraft): LiveProblem[] {
  const problems: LiveProblem[] = []
  const remote = draft.backend === 'remote'
  for (const field of numberFields) {
    const remoteField = field === 'timeoutSeconds'
    const localField = field === 'threads' || field === 'gpuLayers' || field === 'sequences'
    if ((remoteField && !remote) || (localField && remote)) continue
    const text = draft[field].trim()
    if (text === '') {
      if (!mayBeEmpty.has(field)) problems.push({ field, kind: 'required' })
      continue
    }
    const { min, max } = limits[field]
    const value = Number(text)
    if (!/^\d+$/.test(text) || value < min || value > max) problems.push({ field, kind: 'number' })
  }
  if (
    remote &&
    draft.remoteUrl.trim() !== '' &&
    !/^https?:\/\/[^\s/]+\S*$/i.test(draft.remoteUrl.trim())
  )
    problems.push({ field: 'remoteUrl', kind: 'invalid' })
  if (!documentsFolderSettingSchema.safeParse(draft.documentsFolder).success)
    problems.push({ field: 'documentsFolder', kind: 'invalid' })
  if (!hfEndpointSettingSchema.safeParse(draft.hfEndpoint).success)
    problems.push({ field: 'hfEndpoint', kind: 'invalid' })
  return problems
}
