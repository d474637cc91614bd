import { useId, useState, type FormEvent } from 'react'
import { BRIEF_KINDS, BriefKind } from '../../../../contracts/briefs'
import { UsageFilter } from '../../../../contracts/usage'
import { useI18n } from '../../i18n'
import { navigate } from '../../lib/router'
import { filterHref, hasNarrowing, type DashboardFilter } from './filter'
import { isDay, isPreset, presetPeriod, PRESETS } from './period'

type Props = {
  filter: DashboardFilter
  /** Teams and e-mails seen in the period, offered as the user types. */
  teams: readonly string[]
  users: readonly string[]
}

/** The problem with a filter as typed, or null when it can be applied. */
function problemOf(f: DashboardFilter): 'badDays' | 'fromAfterTo' | 'badUser' | null {
  if (!isDay(f.from) || !isDay(f.to)) return 'badDays'
  if (f.from > f.to) return 'fromAfterTo'
  if (f.user && !UsageFilter.shape.user.safeParse(f.user).success) return 'badUser'
  return null
}

/**
 * Period, team, user and kind. Choices from a list apply at once; typed ones (team, user,
 * custom days) on Apply. Everything goes into the URL, so the view can be linked.
 */
export function FilterBar({ filter, teams, users }: Props) {
  const { t } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState(filter)
  const [problem, setProblem] = useState<ReturnType<typeof problemOf>>(null)

  const apply = (next: DashboardFilter) => {
    const found = problemOf(next)
    setProblem(found)
    if (!found) navigate(filterHref(next), { replace: true })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    apply({ ...draft, team: draft.team.trim(), user: draft.user.trim().toLowerCase() })
  }
  const edit = (patch: Partial<DashboardFilter>) => setDraft((d) => ({ ...d, ...patch }))

  return (
    <form className="card dash-filters" data-testid="dashboard-filters" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-period`} className="field-label">
          {t('dash.filter.period')}
        </label>
        <select
          id={`${id}-period`}
          data-testid="dashboard-period"
          value={draft.preset}
          onChange={(e) => {
            const preset = e.target.value
            if (!isPreset(preset)) return
            // a custom period starts from the days shown now and applies on Apply
            if (preset === 'custom') edit({ preset })
            else apply({ ...draft, preset, ...presetPeriod(preset) })
          }}
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`dash.period.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {draft.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`} className="field-label">
              {t('dash.filter.from')}
            </label>
            <input
              id={`${id}-from`}
              type="date"
              data-testid="dashboard-from"
              value={draft.from}
              onChange={(e) => edit({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`} className="field-label">
              {t('dash.filter.to')}
            </label>
            <input id={`${id}-to`} type="date" data-testid="dashboard-to" value={draft.to} onChange={(e) => edit({ to: e.target.value })} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-team`} className="field-label">
          {t('dash.filter.team')}
        </label>
        <input
          id={`${id}-team`}
          list={`${id}-teams`}
          data-testid="dashboard-team"
          value={draft.team}
          placeholder={t('dash.filter.all')}
          onChange={(e) => edit({ team: e.target.value })}
        />
        <datalist id={`${id}-teams`}>
          {teams.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-user`} className="field-label">
          {t('dash.filter.user')}
        </label>
        <input
          id={`${id}-user`}
          type="email"
          list={`${id}-users`}
          data-testid="dashboard-user"
          value={draft.user}
          placeholder={t('dash.filter.all')}
          onChange={(e) => edit({ user: e.target.value })}
        />
        <datalist id={`${id}-users`}>
          {users.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`} className="field-label">
          {t('dash.filter.kind')}
        </label>
        <select
          id={`${id}-kind`}
          data-testid="dashboard-kind"
          value={draft.kind}
          onChange={(e) => apply({ ...draft, kind: BriefKind.safeParse(e.target.value).data ?? '' })}
        >
          <option value="">{t('dash.filter.allKinds')}</option>
          {BRIEF_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="dash-filter-actions">
        <button type="submit" className="button button-primary" data-testid="dashboard-apply">
          {t('dash.filter.apply')}
        </button>
        {hasNarrowing(filter) && (
          <button
            type="button"
            className="button"
            data-testid="dashboard-clear"
            onClick={() => apply({ ...filter, team: '', user: '', kind: '' })}
          >
            {t('dash.filter.clear')}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error dash-filter-error" role="alert" data-testid="dashboard-filter-error">
          {t(`dash.filter.${problem}`)}
        </p>
      )}
    </form>
  )
}
