// Each dashboard view as the table a CMO takes to a spreadsheet: one header row, one row per line.
import Papa from 'papaparse'
import type { ApprovalView, BlockedView, BudgetView, GateView, UsageSummary } from '../../contracts/usage'
import { spreadsheetRow } from '../http/spreadsheet-cell'

type Table = { fields: string[]; data: (string | number | null)[][] }

const SUMMARY_FIELDS = ['section', 'key', 'label', 'calls', 'failed', 'tokens_in', 'tokens_out', 'cost_usd']

export function summaryTable(v: UsageSummary): Table {
  const data: Table['data'] = [['total', '', '', v.totals.calls, v.totals.failed, v.totals.tokensIn, v.totals.tokensOut, v.totals.costUsd]]
  for (const p of v.series) data.push([`by_${v.period.bucket}`, p.bucket, p.bucket, p.calls, null, null, null, p.costUsd])
  const sections = { by_user: v.byUser, by_team: v.byTeam, by_kind: v.byKind, by_model: v.byModel, by_prompt: v.byPrompt }
  for (const [section, rows] of Object.entries(sections)) {
    for (const r of rows) data.push([section, r.key, r.label, r.calls, r.failed, r.tokensIn, r.tokensOut, r.costUsd])
  }
  return { fields: SUMMARY_FIELDS, data }
}

export const approvalsTable = (v: ApprovalView): Table => ({
  fields: ['kind', 'runs', 'approved', 'approved_without_rework', 'ai_share'],
  data: [
    ...v.byKind.map((k) => [k.kind, k.runs, k.approved, k.approvedWithoutRework, k.aiShare]),
    ['all', v.runs, v.approved, v.approvedWithoutRework, v.aiShare],
  ],
})

export const gatesTable = (v: GateView): Table => ({
  fields: ['gate', 'decided', 'mean_hours', 'p50_hours', 'p90_hours', 'open', 'overdue'],
  data: v.gates.map((g) => [g.gate, g.decided, g.meanHours, g.p50Hours, g.p90Hours, g.open, g.overdue]),
})

export const overdueTable = (v: GateView): Table => ({
  fields: ['gate_id', 'run_id', 'gate', 'role', 'assignee', 'due_at', 'days_overdue', 'brief', 'author'],
  data: v.overdue.map((o) => [o.gateId, o.runId, o.gate, o.role, o.assignee, o.dueAt, o.daysOverdue, o.briefTitle, o.author]),
})

export function blockedTable(v: BlockedView): Table {
  const data: Table['data'] = [
    ['pii_blocked', 'briefs', v.piiBlocked],
    ['budget_refused', 'model calls', v.budgetRefused],
  ]
  for (const [type, n] of Object.entries(v.piiTypes)) data.push(['pii_blocked_type', type, n])
  for (const [type, n] of Object.entries(v.piiRedacted)) data.push(['pii_redacted_type', type, n])
  for (const d of v.decisions) data.push([`decision_${d.decision}`, d.gate, d.count])
  for (const c of v.categories) data.push(['risk_category', c.category, c.drafts])
  return { fields: ['section', 'key', 'count'], data }
}

export const budgetsTable = (v: BudgetView): Table => ({
  fields: ['month', 'scope', 'name', 'limit_usd', 'spent_usd', 'share', 'state'],
  data: v.lines.map((l) => [v.month, l.scope, l.name, l.limitUsd, l.spentUsd, l.share, l.state]),
})

/**
 * With a BOM, so Excel reads the Cyrillic right. Cells are escaped here, in the one writer every
 * table goes through: labels, brief titles and team names are typed by people.
 */
export const csvText = (t: Table, header = true): string =>
  `${header ? '\ufeff' : ''}${Papa.unparse({ fields: t.fields, data: t.data.map(spreadsheetRow) }, { header })}`
