import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../server/audit/append'
import { openDatabase } from '../server/db/connect'
import { runCliHere, spawnCli } from './helpers/child-server'
import { testTargets } from './helpers/databases'
import { policyVariant } from './helpers/policy-copy'

const targets = await testTargets()

// The database is the one the environment names, as for the server: none unless a test gives one.
const noDatabase = { DATABASE_URL: '', COPYDESK_DATA_DIR: '' }
/** `copydesk` in a child process, as a user runs it: each command once at least (it must also exit by itself). */
const spawned = (args: string[], env: Record<string, string> = {}, input = '') => spawnCli(args, { env: { ...noDatabase, ...env }, input })
/** The same command in this process (runCli, all the bin runs): its other cases, without a second of start-up each. */
const copydesk = (args: string[], env: Record<string, string> = {}, input = '') =>
  runCliHere(args, { env: { ...noDatabase, ...env }, input })

describe('copydesk CLI', () => {
  it('prints help and exits 0; an unknown command exits 2 with help', async () => {
    const help = await spawned(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/audit verify/)
    expect(help.out).toMatch(/seed --demo/)
    const bad = await spawned(['frobnicate'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/unknown command "frobnicate"/)
  })
})

describe('copydesk pii', () => {
  it('pii scan: JSON Lines in argument order with types and offsets; pii redact: deterministic placeholders', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pii-'))
    try {
      const crm = path.join(dir, 'crm.txt')
      const ad = path.join(dir, 'ad.txt')
      const text = 'Клиент перезвонит: +7 916 123-45-67, почта anna@mail.ru; ИНН 500100732259. Повтор: 89161234567.'
      fs.writeFileSync(crm, text)
      fs.writeFileSync(ad, 'Скидка 15% до 12.03.2026, арт. 7701-2233-44, заказ № 89161234567.')
      const r = await spawned(['pii', 'scan', crm, ad, '--json'])
      expect(r.code).toBe(0)
      const lines = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(lines.map((l) => l.file)).toEqual([crm, ad])
      expect(lines[0].findings.map((f: { type: string; start: number; end: number }) => [f.type, text.slice(f.start, f.end)])).toEqual([
        ['PHONE', '+7 916 123-45-67'],
        ['EMAIL', 'anna@mail.ru'],
        ['INN', '500100732259'],
        ['PHONE', '89161234567'],
      ])
      expect(lines[1]).toEqual({ file: ad, findings: [] })
      const red = await spawned(['pii', 'redact', crm])
      expect(red.code).toBe(0)
      expect(red.out).toBe('Клиент перезвонит: [PHONE_1], почта [EMAIL_1]; ИНН [INN_1]. Повтор: [PHONE_1].')
      expect((await copydesk(['pii', 'redact', crm])).out).toBe(red.out)
      const missing = await copydesk(['pii', 'scan', path.join(dir, 'nope.txt')])
      expect(missing.code).toBe(1)
      expect(missing.err).toMatch(/nope\.txt: no such file/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('copydesk policy', () => {
  it('policy check: exit 0 for the shipped policy; exit 1 with file: path: reason lines for a broken one', async () => {
    const ok = await spawned(['policy', 'check'])
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/ok — version [0-9a-f]{16}/)
    const broken = policyVariant((y) => y.replace('role: legal', 'role: lawyer'))
    try {
      const bad = await copydesk(['policy', 'check', broken.dir])
      expect(bad.code).toBe(1)
      expect(bad.err.trim().split('\n')).toContain('policies/default.yaml: gates.legal_review.role: unknown role "lawyer"')
    } finally {
      broken.dispose()
    }
  })

  it('policy classify: JSON Lines in argument order with categories, rules, spans and gates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-classify-'))
    try {
      const med = path.join(dir, 'med.txt')
      const safe = path.join(dir, 'safe.txt')
      const ad = path.join(dir, 'ad.txt')
      fs.writeFileSync(med, 'Лечим кариес без боли — гарантируем результат!')
      fs.writeFileSync(safe, 'Join us for an evening of music.')
      fs.writeFileSync(ad, 'Кредит наличными без справок.')
      const r = await spawned(['policy', 'classify', med, safe])
      expect(r.code).toBe(0)
      const lines = r.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(lines.map((l) => l.file)).toEqual([med, safe])
      expect(lines[0].gates).toEqual(['fact_check', 'legal_review', 'release'])
      expect(lines[0].risks).toEqual(
        expect.arrayContaining([
          { category: 'medicine', rule: 'ru-38fz-art24-medicine', start: 0, end: 5 },
          { category: 'legal_promise', rule: 'ru-38fz-guarantee', start: 24, end: 35 },
        ]),
      )
      expect(lines[0].missing.map((m: { requirement: string }) => m.requirement)).toEqual(['contraindications'])
      expect(lines[1]).toEqual({ file: safe, lang: 'en', risks: [], missing: [], gates: ['release'] })
      const paid = JSON.parse((await copydesk(['policy', 'classify', ad, '--channel', 'search_ad', '--json'])).out)
      expect(paid.risks.map((x: { category: string }) => x.category)).toEqual(expect.arrayContaining(['ad_labeling', 'finance']))
      const unknown = await copydesk(['policy', 'classify', ad, '--channel', 'tv'])
      expect(unknown.code).toBe(2)
      expect(unknown.err).toMatch(/unknown channel "tv"; the policy knows: landing, search_ad/)
      const missing = await copydesk(['policy', 'classify', path.join(dir, 'nope.txt')])
      expect(missing.code).toBe(1)
      expect(JSON.parse(missing.out).error).toMatch(/ENOENT/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.each(targets)('copydesk against $name, exactly as the server finds it', (target) => {
  let env: Record<string, string>
  let dispose: () => Promise<void>
  let dbTarget: Awaited<ReturnType<typeof target.fresh>>['target']
  let ownerTarget: Awaited<ReturnType<typeof target.fresh>>['owner']
  beforeAll(async () => {
    const f = await target.fresh()
    env = f.env
    dispose = f.dispose
    dbTarget = f.target
    ownerTarget = f.owner
  })
  afterAll(async () => dispose?.())

  // Each database command opens the database: PGlite's start alone is seconds on a loaded machine.
  it('migrate, seed --demo, audit verify (intact, then tampered: exit 1 naming the row)', { timeout: 180_000 }, async () => {
    // A child process on each database for the last command (the exit code of a broken log; the
    // process ends once it closed the database); migrate, seed, user add (its password piped to
    // stdin) and anchor as child processes on PostgreSQL, where one starts in a fraction of PGlite's
    // time, and in this process on PGlite.
    const once = target.name === 'postgres' ? spawned : copydesk
    expect(await once(['migrate'], env)).toMatchObject({ code: 0, out: expect.stringMatching(/migrations applied/) })
    const seeded = await once(['seed', '--demo'], env)
    expect(seeded.code).toBe(0)
    expect(seeded.out).toMatch(/created editor@copydesk.local/)
    // Refusals that are the same SQL on both databases run once (each PGlite process costs seconds).
    if (target.name === 'postgres') {
      expect((await copydesk(['seed', '--demo'], env)).out).toMatch(/already exist/)
      const weak = await copydesk(['user', 'add', 'ann@example.com', '--roles', 'writer'], env, 'short\n')
      expect(weak).toMatchObject({ code: 2, err: expect.stringMatching(/password: at least 10 characters/) })
      expect((await copydesk(['user', 'add', 'ann@example.com', '--roles', 'poet'], env, 'long enough pass\n')).err).toMatch(/roles\.0/)
    }
    expect((await once(['user', 'add', 'Ann@Example.com', '--roles', 'writer,editor'], env, 'long enough pass\n')).out).toMatch(
      /created ann@example.com \(writer, editor\)/,
    )

    const db = await openDatabase(dbTarget)
    for (let i = 0; i < 5; i++) await appendAudit(db.sql, { actorId: null, action: 'auth.login_failed', data: { i } })
    await db.close()
    const ok = await copydesk(['audit', 'verify'], env)
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/intact: 12 rows/) // 6 demo users seeded + 1 added + 5

    // a daily anchor kept outside the database catches rows cut from the end, which the chain cannot
    const anchors = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-anchor-')), 'anchors.jsonl')
    expect(await once(['audit', 'anchor', '--out', anchors], env)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/anchored row 12 \([0-9a-f]{64}\)/),
    })
    expect(JSON.parse(fs.readFileSync(anchors, 'utf8'))).toMatchObject({ kind: 'copydesk-audit-anchor', seq: 12 })
    const dbA = await openDatabase(dbTarget)
    await appendAudit(dbA.sql, { actorId: null, action: 'auth.login_failed', data: { i: 'later' } })
    await dbA.close()
    expect((await copydesk(['audit', 'verify', '--anchor', anchors], env)).out).toMatch(
      /intact: 13 rows, head [0-9a-f]{64}; matches 1 anchor/,
    )
    const dbCut = await openDatabase(ownerTarget) // the tables' owner: the app's role may not disable triggers
    await dbCut.sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger user`
      await tx`delete from audit_log where seq >= 12`
      await tx`alter table audit_log enable trigger user`
    })
    const [ann] = await dbCut.sql`select roles, password_hash from users where email = 'ann@example.com'`
    expect(ann!.roles).toEqual(['writer', 'editor'])
    expect(ann!.password_hash).not.toContain('long enough')
    await dbCut.close()
    expect((await copydesk(['audit', 'verify'], env)).out).toMatch(/intact: 11 rows/) // the chain alone cannot tell
    const cut = await copydesk(['audit', 'verify', '--anchor', anchors], env)
    expect(cut.code).toBe(1)
    expect(cut.err).toMatch(/row 12, anchored at .* is gone: rows were cut from the log/)

    const db2 = await openDatabase(ownerTarget)
    await db2.sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger user`
      await tx`update audit_log set action = 'auth.login' where seq = 8`
      await tx`alter table audit_log enable trigger user`
    })
    await db2.close()
    const broken = await spawned(['audit', 'verify'], env)
    expect(broken.code).toBe(1)
    expect(broken.err).toMatch(/broken at row 8/)
  })
})
