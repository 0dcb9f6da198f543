import { hostErrorText } from '../i18n/hostText'
import { useTranslation } from 'react-i18next'
import type { EngineStatus, ModelListEntry } from '@shared/contract'
import { isLinkFile } from './links'
import { ModelRow } from './ModelRow'
import { isLink, type ModelsState } from './modelsState'
import type { ModelsActions } from './useModels'

type Props = { state: ModelsState; status: EngineStatus | null; actions: ModelsActions }

/** The catalog's models, then the writer's own files (added or downloaded from a link). */
export function ModelList({ state, status, actions }: Props) {
  const { t } = useTranslation()
  const entries = state.entries ?? []
  // A link download the panel is following shows in the link section, not twice.
  const followed = Object.keys(state.downloads).filter(isLink)
  const own = entries.filter(
    (entry) =>
      entry.source !== 'catalog' &&
      !(
        entry.source === 'downloaded' &&
        entry.status === 'partial' &&
        followed.some((link) => isLinkFile(link, entry.title))
      ),
  )
  const row = (entry: ModelListEntry) => (
    <ModelRow
      key={entry.id}
      entry={entry}
      download={state.downloads[entry.id] ?? null}
      status={status}
      error={state.errors[entry.id] ?? null}
      busy={state.busy[entry.id] === true}
      arrived={state.arrived !== null && state.arrived.path === entry.path}
      actions={actions}
    />
  )

  return (
    <>
      <section className="panel-section" data-testid="models-catalog">
        <h3>{t('models.catalog.heading')}</h3>
        {state.entries === null && !state.errors.list && (
          <p className="field-hint">{t('models.catalog.loading')}</p>
        )}
        {state.errors.list && (
          <p className="models-error" role="alert" data-testid="model-error">
            {hostErrorText(t, state.errors.list)}
          </p>
        )}
        <ul className="models-rows">
          {entries.filter((entry) => entry.source === 'catalog').map(row)}
        </ul>
      </section>
      <section className="panel-section" data-testid="models-own">
        <h3>{t('models.own.heading')}</h3>
        {own.length === 0 ? (
          <p className="field-hint">{t('models.own.none')}</p>
        ) : (
          <ul className="models-rows">{own.map(row)}</ul>
        )}
      </section>
    </>
  )
}
