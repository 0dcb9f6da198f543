import { useId, type ReactNode } from 'react'

/** One version among several written for the same passage. */
export type Version = {
  key: string
  /** Its name in the column's heading or on its tab ("Version 2"). */
  label: string
  /** Still being written: its heading shows a spinner. */
  busy: boolean
  content: ReactNode
}

type Props = {
  versions: readonly Version[]
  /** The index of the version chosen (the one Accept takes). */
  selected: number
  onSelect(index: number): void
  /** What the group is, for screen readers. */
  label: string
}

/**
 * Versions shown together: two side by side, each in a column the writer picks by clicking its
 * heading; more as tabs with the chosen one below. It knows nothing of suggestions, so
 * comparison views can use it too.
 */
export function VersionColumns({ versions, selected, onSelect, label }: Props) {
  const id = useId()
  if (versions.length === 2)
    return (
      <div className="version-columns" role="group" aria-label={label}>
        {versions.map((version, index) => (
          <section
            key={version.key}
            className="version-column"
            data-testid="suggestion-version"
            data-selected={index === selected}
            onClick={() => onSelect(index)}
          >
            <button
              type="button"
              className="version-heading"
              aria-pressed={index === selected}
              onClick={() => onSelect(index)}
            >
              {version.busy && <span className="spinner" aria-hidden="true" />}
              {version.label}
            </button>
            {version.content}
          </section>
        ))}
      </div>
    )
  const chosen = versions[selected]
  return (
    <div className="version-tabs">
      <div
        className="version-tablist"
        role="tablist"
        aria-label={label}
        onKeyDown={(event) => {
          const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
          if (by === 0) return
          event.preventDefault()
          onSelect((selected + by + versions.length) % versions.length)
        }}
      >
        {versions.map((version, index) => (
          <button
            key={version.key}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            className="version-tab"
            data-testid="suggestion-version-tab"
            aria-selected={index === selected}
            aria-controls={`${id}-panel`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => onSelect(index)}
          >
            {version.busy && <span className="spinner" aria-hidden="true" />}
            {version.label}
          </button>
        ))}
      </div>
      {chosen && (
        <div
          role="tabpanel"
          id={`${id}-panel`}
          aria-labelledby={`${id}-tab-${selected}`}
          className="version-panel"
        >
          {chosen.content}
        </div>
      )}
    </div>
  )
}
