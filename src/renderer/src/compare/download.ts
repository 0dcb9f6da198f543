/** Saves text as a file through the browser's download (the app's save dialog in Electron). */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  // A BOM so spreadsheet programs read the UTF-8 (Chinese titles) correctly.
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
