import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { dispatchCall, type ContractHandlers } from '@shared/contract'
import { documentsFolderUnusable, settingInvalid } from '@shared/settings/refusals'
import { settingsPatchSchema, settingsSchema } from '@shared/settings/schema'
import { asHostMessage } from '../../../../src/renderer/src/i18n/hostText'
import { resources } from '../../../../src/renderer/src/i18n'
import { phraseRow, toDraft } from '../../../../src/renderer/src/settings/draft'
import { readRefusal, refusalErrors } from '../../../../src/renderer/src/settings/refusal'

/** What the host throws for a refused change, as the renderer receives it. */
const refused = (work: () => Promise<unknown>) =>
  work().then(
    () => {
      throw new Error('the host took it')
    },
    (error: unknown) => asHostMessage(error),
  )

const noRows = { zh: [], en: [] }
const defaults = settingsSchema.parse({})
const zh = i18next.createInstance()
const en = i18next.createInstance()
beforeAll(async () => {
  await zh.init({ resources, lng: 'zh', interpolation: { escapeValue: false } })
  await en.init({ resources, lng: 'en', interpolation: { escapeValue: false } })
})

describe('a settings change the host refuses', () => {
  it("marks each field the contract's check refused, in the writer's language", async () => {
    const error = await refused(() =>
      dispatchCall({} as ContractHandlers, 'updateSettings', {
        engine: { threads: 100_000 },
        remote: { model: 'm'.repeat(300) },
      }),
    )
    expect(readRefusal(error, noRows)).toEqual({
      fields: ['threads', 'remoteModel'],
      unplaced: false,
      unusableFolder: null,
    })
    const draft = toDraft(defaults)
    const inZh = refusalErrors(zh.t, 'zh', draft, error, noRows)
    expect(inZh.problem).toBeNull()
    expect(inZh.errors).toEqual({
      threads: zh.t('settings.errors.range', { min: '0', max: '256' }),
      remoteModel: zh.t('settings.errors.invalid'),
    })
    // Before, the model field showed the host's own words: "Too big: expected string to have <=200 characters".
    for (const text of Object.values(inZh.errors)) expect(text).not.toMatch(/[A-Za-z]{3}/)
  })

  it('marks the field the settings store refused, and the clean-up row by its place among those sent', () => {
    // The settings store's refusal, for the first problem its check finds.
    const checked = settingsPatchSchema.safeParse({ remote: { model: 'm'.repeat(300) } })
    const error = asHostMessage(settingInvalid(checked.error?.issues[0]))
    expect(readRefusal(error, noRows).fields).toEqual(['remoteModel'])

    const draft = toDraft(defaults)
    const row = phraseRow('雨', '大雨')
    draft.replacements.zh = { useDefaults: false, rows: [phraseRow('风', '微风'), row] }
    const rows = { zh: [1, row.key], en: [] }
    const phrase = { key: 'invalid-input', message: '', params: { paths: 'replacements.zh.1.1' } }
    expect(refusalErrors(zh.t, 'zh', draft, phrase, rows).errors).toEqual({
      [`phrase.zh.${row.key}`]: zh.t('settings.errors.phrase-contains'),
    })
  })

  it('says why a documents folder cannot be used, beside the folder field', () => {
    const error = asHostMessage(documentsFolderUnusable('/home/ann/notes.txt', 'EEXIST'))
    const inZh = refusalErrors(zh.t, 'zh', toDraft(defaults), error, noRows)
    expect(inZh.errors).toEqual({
      documentsFolder:
        'Quire 无法使用 /home/ann/notes.txt（EEXIST）。请选择一个你可以写入的文件夹。',
    })
    expect(inZh.problem).toBeNull()
  })

  it("says a refusal no field explains as a whole, in the writer's language", () => {
    const draft = toDraft(defaults)
    const nowhere = {
      key: 'invalid-input',
      message: 'settings: Invalid input',
      params: { paths: '' },
    }
    expect(refusalErrors(zh.t, 'zh', draft, nowhere, noRows)).toEqual({
      errors: {},
      problem: zh.t('settings.errors.refused'),
    })
    const unwritable = {
      key: 'settings-unopened',
      message: 'settings.json is unreadable',
      params: { reason: 'settings.json is unreadable' },
    }
    const said = refusalErrors(en.t, 'en', draft, unwritable, noRows)
    expect(said.errors).toEqual({})
    expect(said.problem).toBe(en.t('host.messages.settings-unopened', unwritable.params))
  })
})
