import type { CreateBriefInput } from '../../contracts/briefs'
import type { Run } from '../../contracts/runs'
import { createApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { createProvider } from '../../server/llm'
import { seedDemoUsers } from '../../server/auth/seed-demo'
import { OfflineProvider } from '../../server/llm/offline-provider'
import type { LlmProvider } from '../../server/llm/provider'
import { PROMPTS_DIR } from '../../server/paths'
import { PromptLibrary, loadPrompts, syncPrompts } from '../../server/prompts/load'
import { POLICIES_DIR } from '../../server/policy/cli'
import { loadPolicy } from '../../server/policy/load'
import { syncPolicy } from '../../server/policy/store'
import { Worker } from '../../server/runs/worker'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { Client } from './client'
import { openFresh, type TestTarget } from './databases'
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai'
import { offerBrief } from './fixtures'
import { silentLog } from '../../server/log'
import type { HandoffConfig } from '../../server/handoff/deliver'
import { setChannel } from '../../server/notify/queries'
import type { NotifyConfig } from '../../server/notify/run-notification'

export type Harness = Awaited<ReturnType<typeof makeHarness>>

/** A migrated fresh database with the demo users, the app (called in-process) and a worker we drive by hand. */
export async function makeHarness(
  target: TestTarget,
  opts: { provider?: LlmProvider; policiesDir?: string; handoff?: HandoffConfig; notify?: NotifyConfig } = {},
) {
  const { db, asOwner, close } = await openFresh(target)
  // as the server does at start
  await setChannel(db.sql, 'email', opts.notify?.mailer !== undefined)
  await setChannel(db.sql, 'telegram_dm', opts.notify?.telegram !== undefined)
  for (const channel of ['events', 'chat', 'telegram'] as const)
    await setChannel(db.sql, channel, opts.handoff?.destinations.some((d) => d.name === channel) ?? false)
  await seedDemoUsers(db.sql, 'demo')
  const prompts = new PromptLibrary(loadPrompts(PROMPTS_DIR))
  await syncPrompts(db.sql, prompts.all())
  const provider = opts.provider ?? new OfflineProvider()
  const policy = loadPolicy(opts.policiesDir ?? POLICIES_DIR)
  await syncPolicy(db.sql, policy)
  const deps = {
    sql: db.sql,
    provider,
    prompts,
    policy,
    ...(opts.handoff ? { handoff: opts.handoff } : {}),
    ...(opts.notify ? { notify: opts.notify } : {}),
  }
  const worker = new Worker(deps)
  const messaging = {
    emailOn: opts.notify?.mailer !== undefined,
    telegramOn: opts.notify?.telegram !== undefined,
    timeZone: opts.notify?.timeZone ?? 'UTC',
  }
  const app = createApp({ db, provider, policy, log: silentLog, messaging })
  const client = () => new Client((path, init) => Promise.resolve(app.request(path, init)))
  const as = (role: string) => client().login(`${role}@copydesk.local`)

  /** Writer creates a brief and starts a run; the worker drafts it to its first gate. */
  async function runToGate(writer: Client, brief: CreateBriefInput = offerBrief()) {
    const b = await writer.post('/api/briefs', brief)
    if (b.status !== 201) throw new Error(`brief: ${b.status} ${JSON.stringify(b.body)}`)
    const r = await writer.post(`/api/briefs/${b.body.id}/runs`)
    if (r.status !== 201) throw new Error(`run: ${r.status} ${JSON.stringify(r.body)}`)
    await worker.drain()
    return { briefId: b.body.id as string, runId: r.body.id as string, run: (await writer.get(`/api/runs/${r.body.id}`)).body }
  }

  const openGate = (run: { gates: Run['gates'] }) => run.gates.find((g) => g.status === 'open')

  /** The fact-check owner verifies every pending claim of the run's latest draft, with a source. */
  async function verifyAllClaims(checker: Client, runId: string) {
    const run = (await checker.get(`/api/runs/${runId}`)).body
    for (const claim of run.claims.filter(
      (c: { status: string; draftVersion: number }) => c.status === 'pending' && c.draftVersion === run.draft.version,
    )) {
      const r = await checker.post(`/api/claims/${claim.id}`, { status: 'verified', source: 'CRM export of clinic Smile, 2026-10' })
      if (r.status !== 200) throw new Error(`verify claim: ${r.status} ${JSON.stringify(r.body)}`)
    }
  }

  // reviewers logged in once per harness: every login is a deliberate scrypt
  let reviewers: Promise<{ editor: Client; legal: Client; factcheck: Client }> | undefined
  const reviewerClients = () =>
    (reviewers ??= (async () => ({ editor: await as('editor'), legal: await as('legal'), factcheck: await as('factcheck') }))())

  /** Passes every gate the policy planned, each by a reviewer holding its role (a fact check verifies the claims first). */
  async function approveAll(runId: string, comment = '') {
    const who = await reviewerClients()
    for (let i = 0; i < 6; i++) {
      const run = (await who.editor.get(`/api/runs/${runId}`)).body
      if (run.status === 'approved') return run
      const gate = openGate(run)
      if (!gate) throw new Error(`run ${runId} is ${run.status} with no open gate`)
      const reviewer = who[gate.role as keyof typeof who]
      if (gate.gate === 'fact_check') await verifyAllClaims(reviewer, runId)
      // a paid ad's release names its erid, as a team's editor would from their ad-data operator
      const erid = gate.gate === 'release' && run.paidAd ? { erid: 'TestErid2Vtzqx' } : {}
      const r = await reviewer.post(`/api/gates/${gate.id}/decision`, { decision: 'pass', comment, ...erid })
      if (r.status !== 200) throw new Error(`pass ${gate.gate}: ${r.status} ${JSON.stringify(r.body)}`)
      await worker.drain()
    }
    throw new Error(`run ${runId} was not approved`)
  }

  /**
   * Drains the queue until no job of `type` waits any more (retries wait out their backoff), or
   * `ms` pass: the outbox's deliveries and notifications, settled.
   */
  async function settle(type: 'deliver' | 'notify', ms = 5000) {
    const end = Date.now() + ms
    for (;;) {
      await worker.drain()
      const [open] = await db.sql`select count(*)::int as n from jobs where type = ${type} and status in ('queued', 'running')`
      if (open!.n === 0 || Date.now() > end) return
      await new Promise((r) => setTimeout(r, 30))
    }
  }

  async function auditActions(runId: string): Promise<string[]> {
    const rows = await db.sql`select action from audit_log where run_id = ${runId} order by seq`
    return rows.map((r) => String(r.action))
  }

  return {
    db,
    sql: db.sql,
    asOwner,
    app,
    worker,
    deps,
    policy,
    prompts,
    client,
    as,
    runToGate,
    openGate,
    verifyAllClaims,
    reviewerClients,
    approveAll,
    settle,
    auditActions,
    close,
  }
}

/** A harness drafting through the real openai SDK against the fake endpoint `fake` (no retries of the SDK's own). */
export function makeModelHarness(target: TestTarget, fake: { baseURL: string }, opts: { policiesDir?: string } = {}) {
  const config = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, COPYDESK_LLM_MAX_RETRIES: '0' })
  return makeHarness(target, { ...opts, provider: createProvider(config.llm, {}) })
}

/**
 * One describe block's model harness and fake endpoint: started once for the block, closed
 * after it, the fake's script and recorded requests cleared before each test.
 */
export function modelHarnessPerSuite(target: TestTarget, opts: { policiesDir?: string } = {}) {
  const suite = {} as { fake: FakeOpenAi; h: Harness }
  beforeAll(async () => {
    suite.fake = await startFakeOpenAi()
    suite.h = await makeModelHarness(target, suite.fake, opts)
  })
  afterAll(async () => {
    await suite.h?.close()
    await suite.fake?.close()
  })
  beforeEach(() => suite.fake.reset())
  return suite
}
