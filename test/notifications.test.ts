// Issue 18, items 1 and 2: people learn of their work by e-mail. Review events go to the outbox in
// the transaction of their change and fan out to one job per recipient; the workers send them
// through a real SMTP server (started here) with retries; each recipient's language; one-click
// unsubscribe; nothing when the server has no SMTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../server/auth/password'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { medicalOfferBrief, offerBrief } from './helpers/fixtures'
import { makeHarness, type Harness } from './helpers/harness'
import { makeMailHarness } from './helpers/mail-harness'
import type { smtpSink } from './helpers/smtp-sink'

const targets = await testTargets()

describe.each(targets)('e-mail of the review on $name', (target) => {
  let h: Harness
  let smtp: Awaited<ReturnType<typeof smtpSink>>
  let close: () => Promise<void>
  let writer: Client
  let editor: Client
  let admin: Client
  const id: Record<string, string> = {}
  beforeAll(async () => {
    ;({ h, smtp, close } = await makeMailHarness(target, { maxAttempts: 3, backoffMs: 300 }))
    await h.sql`insert into users (email, name, password_hash, roles) values ('editor2@copydesk.local', 'Second editor', ${await hashPassword('demo-password')}, ${['editor']})`
    for (const u of await h.sql`select id, email from users`) id[String(u.email).split('@')[0]!] = String(u.id)
    ;[writer, editor, admin] = await Promise.all([h.as('writer'), h.as('editor'), h.as('admin')])
  })
  afterAll(async () => close?.())

  const about = (email: string, title: string) => smtp.to(email).filter((m) => m.subject.includes(title))

  it('a gate that opens reaches everyone holding its role (never the author), in Russian by default, with its link and unsubscribe', async () => {
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'Весенняя акция' }))
    await h.settle('notify')
    const [mail] = about('editor@copydesk.local', 'Весенняя акция')
    expect(mail?.subject).toBe('Ждёт вашей проверки: «Весенняя акция» (выпуск)')
    expect(mail?.text).toContain(`https://copydesk.example.com/runs/${runId}`)
    expect(mail?.listUnsubscribePost).toBe('List-Unsubscribe=One-Click')
    expect(mail?.listUnsubscribe).toMatch(/https:\/\/copydesk\.example\.com\/api\/notifications\/unsubscribe\?token=[0-9a-f]{64}/)
    expect(mail?.messageId).toMatch(/^<gate\.opened\.[0-9a-f-]+\.[0-9a-f-]+@copydesk\.example\.com>$/)
    expect(about('editor2@copydesk.local', 'Весенняя акция')).toHaveLength(1)
    expect(about('writer@copydesk.local', 'Весенняя акция')).toHaveLength(0)
    expect(about('legal@copydesk.local', 'Весенняя акция')).toHaveLength(0)
    const [event] = await h.sql`select type, payload ->> 'briefTitle' as title from events where run_id = ${runId} and type = 'gate.opened'`
    expect(event).toEqual({ type: 'gate.opened', title: 'Весенняя акция' })
  })

  it('changes requested and approval reach the author in the language they chose; a hand-over reaches the new assignee', async () => {
    expect((await writer.put('/api/me/notifications', { email: 'immediate', lang: 'en' })).body).toMatchObject({
      email: 'immediate',
      lang: 'en',
      emailOn: true,
      telegramOn: false,
    })
    const { runId, run } = await h.runToGate(writer, offerBrief({ title: 'Autumn offer' }))
    const gateId = run.gates.find((g: { gate: string }) => g.gate === 'release').id
    expect((await editor.post(`/api/gates/${gateId}/assign`, { email: 'editor2@copydesk.local' })).status).toBe(200)
    await h.settle('notify')
    expect(about('editor2@copydesk.local', 'Autumn offer').map((m) => m.subject)).toEqual([
      'Ждёт вашей проверки: «Autumn offer» (выпуск)',
      'Вам передали проверку: «Autumn offer» (выпуск)',
    ])
    expect(about('editor2@copydesk.local', 'Autumn offer')[1]!.text).toContain('editor@copydesk.local передал(а) вам')

    const editor2 = await h.client().login('editor2@copydesk.local', 'demo-password')
    await editor2.post(`/api/gates/${gateId}/decision`, { decision: 'request_changes', comment: 'Say which classes are in the evening' })
    await h.settle('notify')
    const [back] = about('writer@copydesk.local', 'Autumn offer')
    expect(back?.subject).toBe('Changes requested: “Autumn offer”')
    expect(back?.text).toContain('Say which classes are in the evening')
    expect(back?.html).toContain('Say which classes are in the evening')

    await h.worker.drain() // the redraft opens a new release gate, still editor2's (the claim follows the draft)
    const next = (await writer.get(`/api/runs/${runId}`)).body.gates.find((g: { status: string }) => g.status === 'open')
    expect(next.assignee).toBe('editor2@copydesk.local')
    expect((await editor2.post(`/api/gates/${next.id}/decision`, { decision: 'pass', comment: 'Good now' })).status).toBe(200)
    await h.worker.drain()
    await h.settle('notify')
    expect(about('writer@copydesk.local', 'Autumn offer').map((m) => m.subject)).toContain('Approved: “Autumn offer”')
    // the actor of a claim is not told of it
    const claims = await h.sql`select count(*)::int as n from jobs j join events e on e.id = j.payload ->> 'eventId'
      where e.type = 'gate.assigned' and e.run_id = ${runId} and j.payload ->> 'userId' = ${id.editor!}`
    expect(claims[0]!.n).toBe(0)
  })

  it('a review past its due date: its reviewers are told it is overdue, the escalation role that it is theirs; once', async () => {
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'Late review' }))
    await h.sql`update gates set due_at = now() - interval '2 hours' where run_id = ${runId} and status = 'open'`
    // a deadline is never pushed later (which would hide it): the database refuses
    await expect(h.sql`update gates set due_at = now() + interval '9 days' where run_id = ${runId} and status = 'open'`).rejects.toThrow(
      /never moved later/,
    )
    await h.settle('notify')
    await h.settle('notify') // a second sweep says nothing new
    expect(about('editor@copydesk.local', 'Late review').map((m) => m.subject)).toEqual([
      'Ждёт вашей проверки: «Late review» (выпуск)',
      'Просрочена проверка: «Late review» (выпуск)',
    ])
    const escalated = about('cmo@copydesk.local', 'Late review')
    expect(escalated.map((m) => m.subject)).toEqual(['Передано вам по эскалации: «Late review» (выпуск)'])
    expect(escalated[0]!.text).toContain('передана роли «CMO»')
    expect(about('writer@copydesk.local', 'Late review')).toEqual([])
  })

  it('one click unsubscribes (from another origin, without a session); a GET only asks; e-mail stops', async () => {
    await h.runToGate(writer, offerBrief({ title: 'Before unsubscribing' }))
    await h.settle('notify')
    const mail = about('editor2@copydesk.local', 'Before unsubscribing')[0]!
    const link = /https:\/\/copydesk\.example\.com(\/api\/notifications\/unsubscribe\?token=[0-9a-f]{64})/.exec(mail.text)![1]!
    const page = await h.app.request(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<form method="post"')
    expect((await h.sql`select email from notification_settings where user_id = ${id.editor2!}`)[0]?.email).toBe('immediate')
    const off = await h.app.request(link, {
      method: 'POST',
      headers: { Origin: 'https://mail.example.net', 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(off.status).toBe(200)
    expect((await h.app.request(link.replace(/token=\w{4}/, 'token=0000'), { method: 'POST' })).status).toBe(404)
    expect((await h.app.request('/api/notifications/unsubscribe?token=x', { method: 'POST' })).status).toBe(400)

    await h.runToGate(writer, offerBrief({ title: 'After unsubscribing' }))
    await h.settle('notify')
    expect(about('editor2@copydesk.local', 'After unsubscribing')).toHaveLength(0)
    expect(about('editor@copydesk.local', 'After unsubscribing')).toHaveLength(1)
    const [audit] = await h.sql`select data from audit_log where actor_id = ${id.editor2!} and action = 'notifications.set'`
    expect(audit?.data).toEqual({ email: 'off', via: 'unsubscribe link' })
  })

  it('an SMTP server that is down: retried with backoff, the error in the admin outbox, sent once it is back', async () => {
    smtp.state.down = true
    await h.runToGate(writer, medicalOfferBrief({ title: 'While SMTP was down' }))
    await h.worker.drain()
    const waiting = (await admin.get('/api/notifications')).body.filter((n: { status: string }) => n.status === 'queued')
    expect(waiting.length).toBeGreaterThan(0)
    expect(waiting[0]).toMatchObject({ type: 'gate.opened', attempts: 1, lastError: expect.stringMatching(/421|try again/) })
    expect((await editor.get('/api/notifications')).status).toBe(403)
    smtp.state.down = false
    await h.settle('notify')
    expect(about('factcheck@copydesk.local', 'While SMTP was down')).toHaveLength(1)
  })

  it('a message that keeps failing is failed for good, with its error; settings are checked', async () => {
    smtp.state.down = true
    await h.runToGate(writer, offerBrief({ title: 'Never delivered' }))
    await h.settle('notify', 3000)
    smtp.state.down = false
    const failed = (await admin.get('/api/notifications')).body.filter((n: { status: string }) => n.status === 'failed')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed[0]).toMatchObject({ attempts: 3, lastError: expect.stringMatching(/421|try again/) })
    expect((await writer.put('/api/me/notifications', { email: 'weekly', lang: 'en' })).status).toBe(400)
    expect((await writer.get('/api/me/notifications')).body).toMatchObject({ email: 'immediate', lang: 'en', emailOn: true })
  })
})

describe.each(targets)('without SMTP on $name', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness(target)
  })
  afterAll(async () => h?.close())

  it('events are recorded, nothing is queued to send, and the settings say e-mail is off', async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'No SMTP' }))
    expect((await h.sql`select type from events where run_id = ${runId}`).map((e) => e.type)).toContain('gate.opened')
    expect((await h.sql`select count(*)::int as n from jobs where type = 'notify'`)[0]!.n).toBe(0)
    expect((await writer.get('/api/me/notifications')).body).toMatchObject({ emailOn: false })
  })

  it("a worker without SMTP leaves e-mails queued for a process that has it (another server's setting)", async () => {
    const writer = await h.as('writer')
    await h.sql`update notify_channels set enabled = true where channel = 'email'` // as a server with SMTP wrote it
    try {
      const { runId } = await h.runToGate(writer, offerBrief({ title: 'SMTP elsewhere' }))
      const jobs = await h.sql`select status, attempts from jobs where run_id = ${runId} and type = 'notify'`
      expect(jobs.length).toBeGreaterThan(0)
      expect(jobs.every((j) => j.status === 'queued' && j.attempts === 0)).toBe(true)
    } finally {
      await h.sql`update notify_channels set enabled = false where channel = 'email'`
    }
  })

  it('the database refuses a notification of no event, or to nobody', async () => {
    const writer = await h.as('writer')
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'Raw SQL notify' }))
    const [event] = await h.sql`select id from events where run_id = ${runId} limit 1`
    await expect(
      h.sql`insert into jobs (run_id, type, payload) values (${runId}, 'notify', ${h.sql.json({ eventId: 'made-up', userId: 'x', channel: 'email' })})`,
    ).rejects.toThrow(/names an event of its run/)
    await expect(
      h.sql`insert into jobs (run_id, type, payload) values (${runId}, 'notify', ${h.sql.json({ eventId: String(event!.id), userId: '00000000-0000-0000-0000-000000000000', channel: 'email' })})`,
    ).rejects.toThrow(/names its recipient/)
    await expect(h.sql`update events set payload = '{}' where run_id = ${runId}`).rejects.toThrow(/permission denied/)
  })
})
