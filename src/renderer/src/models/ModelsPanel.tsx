import { useTranslation } from 'react-i18next'
import type { EngineStatus, QuireApi } from '@shared/contract'
import { Drawer } from '../ui/Drawer'
import { AddModelFile } from './AddModelFile'
import { EndpointField } from './EndpointField'
import { LinkDownload } from './LinkDownload'
import { LoadedModel } from './LoadedModel'
import { ModelList } from './ModelList'
import { useModels } from './useModels'

export type ModelsPanelProps = {
  api: QuireApi
  pickModelFile: (() => Promise<string | null>) | null
  status: EngineStatus | null
  onClose(): void
}

/** Models: the one in use, the catalog with downloads, the writer's own files, and links. */
export function ModelsPanel({ api, pickModelFile, status, onClose }: ModelsPanelProps) {
  const { t } = useTranslation()
  const { state, actions } = useModels(api)
  const added =
    state.arrived?.place === 'add'
      ? (state.entries?.find((entry) => entry.path === state.arrived?.path) ?? null)
      : null

  return (
    <Drawer testId="models-panel" title={t('panel.models')} onClose={onClose}>
      <LoadedModel status={status} />
      <ModelList state={state} status={status} actions={actions} />
      <AddModelFile
        pickModelFile={pickModelFile}
        busy={state.busy.add === true}
        error={state.errors.add ?? null}
        added={added}
        onAdd={actions.add}
      />
      <LinkDownload state={state} actions={actions} />
      <EndpointField api={api} />
    </Drawer>
  )
}
