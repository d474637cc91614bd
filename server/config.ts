import path from 'node:path'
import { z } from 'zod'
import type { Destination } from './handoff/deliver'
import { isTimeZone } from './time-zone'
import type { MailConfig } from './notify/mailer'
import { LOG_LEVELS, type LogFormat, type LogLevel } from './log'

const optionalText = z.string().trim().min(1).optional().catch(undefined)

/** Every environment variable the server and CLI read. README lists them all. */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    /** Unset = 127.0.0.1: a fresh install (demo users, password `demo`) is not on the network until HOST says so. */
    HOST: z.string().trim().min(1).optional().catch(undefined),
    COPYDESK_DATA_DIR: z.string().default('./data'),
    DATABASE_URL: optionalText,
    /** The owner's connection, for migrations only; DATABASE_URL is then the app's role, which owns nothing. */
    COPYDESK_MIGRATION_URL: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText,
    COPYDESK_MODEL: z.string().default('gpt-4o-mini'),
    COPYDESK_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
    COPYDESK_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
    COPYDESK_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    COPYDESK_DEMO_PASSWORD: z.string().min(1).default('demo'),
    COPYDESK_WORKERS: z.coerce.number().int().min(0).max(32).default(1),
    COPYDESK_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    /** Behind a TLS proxy: believe X-Forwarded-Proto (Secure cookie) and X-Forwarded-For (login throttling by IP). */
    COPYDESK_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /** fatal, error, warn, info (default), debug (also every request for the UI's files), trace, silent. */
    COPYDESK_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** json (one object per line) or text; unset: text on a terminal, json otherwise. */
    COPYDESK_LOG_FORMAT: z.enum(['json', 'text']).optional(),
    COPYDESK_SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .default(12 * 60),
    COPYDESK_SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 7),
    /** Where an approved text is handed off (a CMS's webhook), signed with COPYDESK_HANDOFF_SECRET. */
    COPYDESK_HANDOFF_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The HMAC secret(s), comma-separated while rotating: each signs its own v1. */
    COPYDESK_HANDOFF_SECRET: optionalText,
    /** The SMTP server notifications go through: smtp://user:pass@host:port or smtps://…; unset: no e-mail. */
    COPYDESK_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    COPYDESK_MAIL_FROM: z.string().trim().min(3).default('Copydesk <copydesk@localhost>'),
    /** A signed webhook of every review event, for scripts (the hand-off's signature scheme). */
    COPYDESK_EVENTS_URL: z.url({ protocol: /^https?$/ }).optional(),
    COPYDESK_EVENTS_SECRET: optionalText,
    /** A Slack or Mattermost incoming webhook: the team hears of the review's progress. */
    COPYDESK_CHAT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** A Telegram bot: it writes to people who give their chat id, and to the team's chat when one is set. */
    COPYDESK_TELEGRAM_BOT_TOKEN: optionalText,
    COPYDESK_TELEGRAM_CHAT_ID: optionalText,
    COPYDESK_TELEGRAM_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
    COPYDESK_CHAT_LANG: z.enum(['ru', 'en']).default('ru'),
    /** The time zone of digest hours (IANA, e.g. Europe/Moscow); unset: the server's own. */
    COPYDESK_TIMEZONE: z
      .string()
      .trim()
      .refine(isTimeZone, 'an IANA time zone such as Europe/Moscow')
      .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    /** The base of links in messages (https://copydesk.example.com); unset: http://HOST:PORT. */
    COPYDESK_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((e) => !e.COPYDESK_HANDOFF_URL || e.COPYDESK_HANDOFF_SECRET, {
    message: 'COPYDESK_HANDOFF_URL needs COPYDESK_HANDOFF_SECRET: a hand-off is never sent unsigned',
    path: ['COPYDESK_HANDOFF_SECRET'],
  })
  .refine((e) => !e.COPYDESK_EVENTS_URL || e.COPYDESK_EVENTS_SECRET, {
    message: 'COPYDESK_EVENTS_URL needs COPYDESK_EVENTS_SECRET: events are never sent unsigned',
    path: ['COPYDESK_EVENTS_SECRET'],
  })
  .refine((e) => !e.COPYDESK_TELEGRAM_CHAT_ID || e.COPYDESK_TELEGRAM_BOT_TOKEN, {
    message: 'COPYDESK_TELEGRAM_CHAT_ID needs COPYDESK_TELEGRAM_BOT_TOKEN: the bot writes to the chat',
    path: ['COPYDESK_TELEGRAM_CHAT_ID'],
  })

