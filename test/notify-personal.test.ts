// Issue 18, item 2: each person chooses how they hear of their work: e-mail and a Telegram chat of
// their own, each at once, in a daily digest at their hour, or off. Messages go through a real SMTP
// server and a Telegram Bot API stand-in started here; the database keeps a digest to its person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queueDueDigests } from '../server/notify/digest'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import { receiver } from './helpers/handoff-receiver'
import type { Harness } from './helpers/harness'
import { makeMailHarness } from './helpers/mail-harness'
import type { smtpSink } from './helpers/smtp-sink'

const targets = await testTargets()
const ZONE = 'Europe/Moscow' // UTC+3 all year
/** A moment of a day in Moscow, as the digest's clock reads it. */
const moscow = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+03:00`)

describe.each(targets)('personal channels and the daily digest on $name', (target) => {
  let h: Harness
  let smtp: Awaited<ReturnType<typeof smtpSink>>
  let bot: Awaited<ReturnType<typeof receiver>>
  let close: () => Promise<void>
  let writer: Client
  let editor: Client
  beforeAll(async () => {
    bot = await receiver()
    ;({ h, smtp, close } = await makeMailHarness(
      target,
      { maxAttempts: 3, backoffMs: 200 },
      { telegram: { sendUrl: `${bot.url}/bot123:abc/sendMessage`, timeoutMs: 2000 }, timeZone: ZONE },
    ))
    ;[writer, editor] = await Promise.all([h.as('writer'), h.as('editor')])
  })
  afterAll(async () => {
    await close?.()
    await bot?.close()
  })

  const telegramTo = (chat: string) =>
    bot.got.map((r) => JSON.parse(r.body) as { chat_id: string; text: string }).filter((m) => m.chat_id === chat)

  it('settings: defaults, partial changes kept, Telegram refused without a chat, and what the server can send', async () => {
    expect((await writer.get('/api/me/notifications')).body).toEqual({
      email: 'immediate',
      telegram: 'off',
      telegramChatId: null,
      digestHour: 9,
      lang: 'ru',
      emailOn: true,
      telegramOn: true,
      timeZone: ZONE,
    })
    const noChat = await writer.put('/api/me/notifications', { telegram: 'immediate' })
    expect(noChat.status).toBe(400)
    expect(JSON.stringify(noChat.body)).toContain('telegramChatId')
    for (const bad of [{ telegramChatId: 'not a chat' }, { digestHour: 24 }, { email: 'weekly' }])
      expect((await writer.put('/api/me/notifications', bad)).status).toBe(400)
    const saved = await writer.put('/api/me/notifications', { telegram: 'immediate', telegramChatId: '424242' })
    expect(saved.body).toMatchObject({ email: 'immediate', telegram: 'immediate', telegramChatId: '424242', lang: 'ru' })
    expect((await writer.put('/api/me/notifications', { lang: 'en' })).body).toMatchObject({ telegram: 'immediate', lang: 'en' })
    // the database holds the same line on the app's connection
    await expect(h.sql`update notification_settings set telegram_chat_id = null where telegram <> 'off'`).rejects.toThrow(
      /notification_settings_telegram_chat/,
    )
  })

  it('Telegram at once: the message reaches the person’s own chat in their language, beside their e-mail', async () => {
    const { runId, run } = await h.runToGate(writer, offerBrief({ title: 'Telegram offer' }))
    const gate = run.gates.find((g: { status: string }) => g.status === 'open')
    await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'request_changes', comment: 'Name the price' })
    await h.settle('notify')
    const [msg] = telegramTo('424242')
    expect(msg?.text).toContain('Changes requested: “Telegram offer”')
    expect(msg?.text).toContain('Name the price')
    expect(msg?.text).toContain(`https://copydesk.example.com/runs/${runId}`)
    expect(smtp.to('writer@copydesk.local').filter((m) => m.subject.includes('Telegram offer'))).toHaveLength(1)
    const outbox = (await (await h.as('admin')).get('/api/notifications')).body as { channel: string; recipient: string }[]
    expect(outbox.some((n) => n.channel === 'telegram' && n.recipient === 'writer@copydesk.local')).toBe(true)
  })

  it('a bot the person blocked (HTTP 403): retried, then failed with its error for the admins', async () => {
    bot.state.status = 403
    try {
      const { run } = await h.runToGate(writer, offerBrief({ title: 'Blocked bot' }))
      const gate = run.gates.find((g: { status: string }) => g.status === 'open')
      await editor.post(`/api/gates/${gate.id}/decision`, { decision: 'request_changes', comment: 'Shorter' })
      await h.settle('notify', 3000)
    } finally {
      bot.state.status = 200
    }
    const [job] = await h.sql`select j.status, j.attempts, j.last_error from jobs j join events e on e.id = j.payload ->> 'eventId'
      where j.payload ->> 'channel' = 'telegram' and e.payload ->> 'briefTitle' = 'Blocked bot'`
    expect(job).toEqual({ status: 'failed', attempts: 3, last_error: 'HTTP 403' })
  })

  it('a daily digest: held until the person’s hour, one message of everything, once a day; later events wait for the next day', async () => {
    const editorSays = { email: 'digest', telegram: 'digest', telegramChatId: '@editor_chat', digestHour: 9, lang: 'ru' }
    expect((await editor.put('/api/me/notifications', editorSays)).status).toBe(200)
    const before = smtp.to('editor@copydesk.local').length
    const a = await h.runToGate(writer, offerBrief({ title: 'Дайджест один' }))
    const b = await h.runToGate(writer, offerBrief({ title: 'Дайджест два' }))
    await h.settle('notify')
    expect(smtp.to('editor@copydesk.local')).toHaveLength(before) // nothing at once
    expect(telegramTo('@editor_chat')).toHaveLength(0)

    expect(await queueDueDigests(h.sql, ZONE, moscow('2030-03-02', '08:59'))).toBe(0) // before the hour
    expect(await queueDueDigests(h.sql, ZONE, moscow('2030-03-02', '09:00'))).toBe(2) // e-mail and Telegram
    expect(await queueDueDigests(h.sql, ZONE, moscow('2030-03-02', '17:00'))).toBe(0) // once a day
    await h.settle('notify')
    const digests = smtp.to('editor@copydesk.local').slice(before)
    expect(digests.map((m) => m.subject)).toEqual(['Copydesk: сводка за день — 2 события'])
    expect(digests[0]!.text).toContain('Ждёт вашей проверки: «Дайджест один» (выпуск)')
    expect(digests[0]!.text).toContain(`https://copydesk.example.com/runs/${b.runId}`)
    expect(digests[0]!.listUnsubscribe).toContain('/api/notifications/unsubscribe?token=')
    const [chat] = telegramTo('@editor_chat')
    expect(chat?.text).toContain('«Дайджест два»')
    expect(chat?.text).toContain(`https://copydesk.example.com/runs/${a.runId}`)

    await h.runToGate(writer, offerBrief({ title: 'Дайджест три' }))
    await h.settle('notify')
    expect(await queueDueDigests(h.sql, ZONE, moscow('2030-03-02', '23:00'))).toBe(0)
    expect(await queueDueDigests(h.sql, ZONE, moscow('2030-03-03', '09:30'))).toBe(2)
    await h.settle('notify')
    const next = smtp.to('editor@copydesk.local').slice(before + 1)
    expect(next.map((m) => m.subject)).toEqual(['Copydesk: сводка за день — 1 событие'])
    expect(next[0]!.text).toContain('«Дайджест три»')
    expect(next[0]!.text).not.toContain('«Дайджест один»')
  })

  it('the database keeps a held item to its own person’s digest and sends it once', async () => {
    const [item] = await h.sql`select id, user_id, job_id from digest_items where job_id is not null limit 1`
    const [other] = await h.sql`select id from jobs where type = 'notify' and payload ->> 'digest' is null limit 1`
    await expect(h.sql`update digest_items set job_id = null where id = ${item!.id}`).rejects.toThrow(/held once and sent once/)
    await expect(
      h.sql`insert into digest_items (user_id, channel, event_id, job_id)
        select ${item!.user_id}, 'email', id, ${other!.id} from events limit 1`,
    ).rejects.toThrow(/only into a digest of its person and channel/)
    await expect(h.sql`delete from digest_items where id = ${item!.id}`).rejects.toThrow(/permission denied/)
  })
})
