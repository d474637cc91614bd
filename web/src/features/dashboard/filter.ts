import { BriefKind } from '../../../../contracts/briefs'
import { UsageFilter } from '../../../../contracts/usage'
import { withQuery } from '../../lib/url-query'
import type { UsageParams } from '../usage/queries'
import { isDay, isPreset, presetPeriod, type Period, type Preset } from './period'

/** The dashboard's filters as the URL keeps them, so a view can be linked. Empty strings: no filter. */
export type DashboardFilter = Period & { preset: Preset; team: string; user: string; kind: BriefKind | '' }

const team = UsageFilter.shape.team
const user = UsageFilter.shape.user

/** Reads `?period=&from=&to=&team=&user=&kind=`; anything unreadable falls back to its default (this month, no filter). */
export function readFilter(search: URLSearchParams, now = new Date()): DashboardFilter {
  const asked = search.get('period')
  const from = search.get('from')
  const to = search.get('to')
  // from/to without a preset name is a custom period too (a hand-written link)
  const custom = (asked === 'custom' || asked === null) && isDay(from) && isDay(to)
  const preset: Preset = custom ? 'custom' : isPreset(asked) && asked !== 'custom' ? asked : 'this-month'
  const period = preset === 'custom' ? { from: from!, to: to! } : presetPeriod(preset, now)
  return {
    preset,
    ...period,
    team: team.safeParse(search.get('team') ?? undefined).data ?? '',
    user: user.safeParse(search.get('user') ?? undefined).data ?? '',
    kind: BriefKind.safeParse(search.get('kind')).data ?? '',
  }
}

/** The dashboard URL of a filter: a preset by name, days only for a custom period. */
export function filterHref(f: DashboardFilter): string {
  const custom = f.preset === 'custom'
  return withQuery('/dashboard', {
    period: f.preset === 'this-month' ? undefined : f.preset,
    from: custom ? f.from : undefined,
    to: custom ? f.to : undefined,
    team: f.team,
    user: f.user,
    kind: f.kind,
  })
}

export const usageParams = (f: DashboardFilter): UsageParams => ({
  from: f.from,
  to: f.to,
  team: f.team || undefined,
  user: f.user || undefined,
  kind: f.kind || undefined,
})

export const hasNarrowing = (f: DashboardFilter) => Boolean(f.team || f.user || f.kind)
