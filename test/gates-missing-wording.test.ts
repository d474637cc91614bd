import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'
import { policyVariant } from './helpers/policy-copy'

const targets = await testTargets()
const REASON = 'The platform adds the ad marking and erid at launch (contract 14/2026)'

/** A paid social ad in Russian: the law wants «Реклама», the advertiser and an erid token in it; the draft has none. */
const socialAd = () =>
  offerBrief({
    title: 'Запись в студии йоги',
    audience: 'Владельцы небольших студий йоги',
    task: 'Заполнить вечерние занятия',
    offer: 'Страница записи с напоминаниями по почте',
    format: 'пост',
    channel: 'social_ad',
    lang: 'ru',
    qualityCriteria: 'Пересказывается за десять секунд',
    successMetrics: 'Больше пробных записей',
    inputs: { product: 'СтудиоДеск', method: 'онлайн-запись с напоминаниями по почте', differentiator: 'настраивается без программиста' },
  })

describe.each(targets)('missing mandatory wording blocks a pass on $name', (target) => {
  let h: Harness
  let onlyRelease: ReturnType<typeof policyVariant>
  let h2: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
    onlyRelease = policyVariant((y) => y.replace('blocks_pass_at: [legal_review, release]', 'blocks_pass_at: [release]'))
    h2 = await makeHarness(target, { policiesDir: onlyRelease.dir })
  })
  afterAll(async () => {
    await h?.close()
    await h2?.close()
    onlyRelease?.dispose()
  })

  /** Runs the brief to its legal_review gate (any fact check passed on the way). */
  async function toLegal(hh: Harness) {
    const { runId, run } = await hh.runToGate(await hh.as('writer'), socialAd())
    expect(run.draft.missing.map((m: { requirement: string }) => m.requirement).sort()).toEqual(['advertiser', 'erid', 'label'])
    // each named for the reviewer in both UI languages; the wording itself is copy in the text's language
    const erid = run.draft.missing.find((m: { requirement: string }) => m.requirement === 'erid')
    expect(erid).toMatchObject({ title: { ru: 'Токен erid', en: 'erid token' }, wording: 'erid: <токен из ОРД>' })
    if (hh.openGate(run)?.gate === 'fact_check') {
      const fc = await hh.as('factcheck')
      await hh.verifyAllClaims(fc, runId)
      expect((await fc.post(`/api/gates/${hh.openGate(run)!.id}/decision`, { decision: 'pass' })).status).toBe(200)
      await hh.worker.drain()
    }
    const gate = hh.openGate((await (await hh.as('legal')).get(`/api/runs/${runId}`)).body)!
    expect(gate.gate).toBe('legal_review')
    return { runId, gate }
  }
  const decide = (c: Client, gateId: string, body: object) => c.post(`/api/gates/${gateId}/decision`, body)

  it('legal and release: 409 naming the wording, then a pass with a reason on record', async () => {
    const { runId, gate } = await toLegal(h)
    const legal = await h.as('legal')
    const refused = await decide(legal, gate.id, { decision: 'pass' })
    expect(refused.status).toBe(409)
    expect(refused.body.message).toMatch(/Реклама.*erid/s)
    expect((await decide(legal, gate.id, { decision: 'pass', waiveMissing: 'later' })).status).toBe(400)
    expect((await decide(legal, gate.id, { decision: 'reject', comment: 'no', waiveMissing: REASON })).status).toBe(400)
    expect((await decide(legal, gate.id, { decision: 'pass', waiveMissing: REASON })).status).toBe(200)
    const [row] = await h.sql`select missing_waived, missing_waiver_reason from gate_decisions where gate_id = ${gate.id}`
    expect([[...row!.missing_waived].sort(), row!.missing_waiver_reason]).toEqual([['advertiser', 'erid', 'label'], REASON])
    const [audit] =
      await h.sql`select data from audit_log where run_id = ${runId} and action = 'gate.decision' and data->>'gateId' = ${gate.id}`
    expect([[...audit!.data.missingWaived].sort(), audit!.data.reason]).toEqual([['advertiser', 'erid', 'label'], REASON])
    await h.worker.drain()

    const editor = await h.as('editor')
    const release = h.openGate((await editor.get(`/api/runs/${runId}`)).body)!
    expect(release.gate).toBe('release')
    expect((await decide(editor, release.id, { decision: 'pass' })).status).toBe(409)
    expect((await decide(editor, release.id, { decision: 'pass', waiveMissing: REASON, erid: 'Erid4SocialAd1' })).status).toBe(200) // a paid social ad names its erid
    await h.worker.drain()
    expect((await editor.get(`/api/runs/${runId}`)).body.status).toBe('approved')
  })

  it('the database refuses such a pass without the waiver, whatever the app sends', async () => {
    const { runId, gate } = await toLegal(h)
    const [legal] = await h.sql`select id from users where email = 'legal@copydesk.local'`
    const pass = (waived: string[] | null, reason: string | null) =>
      h.sql.begin(async (tx) => {
        await tx`update gates set status = 'passed', decided_by = ${legal!.id} where id = ${gate.id}`
        await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision, missing_waived, missing_waiver_reason)
          values (${gate.id}, ${runId}, ${legal!.id}, 'pass', ${waived ? tx.json(waived) : null}, ${reason})`
        throw new Error('accepted') // roll back what got through
      })
    await expect(pass(null, null)).rejects.toThrow(/mandatory wording/)
    await expect(pass(['label', 'advertiser', 'erid'], 'too short')).rejects.toThrow(/mandatory wording/)
    await expect(pass(['label'], REASON)).rejects.toThrow(/mandatory wording/)
    await expect(pass(['label', 'advertiser', 'erid'], REASON)).rejects.toThrow(/^accepted$/)
    await expect(
      h.sql.begin(async (tx) => {
        await tx`update gates set status = 'changes_requested', decided_by = ${legal!.id}, comment = 'x' where id = ${gate.id}`
        await tx`insert into gate_decisions (gate_id, run_id, decided_by, decision, comment, missing_waiver_reason)
        values (${gate.id}, ${runId}, ${legal!.id}, 'request_changes', 'x', ${REASON})`
      }),
    ).rejects.toThrow(/only by a pass/)
  })

  it("the run's policy says where: a policy that blocks only at release lets legal pass", async () => {
    const { runId, gate } = await toLegal(h2)
    expect((await decide(await h2.as('legal'), gate.id, { decision: 'pass' })).status).toBe(200)
    await h2.worker.drain()
    const editor = await h2.as('editor')
    const run = (await editor.get(`/api/runs/${runId}`)).body
    expect(run.missingBlocksPassAt).toEqual(['release'])
    expect((await decide(editor, h2.openGate(run)!.id, { decision: 'pass' })).status).toBe(409)
  })
})
