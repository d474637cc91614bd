import { describe, expect, it } from 'vitest'
import { loadPiiCorpus, piiQuality, splitOf, type Counts } from './helpers/pii-corpus'

// The quality targets as a floor on the labelled corpus, each half on its own: a change to
// a detector or a name list that costs recall or shreds clean text fails here, not in a report.
const STRUCTURED = ['EMAIL', 'PHONE', 'PASSPORT_RU', 'SNILS', 'INN', 'OGRN', 'OGRNIP', 'CARD', 'IBAN']
const sum = (cs: Counts[]) => cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, exact: a.exact + c.exact }))
const recall = (c: Counts) => c.tp / (c.tp + c.fn)
const precision = (c: Counts) => c.tp / (c.tp + c.fp)

describe.each(['dev', 'heldout'] as const)('personal-data quality, %s half', (half) => {
  const q = piiQuality(loadPiiCorpus().filter((d) => splitOf(d.id) === half))

  it('structured ids (phones, e-mails, documents, cards): recall >= 0.99', () => {
    expect(recall(sum(STRUCTURED.map((t) => q.perType.get(t)!)))).toBeGreaterThanOrEqual(0.99)
  })

  it('PERSON: precision and recall >= 0.90', () => {
    const p = q.perType.get('PERSON')!
    expect(p.tp + p.fn).toBeGreaterThan(50)
    expect(precision(p)).toBeGreaterThanOrEqual(0.9)
    expect(recall(p)).toBeGreaterThanOrEqual(0.9)
  })

  it('all types: precision >= 0.95, and text without personal data is left alone', () => {
    expect(precision(sum([...q.perType.values()]))).toBeGreaterThanOrEqual(0.95)
    expect(q.clean).toBeGreaterThan(20)
    expect(q.cleanTouched).toBe(0)
  })
})
