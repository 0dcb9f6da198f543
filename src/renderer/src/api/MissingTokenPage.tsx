import { useTranslation } from 'react-i18next'
import { servingLine } from '@shared/contract/socketProtocol'
import type { MissingToken } from '.'

/**
 * What a browser tab opened without `quire serve`'s token shows instead of an editor that could
 * never connect: where the right address is, and why it matters.
 */
export function MissingTokenPage({ reason }: { reason: MissingToken }) {
  const { t } = useTranslation()
  const example = `${window.location.origin}/#token=…`
  return (
    <main className="missing-token" data-testid="missing-token" data-reason={reason}>
      <h1 className="app-name">{t('app.title')}</h1>
      <h2>{t('access.title')}</h2>
      {reason === 'old-token' && <p>{t('access.oldToken')}</p>}
      <p>{reason === 'old-token' ? t('access.howToAgain') : t('access.howTo')}</p>
      <pre className="missing-token-example">
        <code>{servingLine(example)}</code>
      </pre>
      <p>{t('access.why')}</p>
    </main>
  )
}
