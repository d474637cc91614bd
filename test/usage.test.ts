// The CMO's audit of AI usage: budgets that refuse model calls (the offline engine drafts
// instead), the rollup the dashboard reads, each view with its filters and access rules, CSV
// exports, and policy/prompt versions on record.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { verifyAudit } from '../server/audit/verify'
import { testTargets } from './helpers/databases'
import { startFakeOpenAi, type FakeOpenAi } from './helpers/fake-openai'
import { offerBrief, seoBrief, modelOfferReply } from './helpers/fixtures'
import { makeHarness, makeModelHarness, type Harness } from './helpers/harness'
import { policyVariant } from './helpers/policy-copy'

// Budget and rollup arithmetic with one model call per draft: the policy's risk reviewer (a
// second call per draft, tested in model-review.test.ts) is off in these variants.
const noReviewer = (y: string) => y.replace('llm_classifier:\n  enabled: true', 'llm_classifier:\n  enabled: false')

const targets = await testTargets()
// gpt-4o-mini: 1,000 tokens in and 500 out cost $0.00045 a call
const CALL_USD = (1000 * 0.15 + 500 * 0.6) / 1e6

describe.each(targets)('monthly AI budgets on $name', (target) => {
  let fake: FakeOpenAi
  let h: Harness
  let variant: ReturnType<typeof policyVariant>
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    // two calls fit the writer's budget ($0.0006 allows a second call at $0.00045 spent), a third does not
    variant = policyVariant((y) =>
      noReviewer(y).replace('  warn_at: 0.8', '  warn_at: 0.7').replace('    per_user: 50', '    per_user: 0.0006'),
    )
    h = await makeModelHarness(target, fake, { policiesDir: variant.dir })
  })
  afterAll(async () => {
    await h?.close()
    await fake?.close()
    variant?.dispose()
  })
  beforeEach(() => fake.setFallback({ content: modelOfferReply(), usage: { prompt_tokens: 1000, completion_tokens: 500 } }))

  it('warns at warn_at, then refuses further model calls: the offline engine drafts, the refusal is on record', async () => {
    const writer = await h.as('writer')
    const first = await h.runToGate(writer)
    expect(first.run.draft).toMatchObject({ engine: 'openai', engineNote: null })
    const me = (await writer.get('/api/usage/me')).body
    expect(me).toMatchObject({ calls: 1, warnAt: 0.7 })
    expect(me.costUsd).toBeCloseTo(CALL_USD, 10)
    expect(me.budgets.find((b: { scope: string }) => b.scope === 'user')).toMatchObject({
      name: 'writer@copydesk.local',
      limitUsd: 0.0006,
      state: 'warn',
    })

    await h.runToGate(writer)
    expect(fake.requests).toHaveLength(2)
    const third = await h.runToGate(writer)
    expect(fake.requests).toHaveLength(2) // the model was not called
    expect(third.run.status).toBe('awaiting_review')
    expect(third.run.draft).toMatchObject({ engine: 'offline', model: 'copydesk-offline-1' })
    expect(third.run.draft.engineNote).toMatch(
      /your monthly AI budget \(writer@copydesk\.local\) for \d{4}-\d{2} is spent: \$0\.0009 of \$0\.0006\. The model was not called: the offline engine drafted this version\./,
    )
    const rows =
      await h.sql`select action, data from audit_log where run_id = ${third.runId} and action in ('llm.refused', 'llm.call') order by seq`
    expect(rows.map((r) => r.action)).toEqual(['llm.refused', 'llm.call'])
    expect(rows[0]!.data).toMatchObject({ reason: 'budget', scope: 'user', name: 'writer@copydesk.local', limitUsd: 0.0006, kind: 'offer' })
    expect(rows[0]!.data.spentUsd).toBeCloseTo(2 * CALL_USD, 10)
    expect(rows[1]!.data).toMatchObject({ engine: 'offline', costUsd: 0 })
    expect((await writer.get('/api/usage/me')).body.budgets[0].state).toBe('over')
    // the outbox told the writer and the CMOs once of the warning and once of the spent budget
    const events = await h.sql`select id, type, payload -> 'budget' as budget from events where type like 'budget.%' order by created_at`
    const month = new Date().toISOString().slice(0, 7)
    expect(events.map((e) => e.id)).toEqual([
      `budget.warning:user:writer@copydesk.local:${month}`,
      `budget.spent:user:writer@copydesk.local:${month}`,
    ])
    expect(events[1]!.budget).toMatchObject({ scope: 'user', name: 'writer@copydesk.local', month, limitUsd: 0.0006 })

    // what needs the model and has no offline stand-in fails with the reason
    const seo = await h.runToGate(
      writer,
      seoBrief('keyword\nbuy sofa\nsofa price\n', { inputs: { keywordsCsv: 'keyword\nbuy sofa\nsofa price\n', mode: 'semantic' } }),
    )
    expect(seo.run.status).toBe('failed')
    expect(seo.run.error).toMatch(/budget .* is spent.*semantic clustering needs the model's embeddings/)
    expect((await verifyAudit(h.sql)).ok).toBe(true)
  })

  it('the CMO sees every budget with its spend and the refusals of the month', async () => {
    const cmo = await h.as('cmo')
    const v = (await cmo.get('/api/usage/budgets')).body
    expect(v.refusedThisMonth).toBe(2) // the third draft and the semantic SEO run
    const writerLine = v.lines.find((l: { name: string }) => l.name === 'writer@copydesk.local')
    expect(writerLine).toMatchObject({ scope: 'user', state: 'over', limitUsd: 0.0006 })
    expect(v.lines.find((l: { name: string }) => l.name === 'demo')).toMatchObject({ scope: 'team', limitUsd: 300, state: 'ok' })
    expect(v.lines[0].share).toBeGreaterThanOrEqual(v.lines.at(-1).share) // the most spent first
    expect((await (await h.as('writer')).get('/api/usage/budgets')).status).toBe(403)
    const csv = await cmo.bytes('GET', '/api/usage/budgets?format=csv')
    const lines = new TextDecoder()
      .decode(csv.bytes)
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)
    expect(lines[0]).toBe('month,scope,name,limit_usd,spent_usd,share,state')
    expect(lines.some((l) => l.includes(',user,writer@copydesk.local,0.0006,'))).toBe(true)
  })

  it('a team budget of 0 refuses the whole team, naming the team', async () => {
    const zero = policyVariant((y) => noReviewer(y).replace('    teams: { demo: 300 }', '    teams: { demo: 0 }'))
    const t = await makeModelHarness(target, fake, { policiesDir: zero.dir })
    try {
      const before = fake.requests.length
      const { run } = await t.runToGate(await t.as('writer'))
      expect(fake.requests.length).toBe(before)
      expect(run.draft.engineNote).toMatch(/the monthly AI budget of team demo for .* is spent: \$0 of \$0\. The model was not called/)
    } finally {
      await t.close()
      zero.dispose()
    }
  })
})

