import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptSummary } from '@shared/contract'
import { VariableForm } from './VariableForm'

type Props = {
  /** Stable test id suffix and label key: poem, continue, more. */
  name: 'poem' | 'continue' | 'more'
  prompts: readonly PromptSummary[]
  onRun(promptId: string, variables: Record<string, string>): void
}

/** A toolbar button that opens a list of prompts; a prompt with fields asks for them first. */
export function PromptMenu({ name, prompts, onRun }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [asking, setAsking] = useState<PromptSummary | null>(null)
  const close = (): void => {
    setOpen(false)
    setAsking(null)
  }
  if (prompts.length === 0) return null

  return (
    <div className="prompt-menu">
      <button
        type="button"
        className="button"
        data-testid={`menu-${name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t(`toolbar.${name}`)} <span aria-hidden="true">▾</span>
      </button>
      {open && !asking && (
        <ul
          className="menu-list"
          role="menu"
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          {prompts.map((prompt) => (
            <li key={prompt.id} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                data-testid={`prompt-${prompt.id}`}
                title={prompt.description}
                onClick={() => {
                  if (prompt.variables.length > 0) return setAsking(prompt)
                  close()
                  onRun(prompt.id, {})
                }}
              >
                <span className="menu-item-title">{prompt.title}</span>
                <span className="menu-item-description">{prompt.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && asking && (
        <VariableForm
          prompt={asking}
          onCancel={close}
          onRun={(variables) => {
            close()
            onRun(asking.id, variables)
          }}
        />
      )}
    </div>
  )
}
