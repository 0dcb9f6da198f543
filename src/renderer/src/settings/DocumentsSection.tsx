import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { DocumentsFolder } from '@shared/documents'
import { TextField } from './Field'
import { setter, type SectionProps } from './sectionProps'

/** Where the writer's documents live; the folder in effect and where backups go, read from the host. */
export function DocumentsSection({ api, draft, errors, edit }: SectionProps & { api: QuireApi }) {
  const { t } = useTranslation()
  const [inEffect, setInEffect] = useState<DocumentsFolder | null>(null)
  useEffect(() => {
    let live = true
    api.getDocumentsFolder().then(
      (folder) => live && setInEffect(folder),
      () => {},
    )
    return () => {
      live = false
    }
  }, [api])
  return (
    <section className="panel-section" aria-labelledby="settings-documents">
      <h3 id="settings-documents">{t('settings.documents.title')}</h3>
      <TextField
        label={t('settings.documents.folder')}
        testId="setting-documents-folder"
        value={draft.documentsFolder}
        onChange={setter(edit, 'documentsFolder')}
        placeholder={t('settings.documents.default')}
        error={errors.documentsFolder}
        hint={
          <>
            {t('settings.documents.folderHint')}
            {inEffect && (
              <span className="documents-in-effect" data-testid="documents-folder-in-effect">
                {' '}
                {t(
                  inEffect.source === 'override'
                    ? 'settings.documents.overridden'
                    : 'settings.documents.inEffect',
                  { folder: inEffect.folder },
                )}{' '}
                {t('settings.documents.backups', { folder: inEffect.backupsFolder })}
              </span>
            )}
          </>
        }
      />
    </section>
  )
}
