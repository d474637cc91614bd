import { CreateBrief } from '../../contracts/briefs'
import { selectBrief } from '../briefs/queries'
import { refuse } from '../refusals'
import { OTHER_SECTOR } from '../policy/schema'
import { visibleResult } from './access'
import { redactBrief, runPolicy } from '../briefs/redact-brief'
import { reuseInputs } from '../drafting/kinds'
import type { VerbArgs } from '../verb'

const DAY_MS = 86_400_000
/** A new brief gets a week: the old deadline has usually passed. */
const DEADLINE_DAYS = 7

/**
 * "Start a new brief from this": a CreateBrief body the new-brief form loads. Every text is the
 * redacted one the drafting step saw (placeholders stay placeholders: the writer fills in the
 * real value, and the personal-data check of the new brief runs as for any brief). Dismissals
 * are dropped, since their offsets point into the old text; the import problems of an SEO
 * export name lines of a file this brief never uploads. What it advertised is kept while the
 * active policy still has that sector. Nothing is stored.
 */
export async function reuseBrief({ ctx: { db, policy, user, now }, input: { runId } }: VerbArgs<{ runId: string }>): Promise<CreateBrief> {
  if (!user.roles.includes('writer')) throw refuse('brief.writers_only')
  const run = await visibleResult(db, policy, user, runId)
  const brief = await selectBrief(db, run.brief_id)
  if (!brief) throw refuse('not_found.brief')
  const { fields } = redactBrief(await runPolicy(db, policy, run.policy_version), brief)
  const inputs = reuseInputs(fields)
  const deadline = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DEADLINE_DAYS * DAY_MS)
  // the author cannot own the fact check of their own brief
  const owner = brief.factCheckOwner && brief.factCheckOwnerId !== user.id ? brief.factCheckOwner : undefined
  // What it advertised, while the active policy still knows that sector (else the writer chooses again).
  const advertised =
    brief.advertised && (brief.advertised === OTHER_SECTOR || brief.advertised in policy.file.sectors) ? brief.advertised : undefined
  return CreateBrief.parse({
    kind: brief.kind,
    title: fields.title,
    audience: fields.audience,
    task: fields.task,
    offer: fields.offer,
    format: fields.format,
    channel: brief.channel,
    deadline: deadline.toISOString().slice(0, 10),
    qualityCriteria: fields.qualityCriteria,
    successMetrics: fields.successMetrics,
    lang: brief.lang,
    inputs,
    ...(owner ? { factCheckOwner: owner } : {}),
    ...(advertised ? { advertised } : {}),
  })
}
