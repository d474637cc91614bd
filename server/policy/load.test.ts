import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { startServer } from '../main'
import { POLICIES_DIR } from './cli'
import { PolicyError, loadPolicy } from './load'
import { silentLog } from '../log'

const made: string[] = []
/** A copy of policies/ (named `policies`, as users see it) with one file edited. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-policy-'))
  made.push(root)
  const dir = path.join(root, 'policies')
  fs.cpSync(POLICIES_DIR, dir, { recursive: true })
  const target = path.join(dir, file)
  fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')))
  return dir
}
afterEach(() => made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function problems(dir: string): string[] {
  try {
    loadPolicy(dir)
  } catch (err) {
    if (err instanceof PolicyError) return err.problems
    throw err
  }
  return []
}

describe('policy files', () => {
  it('the shipped policy is valid and versioned by content', () => {
    const p = loadPolicy(POLICIES_DIR)
    expect(p.version).toMatch(/^[0-9a-f]{16}$/)
    expect(p.packs.map((x) => x.id)).toEqual(['ru-38fz', 'en-claims', 'pii', 'brand'])
    const edited = brokenCopy('packs/brand.yaml', (t) => t.replace('- cheap', '- cheapo'))
    expect(loadPolicy(edited).version).not.toBe(p.version)
  })

  it.each([
    [
      'unknown role',
      'default.yaml',
      (t: string) => t.replace('role: legal', 'role: lawyer'),
      'policies/default.yaml: gates.legal_review.role: unknown role "lawyer"',
    ],
    [
      'unknown pack',
      'default.yaml',
      (t: string) => t.replace('packs: [ru-38fz, en-claims, pii, brand]', 'packs: [ru-38fz, en-claims, pii, brand, ru-39fz]'),
      'policies/default.yaml: packs.4: unknown rule pack "ru-39fz" (in policies/packs: brand, en-claims, pii, ru-38fz)',
    ],
    [
      'cyclic gate order',
      'default.yaml',
      (t: string) => t.replace('    owner: brief', '    owner: brief\n    after: [release]'),
      'policies/default.yaml: gates.fact_check.after: the gate order has a cycle: fact_check -> release -> fact_check',
    ],
    [
      'bad YAML',
      'default.yaml',
      (t: string) => t.replace('distinct_reviewers: true', 'distinct_reviewers: [true'),
      /^policies\/default\.yaml: line \d+, column \d+: /,
    ],
    [
      'an undefined gate',
      'default.yaml',
      (t: string) => t.replace('  factual_claim: [fact_check]', '  factual_claim: [brand_review]'),
      'policies/default.yaml: categories.factual_claim.0: gate "brand_review" is not defined in gates',
    ],
    [
      'a waivable release',
      'default.yaml',
      (t: string) =>
        t.replace('    escalate_to: cmo\n\n# What is advertised', '    escalate_to: cmo\n    waivable_by: [cmo]\n\n# What is advertised'),
      'policies/default.yaml: gates.release.waivable_by: the release gate cannot be waived',
    ],
    [
      'an unknown category',
      'default.yaml',
      (t: string) => t.replace('  brand: []', '  gambling: [legal_review]'),
      'policies/default.yaml: categories.gambling: unknown risk category "gambling"',
    ],
    [
      'an invalid regex',
      'packs/brand.yaml',
      (t: string) => t.replace("- '!{2,}'", "- '(unclosed'"),
      /^policies\/packs\/brand\.yaml: rules\.1\.regex\.0: invalid regular expression/,
    ],
    [
      'a rule naming an unknown sector',
      'packs/ru-38fz.yaml',
      (t: string) => t.replace('sector: finance', 'sector: banking'),
      /^policies\/packs\/ru-38fz\.yaml: rules\.\d+\.sector: sector "banking" is not in the policy's sectors$/,
    ],
    [
      'a sector that never reaches legal review',
      'default.yaml',
      (t: string) => t.replace('categories: [finance] }', 'categories: [factual_claim] }'),
      'policies/default.yaml: sectors.finance.categories: a sector must bring a category that goes to legal_review (a text that reads as it must reach a lawyer)',
    ],
    [
      'an unknown channel in a rule',
      'packs/ru-38fz.yaml',
      (t: string) => t.replace('channels: [search_ad, social_ad]', 'channels: [search_ad, tv_ad]'),
      /^policies\/packs\/ru-38fz\.yaml: rules\.\d+\.channels\.1: channel "tv_ad" is not in the policy's channels$/,
    ],
    [
      'a rule explained in one language only',
      'packs/brand.yaml',
      (t: string) => t.replace('      en: A word the brand book does not use.\n', ''),
      'policies/packs/brand.yaml: rules.0.explain.en: the English text is missing',
    ],
    [
      'a rule explained as one plain string (the old form)',
      'packs/brand.yaml',
      (t: string) => t.replace(/ {4}explain:\n {6}ru: .*\n {6}en: (.*)\n/, '    explain: $1\n'),
      'policies/packs/brand.yaml: rules.0.explain: the text in both languages is missing: { ru: …, en: … }',
    ],
    [
      'a rule without a title',
      'packs/brand.yaml',
      (t: string) => t.replace('    title: { ru: Запрещённые слова, en: Banned words }\n', ''),
      'policies/packs/brand.yaml: rules.0.title: the text in both languages is missing: { ru: …, en: … }',
    ],
    [
      'a required wording without its name in Russian',
      'packs/ru-38fz.yaml',
      (t: string) => t.replace(/( {6}- id: erid\n {8}title: )\{ ru: [^,]+, en: ([^}]+)\}/, '$1{ en: $2}'),
      /^policies\/packs\/ru-38fz\.yaml: rules\.\d+\.when_missing\.2\.title\.ru: the Russian text is missing$/,
    ],
    [
      'a pack whose description is empty in English',
      'packs/ru-38fz.yaml',
      (t: string) => t.replace(/(\ndescription:\n {2}ru: .*\n {2}en: ).*\n/, "$1''\n"),
      'policies/packs/ru-38fz.yaml: description.en: the English text is empty',
    ],
  ])('%s -> the exact error', (_name, file, edit, expected) => {
    const found = problems(brokenCopy(file, edit))
    expect(found.length).toBeGreaterThan(0)
    if (typeof expected === 'string') expect(found).toContain(expected)
    else expect(found.some((l) => expected.test(l))).toBe(true)
  })

  it('no fallback to "no gates": the server refuses to start on an invalid policy', async () => {
    const dir = brokenCopy('default.yaml', (t) => t.replace('role: legal', 'role: lawyer'))
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-policy-data-'))
    made.push(data)
    await expect(startServer(loadConfig({ COPYDESK_DATA_DIR: data, PORT: '0' }), { log: silentLog, policiesDir: dir })).rejects.toThrow(
      /gates\.legal_review\.role: unknown role "lawyer"/,
    )
    expect(fs.existsSync(path.join(data, 'copydesk.lock'))).toBe(false) // refused before touching the data folder
  })
})
