import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATEMENT_PUNCTUATION, statementOf } from '../server/policy/claims'
import { openFresh, testTargets } from './helpers/databases'

const targets = await testTargets()

// The app deduplicates claims with statementOf; the database carries and guards them with
// claim_statement(). They must read every statement alike, or a carry would be refused.
const SAMPLES = [
  'Клиника «Улыбка» снизила неявки с 18% до 7% за 2 месяца.',
  'КЛИНИКА "УЛЫБКА" СНИЗИЛА НЕЯВКИ С 18% ДО 7% ЗА 2 МЕСЯЦА',
  'Ещё 1 200 клиник — уже с нами!',
  'Rated 4.9 by 300 owners (Google, 2026)',
  "Clinic 'Smile' cut no-shows from 18% to 7% in 2 months…",
  '  - Setup in   one day;\tno IT staff / no code  ',
  'WhatsApp-напоминания [за сутки] {до визита}: 3–10 кресел',
  `every mark: ${STATEMENT_PUNCTUATION} end`,
]

describe.each(targets)('one reading of a statement on $name', (target) => {
  let db: Awaited<ReturnType<typeof openFresh>>
  beforeAll(async () => {
    db = await openFresh(target)
  })
  afterAll(async () => db?.close())

  it('claim_statement() in the database equals statementOf() in the app', async () => {
    for (const text of SAMPLES) {
      const [row] = await db.db.sql`select claim_statement(${text}) as s`
      expect([text, row!.s]).toEqual([text, statementOf(text)])
    }
  })

  it('case, ё, quotes, punctuation and spacing do not make a new statement; words and numbers do', () => {
    expect(statementOf(SAMPLES[0]!)).toBe(statementOf(SAMPLES[1]!))
    expect(statementOf('Ещё 1 200 клиник')).toBe(statementOf('еще 1,200 клиник'))
    expect(statementOf(`every mark: ${STATEMENT_PUNCTUATION} end`)).toBe('every mark end')
    expect(statementOf('cut no-shows from 18% to 7%')).not.toBe(statementOf('cut no-shows from 18% to 8%'))
  })
})
