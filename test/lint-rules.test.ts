// The layering rules in biome.jsonc, tried on files that break them: the lint step of
// `npm run verify` must refuse each one, and accept what a layer may import. The probes are
// written into a scratch copy of the folders the rules name, linted there with the repo's config.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

const ROOT = path.join(import.meta.dirname, '..')
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome')
const Report = z.object({
  diagnostics: z.array(z.object({ category: z.string(), message: z.string(), location: z.object({ path: z.string() }) })),
})

const PROBES: Record<string, string> = {
  'server/db/connect.ts': 'export type Sql = { one: 1 }\nexport const connect = () => 1\n',
  'server/db/open.ts': 'export const openDb = () => 1\n',
  'server/config.ts': 'export const config = 1\n',
  'contracts/runs.ts': 'export const RunStatus = 1\n',
  // web may import contracts, never the server
  'web/src/good.ts': "import { RunStatus } from '../../contracts/runs'\nexport const s = RunStatus\n",
  'web/src/bad.ts': "import { config } from '../../server/config'\nexport const c = config\n",
  // contracts import neither side
  'contracts/bad.ts': "import { config } from '../server/config'\nexport const c = config\n",
  // the server never imports the UI
  'server/bad-ui.ts': "import { s } from '../web/src/good'\nexport const x = s\n",
  // a route may take the Sql type from db/, nothing that opens or queries a database
  'server/kb/routes.ts': "import type { Sql } from '../db/connect'\nexport const route = (sql: Sql) => sql\n",
  'server/briefs/routes.ts':
    "import type { Sql } from '../db/connect'\nimport { openDb } from '../db/open'\nimport postgres from 'postgres'\nexport const route = [openDb, postgres] as unknown as Sql\n",
  // no module may take part in an import cycle
  'server/cycle-a.ts': "import { b } from './cycle-b'\nexport const a = () => b\n",
  'server/cycle-b.ts': "import { a } from './cycle-a'\nexport const b = () => a\n",
  // SQL lives in queries files (and the database layer); a verb calls a query function
  'server/kb/verb.ts': `type Tag = (s: TemplateStringsArray) => unknown\nexport const q = (db: Tag, deps: { sql: Tag }) => [db${'`select 1`'}, deps.sql${'`select 2`'}]\n`,
  'server/kb/queries.ts': `type Tag = (s: TemplateStringsArray) => unknown\nexport const q = (db: Tag) => db${'`select 1`'}\n`,
  'server/kb/search-queries.ts': `type Tag = (s: TemplateStringsArray) => unknown\nexport const q = (tx: Tag) => tx${'`select 1`'}\n`,
  'server/db/migrate.ts': `type Tag = (s: TemplateStringsArray) => unknown\nexport const q = (sql: Tag) => sql${'`select 1`'}\n`,
  'server/kb/message.ts': `export const m = String.raw${'`C:\\rows`'}\n`,
}

let dir = ''
let found: { file: string; rule: string; message: string }[] = []

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-lint-'))
  fs.copyFileSync(path.join(ROOT, 'biome.jsonc'), path.join(dir, 'biome.jsonc'))
  fs.cpSync(path.join(ROOT, 'lint'), path.join(dir, 'lint'), { recursive: true })
  for (const [file, text] of Object.entries(PROBES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  let out: string
  try {
    out = execFileSync(BIOME, ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=100', '.'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (err) {
    // biome exits 1 when it reports errors, which is what the probes are for
    out = (err as { stdout: string }).stdout
  }
  found = Report.parse(JSON.parse(out)).diagnostics.map((d) => ({ file: d.location.path, rule: d.category, message: d.message }))
})

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const on = (file: string) => found.filter((d) => d.file === file)

describe('lint: the layering rules of biome.jsonc', () => {
  it('web imports contracts but never the server', () => {
    expect(on('web/src/good.ts')).toEqual([])
    expect(on('web/src/bad.ts')).toEqual([
      expect.objectContaining({ rule: 'lint/style/noRestrictedImports', message: expect.stringContaining('over HTTP only') }),
    ])
  })

  it('contracts import neither the server nor the web', () => {
    expect(on('contracts/bad.ts').map((d) => d.rule)).toEqual(['lint/style/noRestrictedImports'])
  })

  it('the server never imports the UI', () => {
    expect(on('server/bad-ui.ts').map((d) => d.rule)).toEqual(['lint/style/noRestrictedImports'])
  })

  it('a route takes only the Sql type from db/, and never postgres itself', () => {
    expect(on('server/kb/routes.ts')).toEqual([])
    const bad = on('server/briefs/routes.ts')
    expect(bad.map((d) => d.rule)).toEqual(['lint/style/noRestrictedImports', 'lint/style/noRestrictedImports'])
    expect(bad.map((d) => d.message).join(' ')).toMatch(/nothing that opens or queries a database[\s\S]*never in a route/)
  })

  it('an import cycle is an error', () => {
    expect(on('server/cycle-a.ts').map((d) => d.rule)).toContain('lint/suspicious/noImportCycles')
    expect(on('server/cycle-b.ts').map((d) => d.rule)).toContain('lint/suspicious/noImportCycles')
  })

  it('SQL outside a queries file (or the database layer) is an error', () => {
    expect(on('server/kb/verb.ts').map((d) => d.rule)).toEqual(['plugin', 'plugin'])
    expect(on('server/kb/verb.ts')[0]!.message).toMatch(/SQL lives in a queries.ts file/)
    expect(on('server/kb/queries.ts')).toEqual([])
    expect(on('server/kb/search-queries.ts')).toEqual([])
    expect(on('server/db/migrate.ts')).toEqual([])
    expect(on('server/kb/message.ts').filter((d) => d.rule === 'plugin')).toEqual([])
  })
})
