import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuireApi } from '@shared/contract'
import type { ExportedDocument, ExportFormat } from '@shared/documents'
import type { DocumentSession } from './documentSession'
import { errorText } from './errorText'

/** Hands the exported bytes to the browser as a download. */
function download(file: ExportedDocument): void {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Saves the open document and downloads it exported (also run from the command palette). */
export async function exportOpenDocument(
  api: QuireApi,
  session: DocumentSession,
  to: ExportFormat,
): Promise<void> {
  // The host exports the file: write the latest text first.
  await session.save()
  const current = session.currentPath()
  if (current) download(await api.exportDocument({ path: current, to }))
}

/** Export the open document as a self-contained HTML page or a Word document. */
export function ExportMenu({
  api,
  session,
  path,
}: {
  api: QuireApi
  session: DocumentSession | null
  path: string | null
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (to: ExportFormat): Promise<void> => {
    if (!session) return
    setBusy(true)
    setError(null)
    try {
      await exportOpenDocument(api, session, to)
    } catch (cause) {
      setError(errorText(t, cause))
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="export-menu">
      {(['html', 'docx'] as const).map((to) => (
        <button
          key={to}
          type="button"
          className="button subtle"
          data-testid={`export-${to}`}
          disabled={busy || !path}
          onClick={() => void run(to)}
        >
          {t(`documents.export.${to}`)}
        </button>
      ))}
      {error && (
        <span className="export-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
