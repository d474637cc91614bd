import type { CreateBrief } from '../../contracts/briefs'
import { appendAudit } from '../audit/append'
import { refuse } from '../refusals'
import { assertChannel, assertSector } from '../policy/classify'
import { detectLang } from '../policy/detect-lang'
import { assertDismissals, briefFields } from './pii-check'
import type { VerbArgs } from '../verb'
import { insertBrief, selectActiveUserRoles } from './queries'

export async function createBrief({ ctx: { db, policy, user }, input }: VerbArgs<CreateBrief>): Promise<{ id: string }> {
  if (!user.roles.includes('writer')) throw refuse('brief.writers_only')
  assertChannel(policy, input.channel) // the policy's rules are per channel: an unknown one is a 400, not a silent default
  assertSector(policy, input.advertised)
  const dismissals = input.piiDismissals ?? []
  assertDismissals(policy, briefFields(input), dismissals)
  return db.begin(async (tx) => {
    let ownerId: string | null = null
    if (input.factCheckOwner) {
      const owner = await selectActiveUserRoles(tx, input.factCheckOwner)
      if (!owner) {
        throw refuse('brief.owner_unknown', {}, [{ path: 'factCheckOwner', message: `no active user ${input.factCheckOwner}` }])
      }
      if (owner.id === user.id) {
        throw refuse('brief.owner_is_author', {}, [{ path: 'factCheckOwner', message: 'name someone other than yourself' }])
      }
      if (!owner.roles.includes('factcheck')) {
        throw refuse('brief.owner_not_factcheck', {}, [
          { path: 'factCheckOwner', message: `${input.factCheckOwner} is not a fact-checker` },
        ])
      }
      ownerId = owner.id
    }
    const lang = input.lang ?? detectLang(input.audience, input.task, input.offer)
    const id = await insertBrief(tx, { ...input, lang, factCheckOwnerId: ownerId, authorId: user.id, piiDismissals: dismissals })
    await appendAudit(tx, { actorId: user.id, action: 'brief.create', data: { briefId: id, kind: input.kind, lang } })
    if (dismissals.length) {
      // types, places and the writer's reasons; never the values
      const items = dismissals.map(({ path, type, reason }) => ({ path, type, reason }))
      await appendAudit(tx, { actorId: user.id, action: 'pii.dismissed', data: { briefId: id, count: dismissals.length, items } })
    }
    return { id }
  })
}
