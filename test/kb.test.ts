// The knowledge base: the results archive (search in Russian and English, filters, the full
// record with the brief redacted, ratings, tags, reuse, who sees what) and the prompt library
// (each version's record on a known set of runs, diffs between versions).
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CreateBrief, type CreateBriefInput } from '../contracts/briefs'
import { appendAudit } from '../server/audit/append'
import { ResultQuery } from '../contracts/kb'
import { addUser } from '../server/auth/add-user'
import { findUserByEmail } from '../server/auth/queries'
import { approvedExamples } from '../server/kb/examples'
import { searchResults } from '../server/kb/search-results'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { headlinesBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

const PHONE = '+7 916 123-45-67'
const EMAIL = 'anna.smirnova@example.com'

/** Drives runs through the API: drafted by the offline engine, optionally edited, decided by the right reviewers. */
function runner(h: Harness) {
  async function draft(author: Client, brief: CreateBriefInput, text?: string) {
    const { runId } = await h.runToGate(author, brief)
    if (text !== undefined) {
      const r = await author.post(`/api/runs/${runId}/edits`, { version: 1, text })
      if (r.status !== 201) throw new Error(`edit: ${r.status} ${JSON.stringify(r.body)}`)
      await h.worker.drain()
    }
    return runId
  }

  async function decide(runId: string, decision: 'reject' | 'request_changes', comment: string) {
    const { editor } = await h.reviewerClients()
    const gate = h.openGate((await editor.get(`/api/runs/${runId}`)).body)!
    const r = await editor.post(`/api/gates/${gate.id}/decision`, { decision, comment })
    if (r.status !== 200) throw new Error(`${decision}: ${r.status} ${JSON.stringify(r.body)}`)
    await h.worker.drain()
  }

  return { draft, approve: h.approveAll, decide }
}

const ruBrief = (title: string) =>
  offerBrief({
    title,
    lang: 'ru',
    audience: 'Владельцы загородных домов',
    task: 'Продать замену остекления',
    offer: 'Пластиковые рамы с установкой',
    qualityCriteria: 'Понятно с первого прочтения',
    successMetrics: 'Больше заявок на замер',
    inputs: {
      product: 'РамыПро',
      timeframe: 'за неделю',
      method: 'замер и монтаж своей бригадой',
      differentiator: 'работаем без предоплаты',
    },
  })

const slices = (item: { snippet: string; highlights: [number, number][] }) => item.highlights.map(([a, b]) => item.snippet.slice(a, b))
const utcDay = (iso: string, shift = 0) => new Date(Date.parse(iso) + shift * 86_400_000).toISOString().slice(0, 10)

describe.each(targets)('results archive on $name', (target) => {
  let h: Harness
  let writer: Client
  let writer2: Client
  let editor: Client
  type Key = 'ru1' | 'ru2' | 'en1' | 'en2' | 'en3' | 'hl' | 'other' | 'pii' | 'pending' | 'rejected'
  const ids = {} as Record<Key, string>

  beforeAll(async () => {
    h = await makeHarness(target)
    await addUser(h.sql, { email: 'writer2@copydesk.local', name: 'Second Writer', roles: ['writer'], password: 'second-writer-pass' })
    writer = await h.as('writer')
    writer2 = await h.client().login('writer2@copydesk.local', 'second-writer-pass')
    editor = await h.as('editor')
    const r = runner(h)
    const approved = async (key: Key, author: Client, brief: CreateBriefInput, text?: string, comment?: string) => {
      ids[key] = await r.draft(author, brief, text)
      await r.approve(ids[key], comment)
    }
    await approved('ru1', writer, ruBrief('Замер для дачи'), 'Замер окон на даче в удобное для вас время. Монтаж своей бригадой.')
    await approved('ru2', writer, ruBrief('Веранда'), 'Новое окно для веранды: рамы из сосны и тёплый подоконник.')
    await approved('en1', writer, offerBrief({ title: 'Coaches' }), 'Our coaches keep running evening classes for busy studio owners.')
    await approved(
      'en3',
      writer,
      offerBrief({ title: 'Booking page' }),
      'A booking page for your studio with e-mail reminders. It works for yoga too.',
    )
    await approved(
      'en2',
      writer,
      offerBrief({ title: 'Yoga booking' }),
      'Yoga booking made simple: yoga classes, yoga reminders and yoga schedules on one page.',
    )
    await approved(
      'hl',
      writer,
      headlinesBrief({
        title: 'Subject lines',
        channel: 'email',
        audience: 'Owners of small yoga studios',
        task: 'Fill the evening classes',
        offer: 'A booking page with e-mail reminders',
        successMetrics: 'More trial bookings',
        inputs: { count: 5, keyPhrases: ['yoga classes'] },
      }),
      'Fill your evening yoga classes\nBook a trial class tonight',
    )
    await approved('other', writer2, offerBrief({ title: 'Pilates' }), 'Pilates mats for the spring season, delivered to your studio.')
    // personal data in the brief: redacted for the model, and it must never come back out of the knowledge base
    await approved(
      'pii',
      writer,
      offerBrief({ title: `Studio promo (${EMAIL})`, audience: `Owners of small yoga studios; the contact is Anna Smirnova, ${PHONE}` }),
      'Studio software for owners of small studios.',
      `Checked with Anna Smirnova at ${PHONE}`,
    )
    ids.pending = await r.draft(writer, offerBrief({ title: 'Pilates draft' }), 'Pilates rings and pilates mats for a calm spring.')
    ids.rejected = await r.draft(writer, offerBrief({ title: 'Rejected pilates' }), 'Pilates blocks for every studio this spring.')
    await r.decide(ids.rejected, 'reject', 'Off brand')
  })
  afterAll(async () => h?.close())

  const search = async (who: Client, params: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
    const r = await who.get(`/api/kb/results?${qs}`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body as {
      total: number
      items: Array<Record<string, any> & { runId: string; snippet: string; highlights: [number, number][] }>
    }
  }
  const runIds = (page: { items: { runId: string }[] }) => page.items.map((i) => i.runId)

  it('a Russian query finds other inflected forms of the word, and highlights them in a plain-text snippet', async () => {
    const okna = await search(editor, { q: 'окна' })
    expect(new Set(runIds(okna))).toEqual(new Set([ids.ru1, ids.ru2]))
    const ru1 = okna.items.find((i) => i.runId === ids.ru1)!
    expect(slices(ru1)).toEqual(['окон'])
    expect(ru1.snippet).not.toMatch(/[<>\uE000\uE001]/)
    expect(slices(okna.items.find((i) => i.runId === ids.ru2)!)).toEqual(['окно'])
    // and the other way round: the genitive plural finds the singular
    expect(new Set(runIds(await search(editor, { q: 'окон' })))).toEqual(new Set([ids.ru1, ids.ru2]))
    expect(runIds(await search(editor, { q: 'рамами' }))).toEqual([ids.ru2])
  })

  it('an English query is stemmed: "run" finds "running"', async () => {
    const page = await search(editor, { q: 'run' })
    expect(runIds(page)).toEqual([ids.en1])
    expect(slices(page.items[0]!)).toEqual(['running'])
    expect(page.items[0]).toMatchObject({
      lang: 'en',
      kind: 'offer',
      outcome: 'approved',
      engine: 'offline',
      edited: true,
      draftVersion: 2,
    })
  })

  it('ranks the text that is most about the query first, and answers stop words with nothing', async () => {
    const page = await search(editor, { q: 'yoga' })
    expect(runIds(page).slice(0, 1)).toEqual([ids.en2])
    expect(new Set(runIds(page))).toEqual(new Set([ids.en2, ids.en3, ids.hl]))
    const ranks = page.items.map((i) => i.rank as number)
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
    expect(ranks[0]).toBeGreaterThan(ranks.at(-1)!)
    const en2 = page.items[0]!
    expect(slices(en2).map((s) => s.toLowerCase())).toEqual(['yoga', 'yoga', 'yoga', 'yoga'])
    expect(await search(editor, { q: 'the' })).toEqual({ total: 0, totalExact: true, items: [] })
    // web-search syntax: a phrase, an excluded word
    expect(runIds(await search(editor, { q: '"yoga classes"' })).sort()).toEqual([ids.en2, ids.hl].sort())
    expect(runIds(await search(editor, { q: 'yoga -reminders' }))).toEqual([ids.hl])
  })

  it('filters by kind, channel, outcome, author, language, tag and date, newest first without a query', async () => {
    const all = await search(editor, { limit: 100 })
    expect(all.total).toBe(10)
    const created = all.items.map((i) => i.createdAt)
    expect([...created].sort().reverse()).toEqual(created)
    expect(runIds(await search(editor, { kind: 'headlines' }))).toEqual([ids.hl])
    expect(runIds(await search(editor, { channel: 'email', q: 'yoga' }))).toEqual([ids.hl])
    expect(runIds(await search(editor, { outcome: 'rejected' }))).toEqual([ids.rejected])
    expect(runIds(await search(editor, { outcome: 'awaiting_review' }))).toEqual([ids.pending])
    const me2 = (await writer2.get('/api/me')).body.id
    expect(runIds(await search(editor, { author: me2 }))).toEqual([ids.other])
    expect(new Set(runIds(await search(editor, { lang: 'ru' })))).toEqual(new Set([ids.ru1, ids.ru2]))
    expect(runIds(await search(editor, { q: 'окна', lang: 'en' }))).toEqual([])

    expect((await editor.post(`/api/kb/results/${ids.en3}/tags`, { tag: 'Spring  Sale' })).status).toBe(201)
    expect(runIds(await search(editor, { tag: 'SPRING SALE' }))).toEqual([ids.en3])
    expect(runIds(await search(editor, { tag: 'spring', q: 'yoga' }))).toEqual([])

    const item = all.items.find((i) => i.runId === ids.en1)!
    const day = utcDay(item.createdAt)
    expect(runIds(await search(editor, { from: day, to: day, limit: 100 }))).toContain(ids.en1)
    expect(runIds(await search(editor, { from: utcDay(item.createdAt, 1), limit: 100 }))).not.toContain(ids.en1)
    expect(runIds(await search(editor, { to: utcDay(item.createdAt, -1), limit: 100 }))).not.toContain(ids.en1)

    const second = await search(editor, { limit: 1, offset: 1 })
    expect(second.total).toBe(10)
    expect(runIds(second)).toEqual([all.items[1]!.runId])
    expect(await search(editor, { offset: 50 })).toEqual({ total: 10, totalExact: true, items: [] })
  })

  it('a broad query ranks and counts its newest matches only, and says the total is a lower bound', async () => {
    const user = (await findUserByEmail(h.sql, 'editor@copydesk.local'))!
    const query = ResultQuery.parse({ q: 'yoga' })
    // three results say "yoga": en3, then en2, then hl (oldest first); a window of two keeps the newest two
    const ctx = { db: h.sql, policy: h.policy, user, now: new Date() }
    const page = await searchResults({ ctx, input: { query, window: 2 } })
    expect(page).toMatchObject({ total: 2, totalExact: false })
    expect(runIds(page)).toEqual([ids.en2, ids.hl])
    expect(await searchResults({ ctx, input: { query, window: 3 } })).toMatchObject({ total: 3, totalExact: false })
    expect(await searchResults({ ctx, input: { query, window: 4 } })).toMatchObject({ total: 3, totalExact: true })
    expect(await searchResults({ ctx, input: { query: ResultQuery.parse({ q: 'yoga', offset: 5 }), window: 2 } })).toEqual({
      total: 2,
      totalExact: false,
      items: [],
    })
  })

  it('the index follows the result: a rewritten current draft is found by its new words, an old version is not', async () => {
    const editor = await h.as('editor')
    const [run] = await h.sql`select draft_version from runs where id = ${ids.en2}`
    // A node re-run rewrites the current version in place. That happens before review, and this
    // run is approved (its drafts frozen even for the owner), so the owner lifts the guard here.
    const rewrite = (sameVersion: boolean, words: string) =>
      h.asOwner(async (tx) => {
        await tx`alter table drafts disable trigger drafts_guard`
        await tx`update drafts set text = text || ${words} where run_id = ${ids.en2}
          and ${sameVersion ? tx`version = ${run!.draft_version}` : tx`version <> ${run!.draft_version}`}`
        await tx`alter table drafts enable always trigger drafts_guard`
      })
    await rewrite(true, ' Quokkaberry.')
    expect(runIds(await search(editor, { q: 'quokkaberry' }))).toEqual([ids.en2])
    // an earlier version is not the result's text
    await rewrite(false, ' Zebrafruit.')
    expect(runIds(await search(editor, { q: 'zebrafruit' }))).toEqual([])
  })

  it('refuses a bad query with 400 naming the parameter', async () => {
    for (const [qs, path] of [
      ['limit=0', 'limit'],
      ['offset=1001', 'offset'],
      ['outcome=done', 'outcome'],
      ['from=2026-02-01&to=2026-01-01', 'from'],
      ['author=me', 'author'],
      ['kind=poem', 'kind'],
    ]) {
      const r = await editor.get(`/api/kb/results?${qs}`)
      expect(r.status, qs).toBe(400)
      expect(r.body.issues[0].path).toBe(path)
    }
    expect((await editor.get('/api/kb/results?kind=&q=')).status).toBe(200) // an empty form field is no filter
  })

  it('shows writers approved results and their own; the reviewers of a run and the editor, legal, CMO and admin roles every result', async () => {
    const pilates = { q: 'pilates', limit: 100 }
    expect(new Set(runIds(await search(writer2, pilates)))).toEqual(new Set([ids.other]))
    expect(new Set(runIds(await search(writer, pilates)))).toEqual(new Set([ids.other, ids.pending, ids.rejected]))
    for (const role of ['editor', 'legal', 'cmo', 'admin']) {
      expect(new Set(runIds(await search(await h.as(role), pilates))), role).toEqual(new Set([ids.other, ids.pending, ids.rejected]))
    }
    // these offers have no fact_check gate: a fact-checker is not among their reviewers
    expect(new Set(runIds(await search(await h.as('factcheck'), pilates)))).toEqual(new Set([ids.other]))
    expect((await writer2.get(`/api/kb/results/${ids.pending}`)).status).toBe(403)
    expect((await writer2.get(`/api/kb/results/${ids.rejected}`)).status).toBe(403)
    expect((await writer2.get(`/api/kb/results/${ids.en1}`)).status).toBe(200)
    expect((await writer.get(`/api/kb/results/${ids.pending}`)).status).toBe(200)
    expect((await (await h.as('cmo')).get(`/api/kb/results/${ids.pending}`)).status).toBe(200)
    expect((await writer.get('/api/kb/results/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await writer.get('/api/kb/results/not-a-run')).status).toBe(404)
    expect((await h.client().get('/api/kb/results')).status).toBe(401)
    expect((await writer2.post(`/api/kb/results/${ids.pending}/rating`, { rating: 5 })).status).toBe(403)
    expect((await writer2.post(`/api/kb/results/${ids.pending}/tags`, { tag: 'mine' })).status).toBe(403)
    expect((await writer2.get(`/api/kb/results/${ids.pending}/reuse`)).status).toBe(403)
  })

  it('the record: every version, the reviewers and decisions, and the brief without its personal data', async () => {
    const r = await writer2.get(`/api/kb/results/${ids.pii}`)
    expect(r.status).toBe(200)
    const record = r.body
    const json = JSON.stringify(record)
    for (const secret of [PHONE, '123-45-67', EMAIL, 'Smirnova']) expect(json).not.toContain(secret)
    expect(record.brief.title).toMatch(/^Studio promo \(\[EMAIL_\d+\]\)$/)
    expect(record.brief.audience).toMatch(/\[PHONE_\d+\]/)
    expect(record.outcome).toBe('approved')
    expect(record.finalText).toBe(record.drafts.at(-1).text)
    const passed = record.decisions.filter((d: { decision: string }) => d.decision === 'pass')
    expect(passed.length).toBeGreaterThanOrEqual(1)
    for (const d of passed) expect(d).toMatchObject({ reviewer: { name: expect.stringMatching(/^Demo /) }, decidedAt: expect.any(String) })
    expect(record.reviewers.map((p: { name: string }) => p.name)).toContain('Demo editor')
    expect(record.reviewers.map((p: { name: string }) => p.name)).not.toContain('Demo writer')

    // the list shows the title redacted too
    const listed = (await search(writer2, { limit: 100 })).items.find((i) => i.runId === ids.pii)!
    expect(listed.briefTitle).toBe(record.brief.title)
    expect(listed.reviewers.map((p: { name: string }) => p.name)).toEqual(record.reviewers.map((p: { name: string }) => p.name).sort())
    expect(listed.gatesPassed).toContain('release')

    const edited = (await editor.get(`/api/kb/results/${ids.en1}`)).body
    expect(edited.drafts.map((d: { version: number; engine: string }) => [d.version, d.engine])).toEqual([
      [1, 'offline'],
      [2, 'human'],
    ])
    const [row] = await h.sql`select edit_distance, edit_ratio from drafts where run_id = ${ids.en1} and version = 2`
    expect(edited.drafts[1].edit).toMatchObject({
      editedFrom: 1,
      aiVersion: 1,
      editedBy: { name: 'Demo writer' },
      distance: row!.edit_distance,
    })
    expect(edited.drafts[1].edit.ratio).toBeCloseTo(Number(row!.edit_ratio), 6)
    expect(edited.drafts[0]).toMatchObject({
      promptId: 'offer',
      promptVersion: expect.stringMatching(/^\d+\.[0-9a-f]{8}$/),
      model: 'copydesk-offline-1',
      edit: null,
    })
  })

  it('ratings: 1-5, by writers and reviewers but never its author, one per person (rating again replaces), averaged, comments redacted', async () => {
    const url = `/api/kb/results/${ids.en2}/rating`
    for (const bad of [0, 6, 2.5, '4']) expect((await writer2.post(url, { rating: bad })).status, String(bad)).toBe(400)
    expect((await (await h.as('cmo')).post(url, { rating: 5 })).status).toBe(403)
    expect((await (await h.as('admin')).post(url, { rating: 5 })).status).toBe(403)
    // its author may not rate it: ratings rank the examples a model is shown
    expect((await writer.post(url, { rating: 5 })).status).toBe(403)
    expect((await writer2.post(url, { rating: 4, comment: `Great; ask Anna Smirnova, ${PHONE}` })).body).toEqual({
      avg: 4,
      count: 1,
      mine: 4,
    })
    expect((await editor.post(url, { rating: 2 })).body).toEqual({ avg: 3, count: 2, mine: 2 })
    expect((await writer2.post(url, { rating: 5 })).body).toEqual({ avg: 3.5, count: 2, mine: 5 })
    const [n] = await h.sql`select count(*)::int as n from result_ratings where run_id = ${ids.en2}`
    expect(n!.n).toBe(2)
    const record = (await writer2.get(`/api/kb/results/${ids.en2}`)).body
    expect(record.rating).toEqual({ avg: 3.5, count: 2, mine: 5 })
    expect(record.ratings.map((x: { rating: number }) => x.rating).sort()).toEqual([2, 5])
    // rating again without a comment drops the old comment; an earlier one never held the phone
    const [stored] =
      await h.sql`select comment from result_ratings r join users u on u.id = r.user_id where u.email = 'writer2@copydesk.local' and run_id = ${ids.en2}`
    expect(stored!.comment).toBeNull()
    await writer2.post(url, { rating: 5, comment: `Call ${PHONE}` })
    const [again] =
      await h.sql`select comment from result_ratings r join users u on u.id = r.user_id where u.email = 'writer2@copydesk.local' and run_id = ${ids.en2}`
    expect(again!.comment).toMatch(/^Call \[PHONE_1\]$/)
    const listed = (await search(writer2, { q: 'yoga' })).items.find((i) => i.runId === ids.en2)!
    expect(listed.rating).toEqual({ avg: 3.5, count: 2 })
    // every rating is on record, without the comment's words
    const rated = await h.sql`select data from audit_log where action = 'kb.rated' and run_id = ${ids.en2} order by seq`
    expect(rated.map((r) => r.data)).toEqual([
      { rating: 4, comment: true },
      { rating: 2, comment: false },
      { rating: 5, comment: false },
      { rating: 5, comment: true },
    ])
  })

  it('tags: normalised, shared, removable; no personal data, no markup, at most 40 characters', async () => {
    const url = `/api/kb/results/${ids.ru1}/tags`
    const first = await writer.post(url, { tag: '  Весна   2026 ' })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ tags: ['весна 2026'] })
    expect((await editor.post(url, { tag: 'ВЕСНА 2026' })).status).toBe(200)
    expect((await editor.post(url, { tag: 'dacha' })).body).toEqual({ tags: ['dacha', 'весна 2026'] })
    for (const bad of [PHONE, '<b>bold</b>', 'x'.repeat(41), '   ']) {
      const r = await writer.post(url, { tag: bad })
      expect(r.status, bad).toBe(400)
      expect(r.body.issues[0].path).toBe('tag')
    }
    expect((await (await h.as('cmo')).post(url, { tag: 'cmo pick' })).status).toBe(403)
    expect((await writer2.post(url, { tag: 'seen' })).status).toBe(201) // an approved result: anyone who tags may tag it
    expect(runIds(await search(writer2, { tag: 'Весна 2026' }))).toEqual([ids.ru1])
    const removed = await writer2.call('DELETE', `${url}/${encodeURIComponent('Весна 2026')}`)
    expect(removed.status).toBe(200)
    expect(removed.body).toEqual({ tags: ['dacha', 'seen'] })
    expect((await writer.call('DELETE', `${url}/${encodeURIComponent('весна 2026')}`)).status).toBe(404)
    const logged =
      await h.sql`select action, data ->> 'tag' as tag from audit_log where action like 'kb.%tagged' and run_id = ${ids.ru1} order by seq`
    expect(logged.map((r) => `${r.action} ${r.tag}`)).toEqual([
      'kb.tagged весна 2026',
      'kb.tagged dacha',
      'kb.tagged seen',
      'kb.untagged весна 2026',
    ])
    expect(
      (await editor.get(`/api/kb/results/${ids.ru1}`)).body.tags.map((t: { tag: string; addedBy: { name: string } }) => [
        t.tag,
        t.addedBy.name,
      ]),
    ).toEqual([
      ['dacha', 'Demo editor'],
      ['seen', 'Second Writer'],
    ])
  })

  it('reuse: a new-brief body from a result, redacted, with a fresh deadline, that the brief endpoint accepts', async () => {
    const r = await writer2.get(`/api/kb/results/${ids.pii}/reuse`)
    expect(r.status).toBe(200)
    const body = r.body
    expect(CreateBrief.safeParse(body).success).toBe(true)
    const json = JSON.stringify(body)
    for (const secret of [PHONE, EMAIL, 'Smirnova']) expect(json).not.toContain(secret)
    expect(body).toMatchObject({ kind: 'offer', channel: 'landing', lang: 'en', format: 'landing page', inputs: { product: 'StudioDesk' } })
    expect(body.deadline).toBe(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10))
    expect(body.piiDismissals).toBeUndefined()
    const created = await writer2.post('/api/briefs', body)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect((await editor.get(`/api/kb/results/${ids.pii}/reuse`)).status).toBe(403) // briefs are written by writers
  })

  it('offers approved results of the same kind, channel and language as drafting examples, best rated first', async () => {
    const examples = await approvedExamples(h.sql, { kind: 'offer', channel: 'landing', lang: 'en', limit: 20 })
    const [first, ...rest] = examples
    expect(first!.runId).toBe(ids.en2) // the only rated one
    expect(first).toMatchObject({ ratingAvg: 3.5, ratingCount: 2 })
    expect(new Set(examples.map((e) => e.runId))).toEqual(new Set([ids.en1, ids.en2, ids.en3, ids.other, ids.pii]))
    const approvedAt = rest.map((e) => e.approvedAt)
    expect([...approvedAt].sort().reverse()).toEqual(approvedAt)
    const [final] = await h.sql`select final_text from runs where id = ${ids.en2}`
    expect(first!.text).toBe(final!.final_text)
    expect(await approvedExamples(h.sql, { kind: 'offer', channel: 'landing', lang: 'en', limit: 2 })).toHaveLength(2)
    expect((await approvedExamples(h.sql, { kind: 'offer', channel: 'landing', lang: 'ru' })).map((e) => e.runId).sort()).toEqual(
      [ids.ru1, ids.ru2].sort(),
    )
    expect(await approvedExamples(h.sql, { kind: 'headlines', channel: 'landing', lang: 'en' })).toEqual([])
  })

  it('lists the knowledge-base endpoints in the OpenAPI document', async () => {
    const doc = (await writer.get('/api/openapi.json')).body
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/kb/results', '/api/kb/results/{runId}', '/api/kb/prompts', '/api/kb/prompts/{id}/{lang}/{version}']),
    )
    expect(
      doc.paths['/api/kb/results/{runId}/tags/{tag}'].delete.parameters.find((p: { name: string }) => p.name === 'tag').schema.format,
    ).toBeUndefined()
  })
})

describe.each(targets)('prompt library on $name', (target) => {
  let h: Harness
  let v1: string
  const v2 = '2.0ffe2de2'
  const runs = {} as Record<'first' | 'edited' | 'redrafted' | 'rejected' | 'waiting', string>

  beforeAll(async () => {
    h = await makeHarness(target)
    const r = runner(h)
    const writer = await h.as('writer')
    runs.first = await r.draft(writer, offerBrief())
    await r.approve(runs.first)
    runs.edited = await r.draft(writer, offerBrief(), 'Book a yoga class in two clicks.')
    await r.approve(runs.edited)
    runs.redrafted = await r.draft(writer, offerBrief())
    await r.decide(runs.redrafted, 'request_changes', 'Shorter, please')
    await r.approve(runs.redrafted)
    runs.rejected = await r.draft(writer, offerBrief())
    await r.decide(runs.rejected, 'reject', 'Off brand')
    runs.waiting = await r.draft(writer, offerBrief())

    const [row] = await h.sql`select version, body, meta from prompt_versions where id = 'offer' and lang = 'en'`
    v1 = row!.version
    // a later edit of prompts/offer.en.md, as the prompt sync records it
    const body = String(row!.body).replace(/\n# user\n/, '\nGive one concrete number per variant when the brief has one.\n# user\n')
    expect(body).not.toBe(row!.body)
    await h.sql`insert into prompt_versions (id, version, hash, kind, lang, meta, body, first_seen_at)
      values ('offer', ${v2}, ${createHash('sha256').update(body).digest('hex')}, 'offer', 'en',
        ${h.sql.json({ ...row!.meta, owner: 'copy-team', changelog: 'Ask for a number' })}, ${body}, now() + interval '1 minute')`
    // the redraft of one run happened after the prompt changed: the run still counts under its first draft's version
    // (set here by the owner with the guard lifted: the run is approved, its drafts frozen)
    await h.asOwner(async (tx) => {
      await tx`alter table drafts disable trigger drafts_guard`
      await tx`update drafts set prompt_version = ${v2} where run_id = ${runs.redrafted} and version = 2`
      await tx`alter table drafts enable always trigger drafts_guard`
    })
    // priced model calls (the offline engine costs 0); a call with another prompt, or of unknown price, is not this version's known cost
    const call = (runId: string, promptVersion: string, costUsd: number | null) =>
      appendAudit(h.sql, {
        actorId: null,
        action: 'llm.call',
        runId,
        data: { purpose: 'draft', promptId: 'offer', promptVersion, costUsd },
      })
    await call(runs.first, v1, 0.012)
    await call(runs.edited, v1, 0.03)
    await call(runs.first, 'risk-review-9.00000000', 1)
    await call(runs.waiting, v1, null)
  })
  afterAll(async () => h?.close())

  it('each version with its record: runs, approval, first-try approvals, edit ratio, cost', async () => {
    const writer = await h.as('writer')
    const r = await writer.get('/api/kb/prompts')
    expect(r.status).toBe(200)
    const offer = r.body.find((f: { id: string; lang: string }) => f.id === 'offer' && f.lang === 'en')
    expect(offer.kind).toBe('offer')
    expect(offer.versions.map((v: { version: string }) => v.version)).toEqual([v1, v2])
    const [ratio] = await h.sql`select edit_ratio from drafts where run_id = ${runs.edited} and version = 2`
    const stats = offer.versions[0].stats
    expect(stats).toMatchObject({ runs: 5, approved: 3, rejected: 1, approvalRate: 0.75, approvedWithoutRework: 1, costedRuns: 4 })
    expect(stats.approvedWithoutReworkRate).toBeCloseTo(1 / 3, 9)
    expect(stats.meanEditRatio).toBeCloseTo(Number(ratio!.edit_ratio) / 3, 6)
    expect(stats.meanEditRatio).toBeGreaterThan(0)
    expect(stats.meanCostUsd).toBeCloseTo((0.012 + 0.03) / 4, 9)
    expect(offer.versions[1]).toMatchObject({
      owner: 'copy-team',
      changelog: 'Ask for a number',
      stats: {
        runs: 0,
        approved: 0,
        approvalRate: null,
        approvedWithoutReworkRate: null,
        meanEditRatio: null,
        meanCostUsd: null,
        costedRuns: 0,
      },
    })
    const ru = r.body.find((f: { id: string; lang: string }) => f.id === 'offer' && f.lang === 'ru')
    expect(ru.versions[0].stats.runs).toBe(0)
    expect(r.body.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['headlines', 'interview-summary', 'risk-review']))
  })

  it('one version: its body and the lines changed since the version before', async () => {
    const writer = await h.as('writer')
    const r = await writer.get(`/api/kb/prompts/offer/en/${v2}`)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      id: 'offer',
      lang: 'en',
      version: v2,
      previous: v1,
      body: expect.stringContaining('one concrete number'),
    })
    const changed = r.body.diff.flatMap((h: { lines: { op: string; text: string }[] }) => h.lines.filter((l) => l.op !== 'same'))
    expect(changed).toEqual([{ op: 'add', text: 'Give one concrete number per variant when the brief has one.' }])
    const first = (await writer.get(`/api/kb/prompts/offer/en/${v1}`)).body
    expect(first).toMatchObject({ previous: null, diff: [], stats: { runs: 5 } })
    expect(first.body).toMatch(/^# system\n/)
    expect((await writer.get('/api/kb/prompts/offer/en/9.00000000')).status).toBe(404)
    expect((await writer.get(`/api/kb/prompts/offer/de/${v1}`)).status).toBe(404)
    expect((await writer.get(`/api/kb/prompts/offer/ru/${v1}`)).status).toBe(404)
  })

  it('two versions side by side', async () => {
    const writer = await h.as('writer')
    const r = await writer.get(`/api/kb/prompts/offer/en/compare?a=${v2}&b=${v1}`)
    expect(r.status).toBe(200)
    expect(r.body.a.version).toBe(v2)
    expect(r.body.b.version).toBe(v1)
    expect(r.body.a.body).toContain('one concrete number')
    expect(r.body.b.body).not.toContain('one concrete number')
    const changed = r.body.diff.flatMap((h: { lines: { op: string; text: string }[] }) => h.lines.filter((l) => l.op !== 'same'))
    expect(changed).toEqual([{ op: 'del', text: 'Give one concrete number per variant when the brief has one.' }])
    expect((await writer.get(`/api/kb/prompts/offer/en/compare?a=${v1}`)).status).toBe(400)
    expect((await writer.get(`/api/kb/prompts/offer/en/compare?a=${v1}&b=nope`)).status).toBe(404)
    expect((await h.client().get('/api/kb/prompts')).status).toBe(401)
  })
})
