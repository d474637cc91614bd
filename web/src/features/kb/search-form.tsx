import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { BRIEF_KINDS, BriefKind, Lang } from '../../../../contracts/briefs'
import { RunStatus } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { channelLabel } from '../../lib/channel-label'
import { navigate } from '../../lib/router'
import { useCurrentUser } from '../auth/current-user'
import { policyQuery } from '../policy/queries'
import { isFiltered, kbHref, type KbFilters } from './search-filters'

type Props = {
  filters: KbFilters
  /** The name of the author the search is narrowed to, when it is not the user themself. */
  authorName: string | null
}

const text = (s: string) => s.trim() || undefined

/**
 * The archive's query and filters. Lists apply at once; the words, the tag and the days on
 * Search. Every change starts again from the first page.
 */
export function SearchForm({ filters, authorName }: Props) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const id = useId()
  const channels = useQuery(policyQuery()).data?.channels ?? []
  const [draft, setDraft] = useState(filters)
  const apply = (next: KbFilters) => navigate(kbHref({ ...next, offset: 0 }), { replace: true })
  const pick = (patch: Partial<KbFilters>) => apply({ ...draft, ...patch })
  const edit = (patch: Partial<KbFilters>) => setDraft((d) => ({ ...d, ...patch }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    apply({ ...draft, q: text(draft.q ?? ''), tag: text(draft.tag ?? ''), from: draft.from || undefined, to: draft.to || undefined })
  }
  const select = (
    key: 'kind' | 'channel' | 'outcome' | 'lang',
    label: string,
    options: readonly { value: string; label: string }[],
    parse: (v: string) => string | undefined,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`} className="field-label">
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        data-testid={`kb-${key}`}
        value={draft[key] ?? ''}
        onChange={(e) => pick({ [key]: parse(e.target.value) })}
      >
        <option value="">{t('kb.filter.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    // biome-ignore lint/a11y/useSemanticElements: <form role="search"> is the landmark every screen reader knows; <search> is from 2023
    <form className="card kb-search" role="search" onSubmit={submit} data-testid="kb-search-form">
      <div className="kb-query">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('kb.query')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          data-testid="kb-q"
          value={draft.q ?? ''}
          placeholder={t('kb.queryPlaceholder')}
          onChange={(e) => edit({ q: e.target.value })}
        />
        <button type="submit" className="button button-primary" data-testid="kb-search-submit">
          {t('kb.search')}
        </button>
      </div>
      <p className="field-help">{t('kb.queryHelp')}</p>
      <div className="kb-filters">
        {select(
          'kind',
          t('kb.filter.kind'),
          BRIEF_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          (v) => BriefKind.safeParse(v).data,
        )}
        {select(
          'channel',
          t('kb.filter.channel'),
          channels.map((c) => ({ value: c, label: channelLabel(c, t) })),
          (v) => v || undefined,
        )}
        {select(
          'outcome',
          t('kb.filter.outcome'),
          RunStatus.options.map((s) => ({ value: s, label: t(`runStatus.${s}`) })),
          (v) => RunStatus.safeParse(v).data,
        )}
        {select(
          'lang',
          t('kb.filter.lang'),
          Lang.options.map((l) => ({ value: l, label: t(`lang.${l}`) })),
          (v) => Lang.safeParse(v).data,
        )}
        <div className="field">
          <label htmlFor={`${id}-from`} className="field-label">
            {t('kb.filter.from')}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            data-testid="kb-from"
            value={draft.from ?? ''}
            onChange={(e) => edit({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`} className="field-label">
            {t('kb.filter.to')}
          </label>
          <input id={`${id}-to`} type="date" data-testid="kb-to" value={draft.to ?? ''} onChange={(e) => edit({ to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`} className="field-label">
            {t('kb.filter.tag')}
          </label>
          <input id={`${id}-tag`} data-testid="kb-tag" value={draft.tag ?? ''} onChange={(e) => edit({ tag: e.target.value })} />
        </div>
      </div>
      <div className="kb-filter-foot">
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="kb-mine"
            checked={draft.author === me.id}
            onChange={(e) => pick({ author: e.target.checked ? me.id : undefined })}
          />{' '}
          {t('kb.filter.mine')}
        </label>
        {filters.author && filters.author !== me.id && (
          <span className="chip" data-testid="kb-author-filter">
            {t('kb.filter.author', { name: authorName ?? t('kb.filter.someAuthor') })}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={t('kb.filter.clearAuthor')}
              onClick={() => pick({ author: undefined })}
            >
              ×
            </button>
          </span>
        )}
        {(isFiltered(filters) || filters.q) && (
          <button type="button" className="link-button" data-testid="kb-clear" onClick={() => apply({ offset: 0 })}>
            {t('kb.clear')}
          </button>
        )}
      </div>
    </form>
  )
}
