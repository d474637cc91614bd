// What a brief advertises (issue 15, item 1): the declared sector is stored, returned, checked
// against the policy, carried into "start a new brief from this", and the policy lists its sectors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTargets } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('what a brief advertises on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('stores the declared sector and returns it; a brief that declares none has null', async () => {
    const writer = await h.as('writer')
    const declared = await writer.post('/api/briefs', offerBrief({ advertised: 'medicine' }))
    expect(declared.status).toBe(201)
    expect((await writer.get(`/api/briefs/${declared.body.id}`)).body.advertised).toBe('medicine')

    const other = await writer.post('/api/briefs', offerBrief({ advertised: 'other' }))
    expect(other.status).toBe(201)
    expect((await writer.get(`/api/briefs/${other.body.id}`)).body.advertised).toBe('other')

    // scripts written before the field keep working: the sector is inferred from the text
    const none = await writer.post('/api/briefs', offerBrief())
    expect(none.status).toBe(201)
    expect((await writer.get(`/api/briefs/${none.body.id}`)).body.advertised).toBeNull()
  })

  it('refuses a sector the policy does not have, naming the field', async () => {
    const writer = await h.as('writer')
    const count = async () => (await h.sql`select count(*)::int as n from briefs`)[0]!.n as number
    const before = await count()
    const unknown = await writer.post('/api/briefs', offerBrief({ advertised: 'cosmetics' }))
    expect(unknown.status).toBe(400)
    expect(unknown.body.code).toBe('bad_request')
    expect(unknown.body.issues).toEqual([expect.objectContaining({ path: 'advertised' })])
    expect(unknown.body.message).toContain('cosmetics')

    const malformed = await writer.post('/api/briefs', offerBrief({ advertised: 'Medicine; drop table' }))
    expect(malformed.status).toBe(400)
    expect(malformed.body.issues.map((i: { path: string }) => i.path)).toContain('advertised')
    expect(await count()).toBe(before) // nothing stored
  })

  it('the policy view lists its sectors with their categories, internal kinds and where missing wording blocks', async () => {
    const view = (await (await h.as('editor')).get('/api/policy')).body
    const byId = new Map(view.sectors.map((s: { id: string }) => [s.id, s]))
    expect(byId.get('medicine')).toEqual({
      id: 'medicine',
      label: expect.any(String),
      labelRu: expect.any(String),
      categories: ['medicine'],
    })
    expect(byId.get('finance')).toMatchObject({ categories: ['finance'] })
    expect(byId.get('supplements')).toMatchObject({ categories: ['supplements'] })
    expect(byId.has('other')).toBe(false) // built in: the UI adds it
    expect(view.internalKinds.kinds).toEqual(expect.arrayContaining(['interview_summary', 'seo_clusters']))
    expect(view.internalKinds.categories).toEqual(['personal_data'])
    expect(view.missingWording.blocksPassAt).toEqual(['legal_review', 'release'])
  })

  it('"start a new brief from this" carries what the brief advertised, and the body is accepted as it is', async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, offerBrief({ advertised: 'finance', title: 'Deposit page for a bank' }))
    const reuse = await writer.get(`/api/kb/results/${runId}/reuse`)
    expect(reuse.status).toBe(200)
    expect(reuse.body.advertised).toBe('finance')
    const again = await writer.post('/api/briefs', reuse.body)
    expect(again.status).toBe(201)
    expect((await writer.get(`/api/briefs/${again.body.id}`)).body.advertised).toBe('finance')

    // a brief that declared nothing is reused with nothing declared (the form asks again)
    const plain = await h.runToGate(writer, offerBrief({ title: 'Plain booking page' }))
    const body = (await writer.get(`/api/kb/results/${plain.runId}/reuse`)).body
    expect(body).not.toHaveProperty('advertised')
  })
})