export type Config = {
  port: number
  host: string
  /** HOST was set explicitly (not the loopback default). */
  hostSet: boolean
  dataDir: string
  databaseUrl: string | undefined
  migrationUrl: string | undefined
  llm: {
    apiKey: string | undefined
    baseURL: string | undefined
    model: string
    embeddingModel: string
    timeoutMs: number
    maxRetries: number
  }
  demoPassword: string
  workers: number
  cookieSecure: 'auto' | 'true' | 'false'
  trustProxy: boolean
  session: { idleMinutes: number; maxHours: number }
  log: { level: LogLevel; format: LogFormat | undefined }
  /** Hand-off destinations (the default one from COPYDESK_HANDOFF_URL) and the team channels of the review's events; empty: nothing is sent. */
  handoff: Destination[]
  chatLang: 'ru' | 'en'
  /** E-mail notifications; undefined: e-mail is off (said at start). */
  mail: MailConfig | undefined
  /** The base of links in messages, without a trailing slash; unset: the address the server listens on. */
  publicUrl: string | undefined
  /** sendMessage of the bot that writes to people (COPYDESK_TELEGRAM_BOT_TOKEN); undefined: no bot. */
  telegramSendUrl: string | undefined
  /** The zone of digest hours (COPYDESK_TIMEZONE). */
  timeZone: string
}

/** Secrets, comma-separated while rotating: each signs its own v1. */
export const secretsOf = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.parse(env)
  const telegramSendUrl = e.COPYDESK_TELEGRAM_BOT_TOKEN
    ? `${e.COPYDESK_TELEGRAM_API_URL.replace(/\/+$/, '')}/bot${e.COPYDESK_TELEGRAM_BOT_TOKEN}/sendMessage`
    : undefined
  return {
    port: e.PORT,
    host: e.HOST ?? '127.0.0.1',
    hostSet: e.HOST !== undefined,
    dataDir: path.resolve(e.COPYDESK_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    migrationUrl: e.COPYDESK_MIGRATION_URL,
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseURL: e.OPENAI_BASE_URL,
      model: e.COPYDESK_MODEL,
      embeddingModel: e.COPYDESK_EMBEDDING_MODEL,
      timeoutMs: e.COPYDESK_LLM_TIMEOUT_MS,
      maxRetries: e.COPYDESK_LLM_MAX_RETRIES,
    },
    demoPassword: e.COPYDESK_DEMO_PASSWORD,
    workers: e.COPYDESK_WORKERS,
    cookieSecure: e.COPYDESK_COOKIE_SECURE,
    trustProxy: e.COPYDESK_TRUST_PROXY === 'true',
    session: { idleMinutes: e.COPYDESK_SESSION_IDLE_MINUTES, maxHours: e.COPYDESK_SESSION_MAX_HOURS },
    log: { level: e.COPYDESK_LOG_LEVEL, format: e.COPYDESK_LOG_FORMAT },
    handoff: [
      ...(e.COPYDESK_HANDOFF_URL && e.COPYDESK_HANDOFF_SECRET
        ? [{ name: 'default', url: e.COPYDESK_HANDOFF_URL, secrets: secretsOf(e.COPYDESK_HANDOFF_SECRET) }]
        : []),
      ...(e.COPYDESK_EVENTS_URL && e.COPYDESK_EVENTS_SECRET
        ? [{ name: 'events', url: e.COPYDESK_EVENTS_URL, secrets: secretsOf(e.COPYDESK_EVENTS_SECRET), receives: 'events' as const }]
        : []),
      ...(e.COPYDESK_CHAT_WEBHOOK_URL
        ? [{ name: 'chat', url: e.COPYDESK_CHAT_WEBHOOK_URL, receives: 'events' as const, format: 'chat' as const }]
        : []),
      ...(telegramSendUrl && e.COPYDESK_TELEGRAM_CHAT_ID
        ? [
            {
              name: 'telegram',
              url: telegramSendUrl,
              receives: 'events' as const,
              format: 'telegram' as const,
              chatId: e.COPYDESK_TELEGRAM_CHAT_ID,
            },
          ]
        : []),
    ],
    chatLang: e.COPYDESK_CHAT_LANG,
    mail: e.COPYDESK_SMTP_URL ? { smtpUrl: e.COPYDESK_SMTP_URL, from: e.COPYDESK_MAIL_FROM } : undefined,
    publicUrl: e.COPYDESK_PUBLIC_URL?.replace(/\/+$/, ''),
    telegramSendUrl,
    timeZone: e.COPYDESK_TIMEZONE,
  }
}
