// Notifications (issue 18): what e-mail adds to a reviewer's decision, and how fast the outbox
// empties into a real SMTP server (the smtp-server package, on this machine). Two harnesses on
// the same database kind: e-mail off and on; the same decisions (request changes: the author is
// told) timed in each.
import type { TestTarget } from '../test/helpers/databases'
import { offerBrief } from '../test/helpers/fixtures'
import { makeHarness } from '../test/helpers/harness'
import { smtpSink } from '../test/helpers/smtp-sink'
import { createMailer } from '../server/notify/mailer'
import type { NotifyConfig } from '../server/notify/run-notification'
import { fmt, summarize, timeEach } from './stats'

type Row = { what: string; n: number; p50?: number; p95?: number; value?: string }
const N = Number(process.env.BENCH_NOTIFY_RUNS ?? 60)

async function decisions(target: TestTarget, notify: NotifyConfig | undefined) {
  const h = await makeHarness(target, notify ? { notify } : {})
  try {
    const writer = await h.as('writer')
    const editor = await h.as('editor')
    for (let i = 0; i < N; i++) {
      const b = await writer.post('/api/briefs', offerBrief({ title: `Notify bench ${i}` }))
      await writer.post(`/api/briefs/${b.body.id}/runs`)
    }
    await h.worker.drain()
    // the gate openings e-mailed the editors: sent before the timing, so only the decision's own cost is measured
    const gates = (await editor.get('/api/reviews')).body as { gateId: string }[]
    const times = await timeEach(gates.length, (i) =>
      editor.post(`/api/gates/${gates[i]!.gateId}/decision`, { decision: 'request_changes', comment: 'Say it plainly' }),
    )
    await h.worker.drain()
    return summarize(times)
  } finally {
    await h.close()
  }
}

export async function benchNotify(target: TestTarget): Promise<Row[]> {
  const smtp = await smtpSink()
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Copydesk <bench@example.com>' })
  try {
    const off = await decisions(target, undefined)
    const on = await decisions(target, { mailer, publicUrl: 'http://localhost', timeZone: 'UTC', maxAttempts: 3, backoffMs: 1000 })
    const at = smtp.got.map((m) => m.at)
    const spanSec = at.length > 1 ? (Math.max(...at) - Math.min(...at)) / 1000 : 0
    return [
      { what: 'POST /api/gates/:id/decision (request changes), e-mail off', ...off },
      {
        what: 'the same, e-mail on (event + job in its transaction)',
        ...on,
        value: `added: ${fmt(on.p50 - off.p50)} ms p50, ${fmt(on.p95 - off.p95)} ms p95 (target <= 5 ms p95)`,
      },
      {
        what: 'outbox: e-mails received by a local SMTP server (gate opened, changes requested), first to last',
        n: at.length,
        value: spanSec > 0 ? `${fmt(at.length / spanSec)} e-mails/s (between drafting jobs)` : `${at.length} sent`,
      },
    ]
  } finally {
    mailer.close()
    await smtp.close()
  }
}
