import type { PromptStats } from '../../../../contracts/kb'
import type { Lang } from '../../../../contracts/briefs'
import { formatShare } from '../../lib/format'
import { formatCount, formatUsd } from '../../lib/format-number'

/** A prompt version's record in readable form; a dash where there is nothing to measure yet. */
export function promptStatCells(s: PromptStats, lang: Lang) {
  const share = (v: number | null) => (v === null ? '—' : formatShare(v, lang))
  return {
    runs: formatCount(s.runs, lang),
    approvalRate: share(s.approvalRate),
    withoutRework: share(s.approvedWithoutReworkRate),
    meanEditRatio: share(s.meanEditRatio),
    meanCost: s.meanCostUsd === null ? '—' : formatUsd(s.meanCostUsd, lang),
  }
}

export const STAT_COLUMNS = ['runs', 'approvalRate', 'withoutRework', 'meanEditRatio', 'meanCost'] as const
