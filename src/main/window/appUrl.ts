/**
 * Whether a URL is the app's own page. Compared part by part: Node does not know that `quire:`
 * is a standard scheme, so `new URL('quire://app/').origin` is the opaque `"null"` — the same as
 * for `data:`, `file:` and `about:blank` — and comparing origins would trust them all.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let candidate: URL
  let app: URL
  try {
    candidate = new URL(url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.host === '') return false
  const folder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1)
  return (
    candidate.protocol === app.protocol &&
    candidate.host === app.host &&
    candidate.username === '' &&
    candidate.password === '' &&
    candidate.pathname.startsWith(folder)
  )
}
