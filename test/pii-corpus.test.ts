import { describe, expect, it } from 'vitest'
import { ibanValid, innValid, luhnValid, ogrnValid, snilsValid } from '../server/pii/checksums'
import { loadPiiCorpus } from './helpers/pii-corpus'

// The labelled personal-data corpus (test/fixtures/pii/) stays consistent: spans match their
// text, never overlap, and every labelled id carries a valid checksum.
const corpus = loadPiiCorpus()
const CHECKSUM: Record<string, (digits: string, raw: string) => boolean> = {
  SNILS: (d) => snilsValid(d),
  INN: (d) => innValid(d),
  OGRN: (d) => ogrnValid(d),
  OGRNIP: (d) => ogrnValid(d),
  CARD: (d) => luhnValid(d),
  IBAN: (_d, raw) => ibanValid(raw),
}

describe('the labelled personal-data corpus', () => {
  it('is big enough: at least 300 entities, RU and EN, and documents with none', () => {
    const entities = corpus.flatMap((d) => d.entities)
    expect(entities.length).toBeGreaterThanOrEqual(300)
    expect(new Set(corpus.map((d) => d.lang))).toEqual(new Set(['ru', 'en']))
    expect(corpus.filter((d) => d.entities.length === 0).length).toBeGreaterThanOrEqual(40)
  })

  it.each(corpus.map((d) => [d.id, d] as const))('%s: spans match, sorted, no overlaps, valid checksums', (_id, doc) => {
    let end = 0
    for (const e of doc.entities) {
      expect(doc.text.slice(e.start, e.end)).toBe(e.text)
      expect(e.start).toBeGreaterThanOrEqual(end)
      end = e.end
      const check = CHECKSUM[e.type]
      if (check) expect([e.type, e.text, check(e.text.replace(/\D/g, ''), e.text)]).toEqual([e.type, e.text, true])
    }
  })
})
