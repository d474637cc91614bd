// Issue 14, item 5: one visibility rule for every read endpoint. The author, the reviewers of the
// run's gates and the roles the policy names read work in progress; anyone else reads approved
// results only, redacted; and nobody reads a brief or run they should not by guessing its id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser } from '../../server/auth/add-user'
import type { Client } from '../helpers/client'
import { testTargets } from '../helpers/databases'
import { medicalOfferBrief, offerBrief } from '../helpers/fixtures'
import { makeHarness, type Harness } from '../helpers/harness'

const targets = await testTargets()
const PHONE = '+7 916 555-12-34'

describe.each(targets)('who reads what on $name', (target) => {
  let h: Harness
  const c: Record<string, Client> = {}
  const ids: Record<string, { briefId: string; runId: string }> = {}
  beforeAll(async () => {
    h = await makeHarness(target)
    await addUser(h.sql, { email: 'writer2@copydesk.local', name: 'Second Writer', roles: ['writer'], password: 'second-writer-pass' })
    for (const role of ['writer', 'factcheck', 'legal', 'editor', 'cmo', 'admin']) c[role] = await h.as(role)
    c.writer2 = await h.client().login('writer2@copydesk.local', 'second-writer-pass')
    // work in progress: a plain offer (release only) and a medical one (fact check, legal, release)
    ids.plain = await h.runToGate(c.writer!, offerBrief({ title: 'Plain offer' }))
    ids.medical = await h.runToGate(c.writer!, medicalOfferBrief({ factCheckOwner: 'factcheck@copydesk.local' }))
    // an approved result whose brief holds personal data; each gate passed by its reviewer, with a note
    ids.approved = await h.runToGate(
      c.writer!,
      offerBrief({ title: `Promo for Anna (${PHONE})`, audience: `Studio owners; ask Anna Smirnova, ${PHONE}` }),
    )
    for (
      let open = h.openGate((await c.writer!.get(`/api/runs/${ids.approved.runId}`)).body);
      open;
      open = h.openGate((await c.writer!.get(`/api/runs/${ids.approved.runId}`)).body)
    ) {
      if (open.gate === 'fact_check') await h.verifyAllClaims(c.factcheck!, ids.approved.runId)
      const decided = await c[open.role]!.post(`/api/gates/${open.id}/decision`, { decision: 'pass', comment: `checked with ${PHONE}` })
      expect(decided.status, JSON.stringify(decided.body)).toBe(200)
      await h.worker.drain()
    }
    expect((await c.writer!.get(`/api/runs/${ids.approved.runId}`)).body.status).toBe('approved')
  })
  afterAll(async () => h?.close())

  const reads = (k: string) => {
    const { briefId, runId } = ids[k]!
    return {
      brief: `/api/briefs/${briefId}`,
      run: `/api/runs/${runId}`,
      draft: `/api/runs/${runId}/drafts/1`,
      record: `/api/kb/results/${runId}`,
    }
  }

  it('work in progress: the author, its reviewers and the roles the policy names; nobody else', async () => {
    const matrix: [string, string, number][] = [
      ['plain', 'writer', 200],
      ['plain', 'writer2', 403],
      ['plain', 'factcheck', 403], // it has no fact_check gate
      ['plain', 'editor', 200],
      ['plain', 'legal', 200],
      ['plain', 'cmo', 200],
      ['plain', 'admin', 200],
      ['medical', 'writer2', 403],
      ['medical', 'factcheck', 200], // the reviewer of its fact_check gate
    ]
    for (const [run, who, status] of matrix) {
      for (const [what, url] of Object.entries(reads(run))) {
        expect([run, who, what, (await c[who]!.get(url)).status]).toEqual([run, who, what, status])
      }
    }
  })

  it('someone else reads an approved result only, redacted: no personal data, no earlier drafts, no claims or notes', async () => {
    const r = reads('approved')
    const brief = await c.writer2!.get(r.brief)
    expect(brief.status).toBe(200)
    expect(JSON.stringify(brief.body)).not.toContain('555-12-34')
    expect(JSON.stringify(brief.body)).not.toContain('Smirnova')
    expect(brief.body.audience).toMatch(/\[PERSON_1\]/)
    expect(brief.body.runs.every((x: { status: string }) => x.status === 'approved')).toBe(true)
    const run = (await c.writer2!.get(r.run)).body
    expect(run).toMatchObject({ status: 'approved', claims: [], error: null })
    expect(run.gates.every((g: { comment: string | null }) => g.comment === null)).toBe(true)
    expect(run.drafts.map((d: { version: number }) => d.version)).toEqual([run.draft.version])
    // the author and the roles that see all work still read it as typed
    expect((await c.writer!.get(r.brief)).body.audience).toContain(PHONE)
    expect((await c.editor!.get(r.run)).body.gates.every((g: { comment: string }) => g.comment.includes(PHONE))).toBe(true)
  })

  it('the brief list shows each person only what they may read', async () => {
    const titles = async (who: string) =>
      (await c[who]!.get('/api/briefs?all=1')).body.map((b: { id: string; title: string }) => [b.id, b.title]) as [string, string][]
    const other = await titles('writer2')
    const seen = new Map(other)
    expect(seen.has(ids.plain!.briefId)).toBe(false)
    expect(seen.has(ids.medical!.briefId)).toBe(false)
    expect(seen.get(ids.approved!.briefId)).not.toContain('555-12-34') // its title, redacted
    const fc = new Map(await titles('factcheck'))
    expect([fc.has(ids.medical!.briefId), fc.has(ids.plain!.briefId)]).toEqual([true, false])
    const editor = new Map(await titles('editor'))
    expect(editor.get(ids.approved!.briefId)).toContain(PHONE) // the roles that see all work, as typed
    expect(editor.has(ids.plain!.briefId)).toBe(true)
  })

  it('the knowledge-base search follows the same rule', async () => {
    const found = async (who: string) =>
      (await c[who]!.get('/api/kb/results?limit=50')).body.items.map((i: { runId: string }) => i.runId) as string[]
    const other = await found('writer2')
    expect(other).toContain(ids.approved!.runId)
    expect(other).not.toContain(ids.plain!.runId)
    const fc = await found('factcheck')
    expect(fc).toContain(ids.medical!.runId)
    expect(fc).not.toContain(ids.plain!.runId)
  })
})
