// Issue 18, item 2: the review's events reach a team's channels through the outbox: a script's
// signed webhook gets every event (verified here as a receiver would), a Slack/Mattermost incoming
// webhook and a Telegram chat (a stand-in of the Bot API) get the team-wide ones as text with a
// link; a mention stays between the people concerned; a channel that is down is retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HANDOFF_DEFAULTS } from '../server/handoff/deliver'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import { receiver, verify } from './helpers/handoff-receiver'
import { makeHarness, type Harness } from './helpers/harness'

const targets = await testTargets()

describe.each(targets)('team channels on $name', (target) => {
  let h: Harness
  let hook: Awaited<ReturnType<typeof receiver>> // a script's signed webhook
  let slack: Awaited<ReturnType<typeof receiver>>
  let telegram: Awaited<ReturnType<typeof receiver>>
  let writer: Client
  let editor: Client
  beforeAll(async () => {
    ;[hook, slack, telegram] = await Promise.all([receiver(), receiver(), receiver()])
    h = await makeHarness(target, {
      handoff: {
        ...HANDOFF_DEFAULTS,
        backoffMs: 300,
        maxAttempts: 6,
        publicUrl: 'https://copydesk.example.com',
        chatLang: 'en',
        destinations: [
          { name: 'events', url: hook.url, secrets: ['whsec-events'], receives: 'events' },
          { name: 'chat', url: slack.url, receives: 'events', format: 'chat' },
          { name: 'telegram', url: `${telegram.url}/bot123:abc/sendMessage`, receives: 'events', format: 'telegram', chatId: '-100777' },
        ],
      },
    })
    ;[writer, editor] = await Promise.all([h.as('writer'), h.as('editor')])
  })
  afterAll(async () => {
    await h?.close()
    await Promise.all([hook, slack, telegram].map((r) => r?.close()))
  })

  const texts = (r: Awaited<ReturnType<typeof receiver>>, runId: string) =>
    r.got.map((g) => JSON.parse(g.body) as { text: string; chat_id?: string }).filter((m) => m.text.includes(runId))

  it('a script gets every event signed; the chat and Telegram get the team-wide ones as text with the link', async () => {
    const { runId, run } = await h.runToGate(writer, offerBrief({ title: 'Channel offer' }))
    const gateId = run.gates.find((g: { gate: string }) => g.gate === 'release').id
    await editor.post(`/api/runs/${runId}/threads`, { draftVersion: 1, start: 0, end: 5, body: '@writer look' })
    await editor.post(`/api/gates/${gateId}/decision`, { decision: 'request_changes', comment: 'Shorter, please' })
    await h.settle('deliver')

    const events = hook.got.map((g) => ({ g, body: JSON.parse(g.body) as { id: string; type: string; runId: string; comment?: string } }))
    const mine = events.filter((e) => e.body.runId === runId)
    // the redraft the changes asked for opens the gate again
    expect(mine.map((e) => e.body.type)).toEqual(['gate.opened', 'comment.mention', 'changes.requested', 'gate.opened'])
    for (const e of mine) {
      expect(verify(e.g, 'whsec-events')).toBe(true)
      expect(e.g.eventId).toBe(e.body.id)
    }
    expect(mine[2]!.body.comment).toBe('Shorter, please')

    const link = `https://copydesk.example.com/runs/${runId}`
    expect(texts(slack, runId)).toEqual([
      { text: `Waiting for your review: “Channel offer” (release)\n${link}` },
      { text: `Changes requested: “Channel offer”\n${link}` },
      { text: `Waiting for your review: “Channel offer” (release)\n${link}` },
    ])
    expect(texts(telegram, runId).map((m) => m.chat_id)).toEqual(['-100777', '-100777', '-100777'])
    expect(slack.got[0]!.signature).toBe('undefined') // a chat webhook gets no signature header
  })

  it('a team channel never hears the personal data a brief title holds; the signed webhook gets the title as typed', async () => {
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'Offer for Ivan Petrov, +7 916 123-45-67' }))
    await h.settle('deliver')
    const [chat] = texts(slack, runId)
    expect(chat!.text).toMatch(/^Waiting for your review: “Offer for \[PERSON_1\], \[PHONE_1\]” \(/)
    expect(chat!.text).not.toContain('Petrov')
    const raw = hook.got.map((g) => JSON.parse(g.body)).find((b: { runId: string }) => b.runId === runId)
    expect(raw.briefTitle).toBe('Offer for Ivan Petrov, +7 916 123-45-67')
  })

  it('a chat that is down is retried and delivered once back; admins see it meanwhile', async () => {
    slack.state.status = 503
    const { runId } = await h.runToGate(writer, offerBrief({ title: 'While the chat was down' }))
    await h.worker.drain()
    const admin = await h.as('admin')
    const waiting = (await admin.get('/api/handoffs')).body.find(
      (d: { runId: string; destination: string }) => d.runId === runId && d.destination === 'chat',
    )
    expect(waiting).toMatchObject({ status: 'queued', lastError: 'HTTP 503' })
    slack.state.status = 200
    await h.settle('deliver')
    expect(texts(slack, runId).length).toBeGreaterThanOrEqual(2) // a 503 at least, then the 200
    const done = (await admin.get('/api/handoffs')).body.find(
      (d: { runId: string; destination: string }) => d.runId === runId && d.destination === 'chat',
    )
    expect(done).toMatchObject({ status: 'done', lastError: null })
    expect(done.attempts).toBeGreaterThanOrEqual(2)
  })
})
