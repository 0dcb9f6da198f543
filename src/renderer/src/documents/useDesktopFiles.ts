import { useEffect } from 'react'
import type { DesktopFiles } from '../api'
import type { DocumentSession } from './documentSession'

/**
 * In the desktop app, a file chosen in File › Open or Open Recent, opened from the OS, or dropped
 * on the window opens as the current document (wherever it lives on disk).
 */
export function useDesktopFiles(files: DesktopFiles | null, session: DocumentSession | null): void {
  useEffect(() => {
    if (!files || !session) return
    const stop = files.onOpenPath((path) => void session.openPath(path))
    const onDragOver = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
    }
    const onDrop = (event: DragEvent): void => {
      const file = event.dataTransfer?.files[0]
      if (!file) return
      event.preventDefault()
      void files.openDroppedFile(file).then((path) => {
        if (path) void session.openPath(path)
      })
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      stop()
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [files, session])
}
