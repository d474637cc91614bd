import type { RatingRequest } from '../../contracts/kb'
import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import { Redactor } from '../policy/pii-guard'
import type { VerbArgs } from '../verb'
import { assertRater, visibleResult } from './access'
import { deleteTag, insertTag, lockResultTags, selectRatingSummary, selectTagNames, upsertRating } from './queries'
import { normaliseTag, validTag } from './tags'

const MAX_TAGS_PER_RESULT = 30

/**
 * Rates a result 1-5; rating it again replaces the person's rating. The comment is stored
 * redacted. Not by the result's author: ratings rank the examples the model is shown next time,
 * so an author rating their own run would promote their own work.
 */
export async function rateResult({
  ctx: { db, policy, user },
  input: { runId, rating },
}: VerbArgs<{ runId: string; rating: RatingRequest }>) {
  assertRater(user)
  const comment = rating.comment ? Redactor.forPolicy(policy).redact(rating.comment) : null
  return db.begin(async (tx) => {
    const run = await visibleResult(tx, policy, user, runId)
    if (run.author_id === user.id) throw refuse('kb.rate_own_result')
    await upsertRating(tx, { runId, userId: user.id, rating: rating.rating, comment })
    await appendAudit(tx, { actorId: user.id, action: 'kb.rated', runId, data: { rating: rating.rating, comment: comment !== null } })
    return selectRatingSummary(tx, runId, user.id)
  })
}

/** Adds a tag (normalised); `created` is false when the result already had it. */
export async function tagResult({ ctx: { db, policy, user }, input: { runId, tag: raw } }: VerbArgs<{ runId: string; tag: string }>) {
  assertRater(user)
  const tag = validTag(policy, raw)
  return db.begin(async (tx) => {
    await visibleResult(tx, policy, user, runId)
    // one tagger of a result at a time, so two cannot both pass the cap (the run row stays unlocked for the worker)
    await lockResultTags(tx, runId)
    const tags = await selectTagNames(tx, runId)
    if (!tags.includes(tag) && tags.length >= MAX_TAGS_PER_RESULT) throw refuse('kb.too_many_tags', { max: MAX_TAGS_PER_RESULT })
    const created = await insertTag(tx, { runId, tag, userId: user.id })
    if (created) await appendAudit(tx, { actorId: user.id, action: 'kb.tagged', runId, data: { tag } })
    return { created, tags: await selectTagNames(tx, runId) }
  })
}

/** Tags are shared labels: anyone who may tag may also remove one. */
export async function untagResult({ ctx: { db, policy, user }, input: { runId, tag: raw } }: VerbArgs<{ runId: string; tag: string }>) {
  assertRater(user)
  return db.begin(async (tx) => {
    await visibleResult(tx, policy, user, runId)
    const tag = normaliseTag(raw)
    if (!(await deleteTag(tx, runId, tag))) throw refuse('not_found.tag')
    await appendAudit(tx, { actorId: user.id, action: 'kb.untagged', runId, data: { tag } })
    return { tags: await selectTagNames(tx, runId) }
  })
}
