import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { demoSeedAllowed } from './auth/demo-guard'
import { seedDemoUsers } from './auth/seed-demo'
import { loadConfig, type Config } from './config'
import { closePool } from './compute/pool'
import { openConfiguredDatabase } from './db/open'
import { createProvider } from './llm'
import type { LlmProvider } from './llm/provider'
import { PROMPTS_DIR, WEB_DIST } from './paths'
import { POLICIES_DIR } from './policy/cli'
import { loadPolicy } from './policy/load'
import { syncPolicy } from './policy/store'
import { PromptLibrary, loadPrompts, syncPrompts } from './prompts/load'
import { releaseOrphanedJobs } from './jobs/queries'
import { Worker } from './runs/worker'
import { createLog, type Log } from './log'
import { HANDOFF_DEFAULTS } from './handoff/deliver'
import { policyDestinations } from './handoff/policy-destinations'
import { createMailer } from './notify/mailer'
import { setChannel } from './notify/queries'
import { NOTIFY_DEFAULTS } from './notify/run-notification'

export type Server = { url: string; port: number; close(): Promise<void> }

export type StartOptions = {
  /** The server's log; by default standard output at COPYDESK_LOG_LEVEL in COPYDESK_LOG_FORMAT. */
  log?: Log
  /** Tests inject a provider; otherwise OPENAI_API_KEY decides. */
  provider?: LlmProvider
  webDist?: string
  /** Tests point at another policy folder; otherwise policies/. */
  policiesDir?: string
}

/**
 * Starts everything in one process: database (embedded PGlite or DATABASE_URL), migrations,
 * prompt sync, demo users (embedded only), workers, and the HTTP server for API + UI.
 */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<Server> {
  const log = opts.log ?? createLog(config.log)
  const prompts = new PromptLibrary(loadPrompts(PROMPTS_DIR)) // a bad prompt file stops startup here
  const policiesDir = opts.policiesDir ?? POLICIES_DIR
  const policy = loadPolicy(policiesDir) // so does an invalid policy: never "no gates"
  // the policy's destinations with their secrets from the environment; a missing one stops startup too
  const destinations = [...config.handoff, ...policyDestinations(policy, policiesDir)]
  const db = await openConfiguredDatabase(config)
  const workers: Worker[] = []
  try {
    await syncPrompts(db.sql, prompts.all())
    await syncPolicy(db.sql, policy)
    if (db.kind === 'pglite') {
      const demo = demoSeedAllowed(config)
      if (!demo.allowed) log.warn(demo.reason)
      const created = demo.allowed ? await seedDemoUsers(db.sql, config.demoPassword) : []
      if (created.length) {
        const password = config.demoPassword === 'demo' ? 'demo' : 'from COPYDESK_DEMO_PASSWORD'
        for (const u of created) log.info({ email: u.email, role: u.role, password }, 'demo user created')
      }
      const orphans = await releaseOrphanedJobs(db.sql)
      if (orphans) log.info({ jobs: orphans }, 'picked up run jobs left running by a stopped process')
    }
    const provider = opts.provider ?? createProvider(config.llm)
    const handoff = destinations.length
      ? { destinations, ...HANDOFF_DEFAULTS, publicUrl: config.publicUrl ?? '', chatLang: config.chatLang }
      : undefined
    for (const channel of ['events', 'chat', 'telegram'] as const) {
      await setChannel(
        db.sql,
        channel,
        destinations.some((d) => d.name === channel),
      )
    }
    log.info(
      handoff ? { destinations: handoff.destinations.map((d) => `${d.name}: ${new URL(d.url).host}`) } : {},
      handoff?.destinations.some((d) => d.receives !== 'events')
        ? 'approved texts are handed off, signed'
        : 'no hand-off destination (COPYDESK_HANDOFF_URL, policy handoff.destinations): approved texts are kept and exported, not sent',
    )
    // e-mail and the bot's messages to people: said at start either way, and recorded for the
    // fan-out of events (notify/queries.ts)
    await setChannel(db.sql, 'email', config.mail !== undefined)
    await setChannel(db.sql, 'telegram_dm', config.telegramSendUrl !== undefined)
    const mailer = config.mail ? createMailer(config.mail) : undefined
    const telegram = config.telegramSendUrl ? { sendUrl: config.telegramSendUrl, timeoutMs: HANDOFF_DEFAULTS.timeoutMs } : undefined
    const notify =
      mailer || telegram
        ? { mailer, telegram, publicUrl: config.publicUrl ?? '', timeZone: config.timeZone, ...NOTIFY_DEFAULTS }
        : undefined
    log.info(
      config.mail ? { smtp: new URL(config.mail.smtpUrl).host, from: config.mail.from } : {},
      config.mail ? 'e-mail notifications on' : 'e-mail notifications off: COPYDESK_SMTP_URL is not set',
    )
    if (telegram)
      log.info({ digestTimeZone: config.timeZone }, 'Telegram messages to people on (each gives their chat id in their profile)')
    for (let i = 0; i < config.workers; i++) {
      workers.push(new Worker({ sql: db.sql, provider, prompts, policy, handoff, notify }, { log }))
    }
    workers.forEach((w) => w.start())
    const app = createApp({
      db,
      provider,
      policy,
      onJobQueued: () => workers.forEach((w) => w.wake()),
      webDist: opts.webDist ?? WEB_DIST,
      cookieSecure: config.cookieSecure,
      trustProxy: config.trustProxy,
      session: config.session,
      log,
      messaging: { emailOn: config.mail !== undefined, telegramOn: telegram !== undefined, timeZone: config.timeZone },
    })
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
    })
    const port = (server.address() as AddressInfo).port
    // links in messages: COPYDESK_PUBLIC_URL, else where this server answers
    if (!config.publicUrl) {
      const here = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
      if (notify) notify.publicUrl = here
      if (handoff) handoff.publicUrl = here
    }
    const where = db.kind === 'pglite' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL'
    log.info({ policy: policy.name, version: policy.version }, 'policy loaded')
    const engine = provider.engine === 'offline' ? 'offline engine (no OPENAI_API_KEY)' : `model ${provider.model}`
    log.info({ database: where, engine }, `Copydesk on http://localhost:${port}`)
    let closing: Promise<void> | undefined
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      close: () =>
        (closing ??= (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()))
          // Browsers keep connections alive; without this, close() waits for them to time out.
          ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
          await closed
          await Promise.all(workers.map((w) => w.stop()))
          mailer?.close()
          await closePool() // no task is in flight once the workers stopped
          await db.close()
        })()),
    }
  } catch (err) {
    await Promise.all(workers.map((w) => w.stop()))
    await closePool()
    await db.close()
    throw err
  }
}

/** `npm start`: run until SIGINT/SIGTERM, then stop cleanly (the data folder lock is released). */
export async function main(config: Config = loadConfig()) {
  const log = createLog(config.log)
  const server = await startServer(config, { log })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'stopping')
      server.close().then(
        () => process.exit(0),
        (err) => {
          log.fatal({ err }, 'could not stop cleanly')
          process.exit(1)
        },
      )
    })
  }
}
