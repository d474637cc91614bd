// The brief list says where each brief stands: its latest run's status, and whether a gate of it
// is open past its due date (issue 18: a status column with overdue markers in every list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BriefListItem } from '../contracts/briefs'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { headlinesBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('the brief list on $name', (target) => {
  let h: Harness
  let writer: Client
  beforeAll(async () => {
    h = await makeHarness(target)
    writer = await h.as('writer')
  })
  afterAll(() => h?.close())

  const row = async (id: string) =>
    BriefListItem.array()
      .parse((await writer.get('/api/briefs')).body)
      .find((b) => b.id === id)!

  it('no run yet, then waiting for review, overdue once its open gate is past due, approved at the end', async () => {
    const created = await writer.post('/api/briefs', headlinesBrief({ title: 'Status column' }))
    expect(await row(created.body.id)).toMatchObject({ status: null, overdue: false })

    const { briefId, runId } = await h.runToGate(writer, headlinesBrief({ title: 'Waiting brief' }))
    expect(await row(briefId)).toMatchObject({ status: 'awaiting_review', overdue: false })

    await h.asOwner((tx) => tx`update gates set due_at = now() - interval '1 day' where run_id = ${runId} and status = 'open'`)
    expect(await row(briefId)).toMatchObject({ status: 'awaiting_review', overdue: true })

    await h.approveAll(runId)
    expect(await row(briefId)).toMatchObject({ status: 'approved', overdue: false })
  })
})
