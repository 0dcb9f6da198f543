import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { SettingsDraft } from './draft'
import { Field } from './Field'
import { commonContextSizes } from './limits'
import { HardwareBox } from './HardwareBox'
import { LoadedModel } from './LoadedModel'
import { LocalEngineFields } from './LocalEngineFields'
import { RemoteEngineFields, type RemoteKeyProps } from './RemoteEngineFields'
import { setter, type SectionProps } from './sectionProps'

const backends = ['local', 'remote'] as const satisfies readonly SettingsDraft['backend'][]

type Props = SectionProps & { api: QuireApi; remoteKey: RemoteKeyProps }

/** Where the model runs, and how: this computer's engine or an OpenAI-compatible server. */
export function EngineSection({ api, remoteKey, ...section }: Props) {
  const { t } = useTranslation()
  const { draft, errors, edit } = section
  const setBackend = setter(edit, 'backend')
  const setContextSize = setter(edit, 'contextSize')
  return (
    <section className="panel-section" aria-labelledby="settings-engine">
      <h3 id="settings-engine">{t('settings.engine.title')}</h3>
      <fieldset className="settings-choice" data-testid="setting-backend">
        <legend>{t('settings.engine.backend')}</legend>
        <div className="settings-choice-options">
          {backends.map((backend) => (
            <label key={backend} className="settings-choice-option">
              <input
                type="radio"
                name="backend"
                value={backend}
                checked={draft.backend === backend}
                onChange={() => setBackend(backend)}
              />
              <span>{t(`settings.engine.${backend}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {errors.backend && <p className="field-error">{errors.backend}</p>}
      <p className="field-hint settings-reload-hint">
        {t(draft.backend === 'local' ? 'settings.engine.reloadHint' : 'settings.remote.checkHint')}
      </p>

      <Field
        label={t('settings.engine.contextSize')}
        testId="setting-context-size"
        hint={t(
          draft.backend === 'local'
            ? 'settings.engine.contextSizeHint'
            : 'settings.remote.contextSizeHint',
        )}
        error={errors.contextSize}
      >
        {(control) => (
          <>
            <input
              {...control}
              type="text"
              inputMode="numeric"
              list="settings-context-sizes"
              autoComplete="off"
              value={draft.contextSize}
              onChange={(event) => setContextSize(event.target.value)}
            />
            <datalist id="settings-context-sizes">
              {commonContextSizes.map((size) => (
                <option key={size} value={size} />
              ))}
            </datalist>
          </>
        )}
      </Field>

      {draft.backend === 'local' ? (
        <LocalEngineFields {...section} />
      ) : (
        <RemoteEngineFields {...section} remoteKey={remoteKey} />
      )}
      <LoadedModel api={api} />
      {draft.backend === 'local' && <HardwareBox api={api} />}
    </section>
  )
}
