import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LibraryListing } from '@shared/prompts/libraryContract'

type Entry = LibraryListing['prompts'][number]
type Props = { prompts: readonly Entry[]; selected: Entry | null; onSelect(entry: Entry): void }

const KINDS = ['all', 'rewrite', 'poem', 'continue', 'transform'] as const

/** Every prompt file, searchable by words and filtered by kind and language. */
export function PromptList({ prompts, selected, onSelect }: Props) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState({
    query: '',
    kind: 'all' as (typeof KINDS)[number],
    language: 'all' as 'all' | 'zh' | 'en',
  })
  const shown = useMemo(() => {
    const query = filter.query.trim().toLowerCase()
    return prompts.filter(
      (p) =>
        (filter.kind === 'all' || p.kind === filter.kind) &&
        (filter.language === 'all' || p.language === filter.language) &&
        (query === '' || `${p.id} ${p.title} ${p.description}`.toLowerCase().includes(query)),
    )
  }, [prompts, filter])

  return (
    <div className="prompt-list">
      <input
        className="library-search"
        data-testid="library-search"
        type="search"
        placeholder={t('library.search')}
        aria-label={t('library.search')}
        value={filter.query}
        onChange={(event) => setFilter((f) => ({ ...f, query: event.target.value }))}
      />
      <div className="row">
        <select
          data-testid="library-kind"
          aria-label={t('library.kind')}
          value={filter.kind}
          onChange={(event) =>
            setFilter((f) => ({ ...f, kind: event.target.value as (typeof KINDS)[number] }))
          }
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`library.kinds.${kind}`)}
            </option>
          ))}
        </select>
        <select
          data-testid="library-lang"
          aria-label={t('library.language')}
          value={filter.language}
          onChange={(event) =>
            setFilter((f) => ({ ...f, language: event.target.value as 'all' | 'zh' | 'en' }))
          }
        >
          <option value="all">{t('library.languages.all')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <ul className="library-rows">
        {shown.map((entry) => {
          const key = `${entry.id}:${entry.language}`
          return (
            <li key={key}>
              <button
                type="button"
                className={`library-row${selected && `${selected.id}:${selected.language}` === key ? ' is-selected' : ''}`}
                data-testid="library-row"
                data-id={entry.id}
                data-language={entry.language}
                onClick={() => onSelect(entry)}
              >
                <span className="library-row-title">{entry.title}</span>
                <span className="library-row-meta">
                  {entry.id} · {entry.language === 'zh' ? '中文' : 'EN'}
                  {entry.origin !== 'bundled' && (
                    <span className="pill">{t(`library.origin.${entry.origin}`)}</span>
                  )}
                  {entry.overrides && <span className="pill">{t('library.overrides')}</span>}
                </span>
              </button>
            </li>
          )
        })}
        {shown.length === 0 && <li className="field-hint">{t('library.none')}</li>}
      </ul>
    </div>
  )
}
