// Speed of the personal-data guard: scan throughput on mixed RU/EN text, the cost of
// redacting a 20 KB brief, and the worst of several 1 MB hostile inputs. Printed by npm run bench.
import fs from 'node:fs'
import path from 'node:path'
import { Placeholders } from '../server/pii/redact'
import { scanPii } from '../server/pii/scan'
import { loadPiiCorpus } from '../test/helpers/pii-corpus'
import { fmt, summarize, timeEach } from './stats'
import { HOSTILE_PII_INPUTS } from '../test/helpers/pii-hostile'

const MIXED =
  'Клиент: Иванова Мария Петровна, тел. +7 (916) 123-45-67, почта m.ivanova@mail.ru. Заказ № 4510-123456 на 12 990 ₽ доставить: г. Москва, ул. Тверская, д. 7, кв. 12. ' +
  "Call Sarah O'Connor on +44 20 7946 0958 about invoice INV-2026-0042; card 4111 1111 1111 1111 was declined. The new collection by Calvin Klein arrives on 12.03.2026. " +
  'Наша скидка 15% действует до конца месяца, артикул 7701-2233-44, промокод SALE2026. Регистрация на вебинар — по ссылке в письме. '

const textOf = (bytes: number, seed = MIXED) => {
  let out = ''
  while (Buffer.byteLength(out) < bytes) out += seed
  return out
}

function mixedMarketingText(): string {
  const fixtures = path.join(import.meta.dirname, '..', 'test', 'fixtures')
  const ads = ['policy-corpus.json', 'policy-holdout.json'].flatMap((f) =>
    (JSON.parse(fs.readFileSync(path.join(fixtures, f), 'utf8')) as { text: string }[]).map((d) => d.text),
  )
  const interviews = fs
    .readdirSync(path.join(fixtures, 'interviews'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => (JSON.parse(fs.readFileSync(path.join(fixtures, 'interviews', f), 'utf8')) as { transcript: string }).transcript)
  const pii = loadPiiCorpus().map((d) => d.text)
  // interleaved, so no stretch of the text is only one genre
  const out: string[] = []
  for (let i = 0; i < Math.max(ads.length, interviews.length, pii.length); i++) out.push(ads[i] ?? '', interviews[i] ?? '', pii[i] ?? '')
  return out.filter(Boolean).join('\n\n')
}

export async function benchPii() {
  const rows: { what: string; n: number; p50?: number; p95?: number; value?: string }[] = []
  const mb = textOf(1_000_000)
  scanPii(mb) // warm up
  const scans = summarize(await timeEach(10, async () => scanPii(mb)))
  const bytes = Buffer.byteLength(mb)
  rows.push({
    what: `pii scan, ${fmt(bytes / 1e6)} MB dense RU/EN (a finding every ~60 bytes)`,
    ...scans,
    value: `${fmt(bytes / 1e6 / (scans.p50 / 1000))} MB/s`,
  })

  // the labelled corpus (interviews, CRM notes, e-mails, ads) repeated: a realistic density
  const corpus = textOf(
    1_000_000,
    loadPiiCorpus()
      .map((d) => d.text)
      .join('\n\n'),
  )
  scanPii(corpus)
  const real = summarize(await timeEach(10, async () => scanPii(corpus)))
  const realBytes = Buffer.byteLength(corpus)
  rows.push({
    what: `pii scan, ${fmt(realBytes / 1e6)} MB of the labelled corpus`,
    ...real,
    value: `${fmt(realBytes / 1e6 / (real.p50 / 1000))} MB/s`,
  })

  // what the guard sees day to day: ad copy (RU/EN), interview transcripts and the labelled corpus
  const mixed = textOf(2_000_000, mixedMarketingText())
  scanPii(mixed)
  const everyday = summarize(await timeEach(10, async () => scanPii(mixed)))
  const mixedBytes = Buffer.byteLength(mixed)
  rows.push({
    what: `pii scan, ${fmt(mixedBytes / 1e6)} MB mixed RU/EN ads, interviews, CRM notes`,
    ...everyday,
    value: `${fmt(mixedBytes / 1e6 / (everyday.p50 / 1000))} MB/s`,
  })

  const brief = textOf(20_000)
  const redact = summarize(await timeEach(200, async () => new Placeholders().apply(brief, scanPii(brief))))
  rows.push({ what: 'pii scan + redact, 20 KB brief', ...redact })

  const hostile = HOSTILE_PII_INPUTS
  let worst = 0
  for (const h of hostile) {
    const t0 = performance.now()
    scanPii(h)
    worst = Math.max(worst, performance.now() - t0)
  }
  rows.push({ what: `pii scan, worst of ${hostile.length} hostile 1 MB inputs`, n: hostile.length, value: `${fmt(worst)} ms` })
  return rows
}
