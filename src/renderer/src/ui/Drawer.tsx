import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

type Props = {
  /** Stable test id of the panel, e.g. "library-panel". */
  testId: string
  title: string
  onClose(): void
  children: ReactNode
  /** Wider panels for editors. */
  wide?: boolean
}

// Drawers open at once (Compare or Best of N, then Library from the header) share one spot: the
// one opened last goes on top, else it could open unseen underneath. Counted while any is open,
// and kept under the menus (z-index 30) and the palette (40).
const open = new Set<HTMLElement>()
let raised = 0
const BASE_Z = 20
const MAX_Z = 29

function raise(drawer: HTMLElement): () => void {
  if (open.size === 0) raised = 0
  open.add(drawer)
  drawer.style.zIndex = String(Math.min(MAX_Z, BASE_Z + ++raised))
  return () => {
    open.delete(drawer)
  }
}

/** A side panel over the editor (library, models, settings); Esc or the close button closes it. */
export function Drawer({ testId, title, onClose, children, wide = false }: Props) {
  const { t } = useTranslation()
  const panel = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    panel.current?.focus()
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && panel.current?.contains(event.target as Node)) {
        event.preventDefault()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      previous?.focus()
    }
  }, [onClose])

  // The panel starts under the window's header, so its buttons stay in reach (a wide Library
  // used to cover them in a 900 px window).
  useEffect(() => (panel.current ? raise(panel.current) : undefined), [])

  useEffect(() => {
    const header = document.querySelector('.app-header')
    const drawer = panel.current
    if (!header || !drawer) return
    const place = (): void => {
      drawer.style.top = `${Math.max(0, header.getBoundingClientRect().bottom)}px`
    }
    place()
    const observer = new ResizeObserver(place)
    observer.observe(header)
    window.addEventListener('scroll', place, { passive: true })
    return () => {
      observer.disconnect()
      window.removeEventListener('scroll', place)
    }
  }, [])

  return (
    <aside
      ref={panel}
      className={`drawer${wide ? ' drawer-wide' : ''}`}
      data-testid={testId}
      role="dialog"
      aria-label={title}
      tabIndex={-1}
    >
      <header className="drawer-header">
        <h2 className="drawer-title">{title}</h2>
        <button
          type="button"
          className="button subtle"
          data-testid={`${testId}-close`}
          onClick={onClose}
        >
          {t('panel.close')}
        </button>
      </header>
      <div className="drawer-body">{children}</div>
    </aside>
  )
}
