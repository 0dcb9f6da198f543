import { DownloadError } from './downloadError'

/** What a server says about a file before any of it is fetched. */
export type UrlProbe = { totalBytes: number | null; acceptsRanges: boolean }

/**
 * Asks the server for the first byte of a file: proves it is reachable and the file exists, and
 * learns its size, in one short request with a deadline (the downloader itself retries for
 * minutes before it gives up on a server that is down).
 */
export async function probeUrl(url: string, timeoutMs = 20_000): Promise<UrlProbe> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(url, {
      headers: { range: 'bytes=0-0', 'accept-encoding': 'identity' },
      signal: controller.signal,
      redirect: 'follow',
    })
    controller.abort()
    if (response.status !== 200 && response.status !== 206)
      throw new DownloadError({ reason: 'http', status: response.status, url })
    const total = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '')?.[1]
    const length = response.headers.get('content-length')
    const totalBytes =
      response.status === 206 ? (total ? Number(total) : null) : length ? Number(length) : null
    return { totalBytes, acceptsRanges: response.status === 206 }
  } catch (error) {
    if (error instanceof DownloadError) throw error
    const host = URL.canParse(url) ? new URL(url).host : url
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw new DownloadError({
      reason: 'unreachable',
      host,
      detail:
        controller.signal.aborted && !cause
          ? `no answer in ${timeoutMs / 1000} s`
          : (cause ?? String(error)),
    })
  } finally {
    clearTimeout(timer)
  }
}
