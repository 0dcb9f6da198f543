import { useTranslation } from 'react-i18next'
import type { DocumentSession } from './documentSession'
import type { SessionView } from './sessionTypes'
import { errorText } from './errorText'
import { fromErrorPayload } from '@shared/contract'

/**
 * The notices about the open document's file, above the text where the writer sees them: a
 * recovered backup, a conflict with the disk, a file gone from disk, a save the host refused.
 */
export function DocumentBars({
  view,
  session,
}: {
  view: SessionView
  session: DocumentSession | null
}) {
  const { t, i18n } = useTranslation()
  if (!session) return null
  return (
    <div className="doc-bars">
      {view.conflict && (
        <div className="doc-bar doc-bar-conflict" role="alert" data-testid="conflict-bar">
          <span>{t('documents.conflict')}</span>
          <span className="doc-bar-actions">
            <button
              type="button"
              className="button primary"
              data-testid="conflict-keep-mine"
              onClick={() => void session.keepMine()}
            >
              {t('documents.keepMine')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="conflict-take-theirs"
              onClick={() => session.takeTheirs()}
            >
              {t('documents.takeTheirs')}
            </button>
          </span>
        </div>
      )}
      {view.recovered && !view.conflict && (
        <div className="doc-bar doc-bar-recovered" role="alert" data-testid="recovered-bar">
          <span>
            {t('documents.recovered', {
              time: new Date(view.recovered.backupMs).toLocaleString(i18n.language, {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </span>
          <span className="doc-bar-actions">
            <button
              type="button"
              className="button primary"
              data-testid="recovered-keep"
              onClick={() => void session.keepRecovered()}
            >
              {t('documents.keepRecovered')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="recovered-discard"
              onClick={() => session.discardRecovered()}
            >
              {t('documents.discardRecovered')}
            </button>
          </span>
        </div>
      )}
      {view.removed && (
        <div className="doc-bar doc-bar-removed" role="status" data-testid="removed-bar">
          {t('documents.removed')}
        </div>
      )}
      {view.error && (
        <div className="doc-bar doc-bar-error" role="alert" data-testid="save-error">
          {errorText(t, fromErrorPayload(view.error))}
        </div>
      )}
    </div>
  )
}
