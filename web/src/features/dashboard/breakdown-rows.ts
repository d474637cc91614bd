import { BriefKind } from '../../../../contracts/briefs'
import type { UsageRow, UsageSummary } from '../../../../contracts/usage'
import type { Translate } from '../../i18n'

export const DIMENSIONS = ['user', 'team', 'kind', 'model', 'prompt'] as const
export type Dimension = (typeof DIMENSIONS)[number]

/** One line of a breakdown, whatever the dimension; `detail` is the user's team or the model's engine. */
export type BreakdownRow = UsageRow & {
  name: string
  detail: string | null
  filter: { team?: string; user?: string; kind?: BriefKind } | null
}

/** The rows of a dimension with readable names, and the dashboard filter each one narrows to (if any). */
export function breakdownRows(summary: UsageSummary, dimension: Dimension, t: Translate): BreakdownRow[] {
  switch (dimension) {
    case 'user':
      return summary.byUser.map(({ team, ...r }) => ({ ...r, name: r.label, detail: team || null, filter: { user: r.label } }))
    case 'team':
      return summary.byTeam.map((r) => ({
        ...r,
        name: r.label || t('dash.noTeam'),
        detail: null,
        filter: r.label ? { team: r.label } : null,
      }))
    case 'kind':
      return summary.byKind.map((r) => {
        const kind = BriefKind.safeParse(r.key)
        return {
          ...r,
          name: kind.success ? t(`kind.${kind.data}`) : r.label,
          detail: null,
          filter: kind.success ? { kind: kind.data } : null,
        }
      })
    case 'model':
      return summary.byModel.map(({ engine, ...r }) => ({
        ...r,
        name: r.label,
        detail: engine === 'offline' ? t('engine.offline') : engine,
        filter: null,
      }))
    case 'prompt':
      return summary.byPrompt.map(({ promptId, promptVersion, ...r }) => ({
        ...r,
        name: `${promptId} v${promptVersion}`,
        detail: null,
        filter: null,
      }))
  }
}
