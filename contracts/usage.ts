// The CMO's audit of AI usage (GET /api/usage/*): what the dashboard and the CSV exports show.
import { z } from 'zod'
import { BriefKind } from './briefs'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

/** The period and whose rows; the period defaults to the current month (UTC). */
export const UsagePeriod = z.object({
  from: day.optional().describe('first day of the period, inclusive (default: the first of this month, UTC)'),
  to: day.optional().describe('last day of the period, inclusive (default: the end of this month)'),
  team: z.string().trim().min(1).max(100).optional().describe('a team'),
  user: z.string().trim().toLowerCase().pipe(z.email()).optional().describe("a user's e-mail"),
})
/** JSON, or the same view as CSV. */
export const FormatQuery = z.object({ format: z.enum(['json', 'csv']).default('json') })

const fromBeforeTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to
const AFTER = { message: 'from is after to', path: ['from'] }
/** Every view takes the same filters. */
export const UsageFilter = UsagePeriod.extend({ kind: BriefKind.optional().describe('a brief kind'), ...FormatQuery.shape }).refine(
  fromBeforeTo,
  AFTER,
)
/** GET /api/usage/log.csv: the period only (the export is every row of it, or of one action). */
export const LogPeriod = UsagePeriod.pick({ from: true, to: true }).refine(fromBeforeTo, AFTER)
export type LogPeriod = z.infer<typeof LogPeriod>
export type UsageFilter = z.infer<typeof UsageFilter>
/** GET /api/usage/gates?format=csv: the gates table, or the list of overdue gates. */
export const GatesListQuery = z.object({ list: z.enum(['gates', 'overdue']).default('gates') })
/** GET /api/usage/log.csv: one action only. */
export const LogFilter = z.object({
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional()
    .describe('one action, e.g. llm.call'),
})

const Money = z.number()
export const UsageRow = z.object({
  key: z.string(),
  label: z.string(),
  calls: z.number().int(),
  failed: z.number().int(),
  tokensIn: z.number(),
  tokensOut: z.number(),
  costUsd: Money,
})
export type UsageRow = z.infer<typeof UsageRow>

/** Model calls and their cost: totals, over time, and broken down by who, what and which model/prompt. */
export const UsageSummary = z.object({
  period: z.object({ from: day, to: day, bucket: z.enum(['day', 'month']) }),
  totals: z.object({
    calls: z.number().int(),
    failed: z.number().int(),
    tokensIn: z.number(),
    tokensOut: z.number(),
    costUsd: Money,
    unknownCostCalls: z.number().int(),
    users: z.number().int(),
  }),
  series: z.array(z.object({ bucket: z.string(), calls: z.number().int(), costUsd: Money, offlineCalls: z.number().int() })),
  byUser: z.array(UsageRow.extend({ team: z.string() })),
  byTeam: z.array(UsageRow),
  byKind: z.array(UsageRow),
  byModel: z.array(UsageRow.extend({ engine: z.string() })),
  byPrompt: z.array(UsageRow.extend({ promptId: z.string(), promptVersion: z.string() })),
})
export type UsageSummary = z.infer<typeof UsageSummary>

/** Runs started in the period: how many got approved, how many without rework, how much of the approved copy the AI wrote. */
export const ApprovalView = z.object({
  runs: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  inReview: z.number().int(),
  failed: z.number().int(),
  /** approved / (approved + rejected); null when none was decided. */
  approvalRate: z.number().nullable(),
  /** Approved with their first draft: no redraft, no writer edit. */
  approvedWithoutRework: z.number().int(),
  withoutReworkShare: z.number().nullable(),
  /** The team's target band for withoutReworkShare. */
  target: z.tuple([z.number(), z.number()]),
  /** Over approved runs: 1 - the final text's edit ratio from its AI draft (1 = the AI's words as they were). */
  aiShare: z.number().nullable(),
  /** Approved runs whose final text is a writer's edit. */
  editedFinals: z.number().int(),
  byKind: z.array(
    z.object({
      kind: z.string(),
      runs: z.number().int(),
      approved: z.number().int(),
      approvedWithoutRework: z.number().int(),
      aiShare: z.number().nullable(),
    }),
  ),
})
export type ApprovalView = z.infer<typeof ApprovalView>

