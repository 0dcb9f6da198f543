import { useTranslation } from 'react-i18next'

/**
 * What a browser tab opened without `quire serve`'s token shows instead of an editor that could
 * never connect: where the right address is, and why it matters.
 */
export function MissingTokenPage() {
  const { t } = useTranslation()
  const example = `${window.location.origin}/#token=…`
  return (
    <main className="missing-token" data-testid="missing-token">
      <h1 className="app-name">{t('app.title')}</h1>
      <h2>{t('access.title')}</h2>
      <p>{t('access.howTo')}</p>
      <pre className="missing-token-example">
        <code>Quire is running at {example}</code>
      </pre>
      <p>{t('access.why')}</p>
    </main>
  )
}
