// Issue 14, item 8: an author's edit racing a reviewer's decision on the same run deadlocked on
// PostgreSQL (500 in 9 of 10). Both now lock the run first, then its gates: one wins, the other
// gets a clear 409, and the database never holds a half-done pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTargets } from '../helpers/databases'
import { offerBrief } from '../helpers/fixtures'
import { makeHarness, type Harness } from '../helpers/harness'

const targets = await testTargets()
const ROUNDS = 10

describe.each(targets)('edit vs decision on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it(`${ROUNDS} races: never a 500, exactly one side wins, the run stays consistent`, async () => {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    const outcomes: string[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const { runId, run } = await h.runToGate(writer, offerBrief({ title: `Race ${i}` }))
      const gate = h.openGate(run)!
      const [edit, decision] = await Promise.all([
        writer.post(`/api/runs/${runId}/edits`, { version: run.draft.version, text: `${run.draft.text}\nEdited in race ${i}.` }),
        editor.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', comment: '' }),
      ])
      expect([edit.status, decision.status], JSON.stringify([edit.body, decision.body])).not.toContain(500)
      const won = [edit.status === 201, decision.status === 200]
      expect(won.filter(Boolean), JSON.stringify([edit.body, decision.body])).toHaveLength(1)
      outcomes.push(won[0] ? 'edit' : 'decision')
      const [g] = await h.sql`select status from gates where id = ${gate.id}`
      expect(g!.status).toBe(won[0] ? 'superseded' : 'passed')
      await h.worker.drain()
    }
    expect(outcomes).toHaveLength(ROUNDS)
  })
})