/** Time in each gate (decided in the period) and the approvals stuck now. */
export const GateView = z.object({
  gates: z.array(
    z.object({
      gate: z.string(),
      decided: z.number().int(),
      meanHours: z.number().nullable(),
      p50Hours: z.number().nullable(),
      p90Hours: z.number().nullable(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  overdue: z.array(
    z.object({
      gateId: z.string(),
      runId: z.string(),
      gate: z.string(),
      role: z.string(),
      assignee: z.string().nullable(),
      dueAt: z.string(),
      daysOverdue: z.number(),
      briefTitle: z.string(),
      author: z.string(),
    }),
  ),
})
export type GateView = z.infer<typeof GateView>

/** What the policy stopped in the period, and why. */
export const BlockedView = z.object({
  /** Runs refused because their brief held personal data under a `block` policy, by type. */
  piiBlocked: z.number().int(),
  piiTypes: z.record(z.string(), z.number().int()),
  /** Personal data replaced by placeholders before a model call, by type. */
  piiRedacted: z.record(z.string(), z.number().int()),
  budgetRefused: z.number().int(),
  decisions: z.array(z.object({ gate: z.string(), decision: z.string(), count: z.number().int() })),
  /** Drafts flagged per risk category (each needs its gates). */
  categories: z.array(z.object({ category: z.string(), drafts: z.number().int() })),
})
export type BlockedView = z.infer<typeof BlockedView>

export const BudgetLine = z.object({
  scope: z.enum(['user', 'team']),
  name: z.string(),
  limitUsd: z.number(),
  spentUsd: z.number(),
  share: z.number(),
  state: z.enum(['ok', 'warn', 'over']),
})
export const BudgetView = z.object({
  month: z.string(),
  warnAt: z.number(),
  lines: z.array(BudgetLine),
  refusedThisMonth: z.number().int(),
})
export type BudgetView = z.infer<typeof BudgetView>

/** A writer's own usage: this month's calls and cost, and their budgets. */
export const MyUsage = z.object({
  month: z.string(),
  warnAt: z.number(),
  calls: z.number().int(),
  costUsd: z.number(),
  budgets: z.array(BudgetLine),
})
export type MyUsage = z.infer<typeof MyUsage>

/** The audit chain recomputed on request (as `copydesk audit verify`). */
export const AuditCheck = z.object({
  ok: z.boolean(),
  /** Intact rows (before the first bad one when broken). */
  rows: z.number().int(),
  /** The chain's head hash when intact: what `copydesk audit anchor` keeps. */
  head: z.string().nullable(),
  badSeq: z.number().int().nullable(),
  /** In English, for scripts; `problem` and `mismatches` are what the UI words. */
  reason: z.string().nullable(),
  /** missing: a row before `badSeq` is gone; link: `badSeq` does not chain to the row before; content: `badSeq` was changed; disagree: the log and the data disagree. */
  problem: z.enum(['missing', 'link', 'content', 'disagree']).nullable(),
  /** Where the log and the data disagree (disagree only): what kind of record, and its id. */
  mismatches: z.array(z.object({ kind: z.string(), id: z.string() })),
  seconds: z.number(),
})
export type AuditCheck = z.infer<typeof AuditCheck>

/** GET /api/usage/unmarked-ads: an approved paid ad without its erid (38-FZ art. 18.1), as the CMO's list shows it. */
export const UnmarkedAd = z.object({
  runId: z.string(),
  title: z.string(),
  channel: z.string(),
  author: z.string(),
  approvedAt: z.string(),
})
export type UnmarkedAd = z.infer<typeof UnmarkedAd>
