// The writer edits the draft under review: the edit is a new version the gates judge again,
// its distance from the AI draft is stored, and a redraft after it starts from the edited words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../server/audit/verify'
import { editDistance } from '../server/runs/edit-draft'
import { testTargets } from './helpers/databases'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe('edit distance', () => {
  it('is the Levenshtein distance and its share of the longer text', () => {
    expect(editDistance('kitten', 'sitting')).toEqual({ distance: 3, ratio: 3 / 7 })
    expect(editDistance('same', 'same')).toEqual({ distance: 0, ratio: 0 })
    expect(editDistance('', 'new')).toEqual({ distance: 3, ratio: 1 })
    expect(editDistance('Скидка 10%', 'Скидка 15%').distance).toBe(1)
  })

  it('on long texts counts the lines changed, fast, and never less than the exact distance', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `keyword number ${i}; cluster ${i % 97}`)
    const moved = [...lines.slice(0, 100), ...lines.slice(101), lines[100]!]
    const t0 = performance.now()
    const d = editDistance(lines.join('\n'), moved.join('\n'))
    expect(performance.now() - t0).toBeLessThan(5_000) // the exact algorithm takes about a minute here
    // one line moved: it is removed and added (the old last line gains a line break, so it counts too)
    expect(d.distance).toBeGreaterThanOrEqual(2 * (lines[100]!.length + 1))
    expect(d.distance).toBeLessThan(200)
    expect(d.ratio).toBeGreaterThan(0)
    expect(d.ratio).toBeLessThan(0.01)
  })
})

describe.each(targets)('writer edits on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('an edit is a new version: the old gates are superseded, new ones open, and the edited text is what gets approved', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const { runId, run } = await h.runToGate(writer)
    const ai = run.draft.text as string
    const edited = `${ai}\n\nBook a free trial class this week.`
    const r = await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: edited })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toEqual({ version: 2 })
    await h.worker.drain()

    const after = (await writer.get(`/api/runs/${runId}`)).body
    expect(after.status).toBe('awaiting_review')
    expect(after.draft).toMatchObject({ version: 2, engine: 'human', model: 'writer@copydesk.local', text: edited, promptId: 'offer' })
    expect(after.draft.edit).toMatchObject({
      editedFrom: 1,
      aiVersion: 1,
      editedBy: 'writer@copydesk.local',
      distance: edited.length - ai.length,
    })
    expect(after.draft.edit.ratio).toBeCloseTo((edited.length - ai.length) / edited.length, 6)
    expect(after.drafts.map((d: { version: number; engine: string }) => [d.version, d.engine])).toEqual([
      [1, 'offline'],
      [2, 'human'],
    ])
    const v1 = after.gates.filter((g: { draftVersion: number }) => g.draftVersion === 1)
    expect(v1.map((g: { status: string }) => g.status)).toEqual(['superseded'])
    const gate = h.openGate(after)!
    expect(gate).toMatchObject({ draftVersion: 2, gate: 'release' })
    // the superseded gate takes no decision
    expect((await editor.post(`/api/gates/${v1[0].id}/decision`, { decision: 'pass' })).status).toBe(409)

    // both versions can be read, to compare them
    expect((await editor.get(`/api/runs/${runId}/drafts/1`)).body).toMatchObject({ version: 1, engine: 'offline', text: ai, edit: null })
    expect((await editor.get(`/api/runs/${runId}/drafts/2`)).body).toMatchObject({ version: 2, text: edited })
    expect((await editor.get(`/api/runs/${runId}/drafts/3`)).status).toBe(404)
    expect((await editor.get(`/api/runs/${runId}/drafts/x`)).status).toBe(400)

    expect((await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass' })).status).toBe(200)
    await h.worker.drain()
    expect((await writer.get(`/api/runs/${runId}`)).body.status).toBe('approved')
    const [final] = await h.sql`select final_text from runs where id = ${runId}`
    expect(final!.final_text).toBe(edited)
    expect(await h.auditActions(runId)).toEqual([
      'run.start',
      'llm.call',
      'gate.opened',
      'draft.edited',
      'gate.opened',
      'gate.decision',
      'run.approved',
    ])
    const [row] = await h.sql`select data from audit_log where run_id = ${runId} and action = 'draft.edited'`
    expect(row!.data).toMatchObject({ draftVersion: 2, editedFrom: 1, aiVersion: 1, editDistance: edited.length - ai.length })
    // approved: no more edits
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 2, text: 'late' })).status).toBe(409)
    expect((await verifyAudit(h.sql)).ok).toBe(true)
  })

  it('the rules judge the edited words: a guarantee added by hand brings the legal review', async () => {
    const writer = await h.as('writer')
    const { runId, run } = await h.runToGate(writer)
    expect(run.gates.map((g: { gate: string }) => g.gate)).toEqual(['release'])
    await writer.post(`/api/runs/${runId}/edits`, {
      version: 1,
      text: `${run.draft.text}\nGuaranteed 100% full classes or your money back.`,
    })
    await h.worker.drain()
    const after = (await writer.get(`/api/runs/${runId}`)).body
    expect(after.gates.filter((g: { draftVersion: number }) => g.draftVersion === 2).map((g: { gate: string }) => g.gate)).toContain(
      'legal_review',
    )
    expect(after.draft.categories).toEqual(expect.arrayContaining(['legal_promise']))
  })

  it('only the author, only the current version, only a changed text, only while in review', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const { runId, run } = await h.runToGate(writer)
    expect((await editor.post(`/api/runs/${runId}/edits`, { version: 1, text: 'mine now' })).status).toBe(403)
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: run.draft.text })).status).toBe(400)
    const empty = await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.body.issues[0].path).toBe('text')
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: 'First edit' })).status).toBe(201)
    // before the worker re-plans: not in review
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 2, text: 'Second edit' })).status).toBe(409)
    await h.worker.drain()
    const stale = await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: 'Stale edit' })
    expect(stale.status).toBe(409)
    expect(stale.body.message).toMatch(/at draft 2/)
    // an edit of an edit measures the distance from the AI draft, not from the previous edit
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 2, text: 'Second edit' })).status).toBe(201)
    await h.worker.drain()
    const after = (await writer.get(`/api/runs/${runId}`)).body
    expect(after.draft.edit).toMatchObject({ editedFrom: 2, aiVersion: 1 })
  })

  it('changes requested after an edit: the redraft starts from the edited text', async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const { runId, run } = await h.runToGate(writer)
    // the writer keeps only the first variant
    await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: run.draft.text.split('\n\n')[0] })
    await h.worker.drain()
    const gate = h.openGate((await writer.get(`/api/runs/${runId}`)).body)!
    const decided = await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'request_changes', comment: 'Shorter, please' })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    await h.worker.drain()
    const after = (await writer.get(`/api/runs/${runId}`)).body
    expect(after.draft).toMatchObject({ version: 3, engine: 'offline', feedback: 'Shorter, please', edit: null })
    expect(h.openGate(after)).toMatchObject({ draftVersion: 3 })
  })
})
