import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

describe('the outbox channels from the environment', () => {
  it('builds the hand-off, the events webhook, the chat and Telegram destinations', () => {
    const c = loadConfig({
      COPYDESK_HANDOFF_URL: 'https://cms.example.com/hook',
      COPYDESK_HANDOFF_SECRET: 'old, new',
      COPYDESK_EVENTS_URL: 'https://scripts.example.com/events',
      COPYDESK_EVENTS_SECRET: 'ev',
      COPYDESK_CHAT_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X',
      COPYDESK_TELEGRAM_BOT_TOKEN: '123:abc',
      COPYDESK_TELEGRAM_CHAT_ID: '-100777',
      COPYDESK_SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      COPYDESK_PUBLIC_URL: 'https://copydesk.example.com/',
    })
    expect(c.handoff).toEqual([
      { name: 'default', url: 'https://cms.example.com/hook', secrets: ['old', 'new'] },
      { name: 'events', url: 'https://scripts.example.com/events', secrets: ['ev'], receives: 'events' },
      { name: 'chat', url: 'https://hooks.slack.com/services/T/B/X', receives: 'events', format: 'chat' },
      {
        name: 'telegram',
        url: 'https://api.telegram.org/bot123:abc/sendMessage',
        receives: 'events',
        format: 'telegram',
        chatId: '-100777',
      },
    ])
    expect(c.mail).toEqual({ smtpUrl: 'smtps://user:pass@mail.example.com:465', from: 'Copydesk <copydesk@localhost>' })
    expect(c.publicUrl).toBe('https://copydesk.example.com')
    expect(c.telegramSendUrl).toBe('https://api.telegram.org/bot123:abc/sendMessage')
  })

  it("a bot alone writes to people only; the digest hour has a zone, the server's unless set", () => {
    const c = loadConfig({ COPYDESK_TELEGRAM_BOT_TOKEN: '123:abc', COPYDESK_TIMEZONE: 'Europe/Moscow' })
    expect(c.handoff).toEqual([])
    expect(c.telegramSendUrl).toBe('https://api.telegram.org/bot123:abc/sendMessage')
    expect(c.timeZone).toBe('Europe/Moscow')
    expect(loadConfig({}).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(() => loadConfig({ COPYDESK_TIMEZONE: 'Mars/Olympus' })).toThrow(/IANA time zone/)
  })

  it('refuses what would send unsigned or nowhere: a webhook without its secret, a team chat without a bot, a non-SMTP mail URL', () => {
    expect(() => loadConfig({ COPYDESK_EVENTS_URL: 'https://x.example.com' })).toThrow(/COPYDESK_EVENTS_SECRET/)
    expect(() => loadConfig({ COPYDESK_TELEGRAM_CHAT_ID: '-100777' })).toThrow(/needs COPYDESK_TELEGRAM_BOT_TOKEN/)
    expect(() => loadConfig({ COPYDESK_SMTP_URL: 'https://mail.example.com' })).toThrow()
    expect(loadConfig({}).handoff).toEqual([])
    expect(loadConfig({}).mail).toBeUndefined()
  })
})
