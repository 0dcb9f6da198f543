import type { FieldErrors, SettingsDraft } from './draft'

export type EditDraft = (change: (draft: SettingsDraft) => SettingsDraft) => void

/** What every section receives: the draft, its errors, and the one way to change it. */
export type SectionProps = { draft: SettingsDraft; errors: FieldErrors; edit: EditDraft }

type ScalarKey = Exclude<keyof SettingsDraft, 'replacements'>

/** An onChange for one draft field. */
export const setter =
  <K extends ScalarKey>(edit: EditDraft, key: K) =>
  (value: SettingsDraft[K]): void =>
    edit((draft) => ({ ...draft, [key]: value }))