describe.each(targets)('the CMO dashboard on $name', (target) => {
  let h: Harness
  let fake: FakeOpenAi
  let model: Harness
  let variant: ReturnType<typeof policyVariant>
  beforeAll(async () => {
    h = await makeHarness(target)
    fake = await startFakeOpenAi()
    variant = policyVariant(noReviewer)
    model = await makeModelHarness(target, fake, { policiesDir: variant.dir })
  })
  afterAll(async () => {
    await h?.close()
    await model?.close()
    await fake?.close()
    variant?.dispose()
  })

  it('every model call is counted in the daily rollup, which matches the audit log', async () => {
    fake.setFallback({ content: modelOfferReply(), usage: { prompt_tokens: 1000, completion_tokens: 500 } })
    const writer = await model.as('writer')
    for (let i = 0; i < 3; i++) await model.runToGate(writer)
    fake.setFallback({ status: 400 })
    await model.runToGate(writer) // a failed call counts too: it was attempted, and may have cost
    const [log] =
      await model.sql`select count(*)::int as n, sum((data ->> 'costUsd')::numeric)::float8 as cost from audit_log where action = 'llm.call'`
    const [rollup] =
      await model.sql`select sum(calls)::int as n, sum(failed)::int as failed, sum(cost_usd)::float8 as cost from ai_usage_daily`
    expect(rollup).toMatchObject({ n: log!.n, failed: 1 })
    expect(rollup!.cost).toBeCloseTo(log!.cost, 10)
    expect(rollup!.cost).toBeCloseTo(3 * CALL_USD, 10)

    const cmo = await model.as('cmo')
    const s = (await cmo.get('/api/usage/summary')).body
    expect(s.totals).toMatchObject({ calls: 4, failed: 1, tokensIn: 3000, tokensOut: 1500, users: 1 })
    expect(s.period.bucket).toBe('day')
    expect(s.series.reduce((n: number, p: { calls: number }) => n + p.calls, 0)).toBe(4)
    expect(s.byUser).toEqual([expect.objectContaining({ label: 'writer@copydesk.local', team: 'demo', calls: 4 })])
    expect(s.byKind).toEqual([expect.objectContaining({ key: 'offer', calls: 4 })])
    expect(s.byModel).toEqual([expect.objectContaining({ key: 'gpt-4o-mini', engine: 'openai', calls: 4 })])
    expect(s.byPrompt[0]).toMatchObject({ promptId: 'offer', calls: 4 })
    // filters: another kind, another user, a period without calls
    expect((await cmo.get('/api/usage/summary?kind=headlines')).body.totals.calls).toBe(0)
    expect((await cmo.get('/api/usage/summary?user=editor@copydesk.local')).body.totals.calls).toBe(0)
    expect((await cmo.get('/api/usage/summary?from=2020-01-01&to=2020-12-31')).body).toMatchObject({
      totals: { calls: 0 },
      period: { bucket: 'month' },
    })
    expect((await cmo.get('/api/usage/summary?from=2026-02-01&to=2026-01-01')).status).toBe(400)
    expect((await cmo.get('/api/usage/summary?user=nobody@example.com')).body.message).toMatch(/no user with the e-mail nobody@example.com/)

    // a writer sees their own usage only, and is told so when asking for more
    expect((await writer.get('/api/usage/summary')).body.totals.calls).toBe(4)
    expect((await (await model.as('editor')).get('/api/usage/summary')).body.totals.calls).toBe(0)
    expect((await writer.get('/api/usage/summary?team=demo')).status).toBe(403)
    expect((await writer.get('/api/usage/summary?user=editor@copydesk.local')).status).toBe(403)
    for (const view of ['gates', 'blocked', 'budgets', 'log.csv']) expect((await writer.get(`/api/usage/${view}`)).status, view).toBe(403)

    const csv = new TextDecoder()
      .decode((await cmo.bytes('GET', '/api/usage/summary?format=csv')).bytes)
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)
    expect(csv[0]).toBe('section,key,label,calls,failed,tokens_in,tokens_out,cost_usd')
    expect(csv[1]).toMatch(/^total,,,4,1,3000,1500,0\.00135/)
    expect(csv).toContainEqual(expect.stringMatching(/^by_user,[0-9a-f-]{36},writer@copydesk\.local,4,1,/))
  })

  it('approvals: rate, without rework, and how much of the approved copy the AI wrote', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const pass = async (runId: string) => {
      const run = (await editor.get(`/api/runs/${runId}`)).body
      const gate = h.openGate(run)!
      expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass' })).status).toBe(200)
      await h.worker.drain()
    }
    const clean = await h.runToGate(writer)
    await pass(clean.runId)
    const edited = await h.runToGate(writer)
    const text = `${edited.run.draft.text}\n\nBook a free trial class this week.`
    expect((await writer.post(`/api/runs/${edited.runId}/edits`, { version: 1, text })).status).toBe(201)
    await h.worker.drain()
    await pass(edited.runId)
    const rejected = await h.runToGate(writer)
    const gate = h.openGate(rejected.run)!
    expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'reject', comment: 'Off brand' })).status).toBe(200)
    await h.runToGate(writer) // still in review

    const v = (await (await h.as('cmo')).get('/api/usage/approvals')).body
    expect(v).toMatchObject({
      runs: 4,
      approved: 2,
      rejected: 1,
      inReview: 1,
      failed: 0,
      approvedWithoutRework: 1,
      editedFinals: 1,
      target: [0.7, 0.85],
    })
    expect(v.approvalRate).toBeCloseTo(2 / 3, 10)
    expect(v.withoutReworkShare).toBeCloseTo(0.5, 10)
    const [ratio] = await h.sql`select edit_ratio::float8 as r from drafts where run_id = ${edited.runId} and version = 2`
    expect(v.aiShare).toBeCloseTo((1 + (1 - ratio!.r)) / 2, 6)
    expect(v.byKind).toEqual([expect.objectContaining({ kind: 'offer', runs: 4, approved: 2, approvedWithoutRework: 1 })])
    expect((await writer.get('/api/usage/approvals')).body.runs).toBe(4) // the writer's own runs

    // gates: the decided release gates with their time, and an overdue one listed
    await h.sql`update gates set due_at = now() - interval '3 days' where run_id = ${(await h.runToGate(writer)).runId} and status = 'open'`
    const g = (await (await h.as('cmo')).get('/api/usage/gates')).body
    const release = g.gates.find((x: { gate: string }) => x.gate === 'release')
    expect(release).toMatchObject({ decided: 3, open: 2, overdue: 1 })
    expect(release.meanHours).toBeGreaterThanOrEqual(0)
    expect(g.overdue).toEqual([
      expect.objectContaining({
        gate: 'release',
        role: 'editor',
        author: 'writer@copydesk.local',
        briefTitle: 'Booking page for yoga studios',
      }),
    ])
    expect(g.overdue[0].daysOverdue).toBeGreaterThanOrEqual(2.9)
    // one author's gates come from the gates themselves, not the rollup: the same numbers
    const mine = (await (await h.as('cmo')).get('/api/usage/gates?user=writer@copydesk.local')).body
    expect(mine.gates.find((x: { gate: string }) => x.gate === 'release')).toMatchObject({
      decided: 3,
      open: 2,
      overdue: 1,
      p50Hours: release.p50Hours,
      p90Hours: release.p90Hours,
    })
    expect((await (await h.as('cmo')).get('/api/usage/gates?user=editor@copydesk.local')).body.gates).toEqual([])
    const overdueCsv = new TextDecoder().decode((await (await h.as('cmo')).bytes('GET', '/api/usage/gates?format=csv&list=overdue')).bytes)
    expect(overdueCsv).toMatch(/gate_id,run_id,gate,role,assignee,due_at,days_overdue,brief,author/)

    const b = (await (await h.as('cmo')).get('/api/usage/blocked')).body
    expect(b.decisions).toContainEqual({ gate: 'release', decision: 'reject', count: 1 })
  })

  it('what the policy blocked: personal data by type (never the values) and the audit log as CSV', async () => {
    const block = policyVariant((y) => y.replace('  inputs: redact', '  inputs: block'))
    const t = await makeHarness(target, { policiesDir: block.dir })
    try {
      const writer = await t.as('writer')
      await t.runToGate(writer, offerBrief({ audience: 'Clients like Ivan Petrov, ivan.petrov@yandex.ru' }))
      const cmo = await t.as('cmo')
      const b = (await cmo.get('/api/usage/blocked')).body
      expect(b).toMatchObject({ piiBlocked: 1, piiTypes: { PERSON: 1, EMAIL: 1 }, budgetRefused: 0 })
      expect((await cmo.get('/api/usage/blocked?team=elsewhere')).body.piiBlocked).toBe(0)
      const log = new TextDecoder().decode((await cmo.bytes('GET', '/api/usage/log.csv')).bytes).replace(/^\ufeff/, '')
      const lines = log.trim().split(/\r?\n/)
      expect(lines[0]).toBe('seq,at,actor,action,run_id,hash,data')
      expect(log).toContain('pii.blocked')
      expect(log).not.toContain('ivan.petrov')
      expect(log).not.toContain('Petrov')
      const only = new TextDecoder()
        .decode((await cmo.bytes('GET', '/api/usage/log.csv?action=pii.blocked')).bytes)
        .trim()
        .split(/\r?\n/)
      expect(only).toHaveLength(2)
      expect(only[1]).toMatch(/,writer@copydesk\.local,pii\.blocked,/)

      // the CMO proves the log was not edited from the dashboard; tampering is found and named
      const intact = (await cmo.post('/api/usage/verify')).body
      expect(intact).toMatchObject({ ok: true, badSeq: null, problem: null, mismatches: [], head: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect(intact.rows).toBeGreaterThan(10)
      expect((await writer.post('/api/usage/verify')).status).toBe(403)
      await t.asOwner(async (tx) => {
        await tx`alter table audit_log disable trigger user`
        await tx`update audit_log set data = '{}' where action = 'pii.blocked'`
        await tx`alter table audit_log enable trigger user`
      })
      const [bad] = await t.sql`select seq from audit_log where action = 'pii.blocked'`
      expect((await cmo.post('/api/usage/verify')).body).toMatchObject({
        ok: false,
        badSeq: Number(bad!.seq),
        reason: expect.stringMatching(/changed/),
        problem: 'content',
      })
    } finally {
      await t.close()
      block.dispose()
    }
  })

  it('policy and prompt versions are on record the first time they are seen, once', async () => {
    const rows = await h.sql`select action, data from audit_log where action in ('policy.version', 'prompt.version') order by seq`
    expect(rows.filter((r) => r.action === 'policy.version')).toHaveLength(1)
    const prompts = rows.filter((r) => r.action === 'prompt.version')
    expect(prompts.length).toBeGreaterThanOrEqual(10)
    expect(prompts[0]!.data).toMatchObject({
      id: expect.any(String),
      lang: expect.stringMatching(/^(ru|en)$/),
      version: expect.any(String),
      owner: expect.any(String),
    })
    const { syncPrompts, loadPrompts } = await import('../server/prompts/load')
    const { PROMPTS_DIR } = await import('../server/paths')
    await syncPrompts(h.sql, loadPrompts(PROMPTS_DIR))
    const [again] = await h.sql`select count(*)::int as n from audit_log where action = 'prompt.version'`
    expect(again!.n).toBe(prompts.length)
  })
})
