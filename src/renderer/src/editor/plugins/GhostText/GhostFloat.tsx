import { useEffect, useRef, useState } from 'react'

/** The ghost for a cursor inside a word, or a failed request: a note just under the cursor's line. */
export function GhostFloat({ text }: { text: string }) {
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null)
  const ref = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    const container = ref.current?.parentElement
    const selection = window.getSelection()
    if (!container || !selection || selection.rangeCount === 0) return
    const caret = selection.getRangeAt(0).getBoundingClientRect()
    const box = container.getBoundingClientRect()
    setPlace({ top: caret.bottom - box.top + 4, left: Math.max(0, caret.left - box.left) })
  }, [text])
  return (
    <div
      ref={ref}
      className="ghost-hint"
      data-testid="ghost-float"
      style={place ? { top: place.top, left: place.left } : { visibility: 'hidden' }}
    >
      {text}
    </div>
  )
}
