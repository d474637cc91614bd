import { describe, expect, it } from 'vitest'
import { POLICIES_DIR } from './cli'
import { classify } from './classify'
import { readStoredSnapshot } from './legacy-snapshot'
import { compilePolicy, loadPolicy } from './load'

/** Today's policy as a version recorded before packs spoke both languages: one string per text, no titles. */
function asRecordedBefore() {
  const p = loadPolicy(POLICIES_DIR)
  const own = (pack: { lang: string }) => (pack.lang === 'ru' ? 'ru' : 'en')
  const packs = p.packs.map((pack) => ({
    ...pack,
    name: pack.name[own(pack)],
    description: pack.description?.[own(pack)],
    rules: pack.rules.map(({ title: _t, ...r }) => ({
      ...r,
      explain: r.explain[own(pack)],
      ...(r.article ? { article: typeof r.article === 'string' ? r.article : r.article[own(pack)] } : {}),
      ...(r.fix ? { fix: r.fix[own(pack)] } : {}),
      requires: r.requires.map(({ title: _q, ...q }) => q),
      ...(r.when_missing ? { when_missing: r.when_missing.map(({ title: _q, ...q }) => q) } : {}),
    })),
  }))
  return { file: { ...p.file, name: 'Default marketing AI policy' }, packs: JSON.parse(JSON.stringify(packs)) as unknown }
}

describe('policy versions recorded in an older shape', () => {
  it("are read as today's: their one text in both languages, the id as the title", () => {
    const snapshot = readStoredSnapshot(asRecordedBefore())
    const policy = compilePolicy(snapshot)
    const c = classify(policy, 'Гарантируем лучший результат.', { channel: 'landing' })
    const hit = c.risks.find((r) => r.rule === 'ru-38fz-guarantee')!
    expect(hit.explain).toMatch(/^Гарантии результата/)
    expect(hit.texts?.en).toEqual({ title: 'ru-38fz-guarantee', explain: hit.explain, fix: hit.fix, article: hit.article })
    const erid = snapshot.packs
      .flatMap((p) => p.rules)
      .flatMap((r) => r.when_missing ?? [])
      .find((q) => q.id === 'erid')!
    expect(erid.title).toEqual({ ru: 'erid', en: 'erid' })
  })

  it("today's shape is read as it is, and anything else still fails validation", () => {
    const p = loadPolicy(POLICIES_DIR)
    const today = JSON.parse(JSON.stringify({ file: p.file, packs: p.packs }))
    expect(readStoredSnapshot(today)).toEqual(today)
    const broken = asRecordedBefore() as { packs: { rules: { explain?: unknown }[] }[] }
    broken.packs[0]!.rules[0]!.explain = 42
    expect(() => readStoredSnapshot(broken)).toThrow(/explain/)
  })
})
