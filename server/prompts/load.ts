import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import { z } from 'zod'
import { BriefKind, Lang } from '../../contracts/briefs'
import { appendAudit } from '../audit/append'
import type { Queryable } from '../db/connect'
import { insertPromptVersion } from './queries'

const FrontMatter = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
  version: z.number().int().positive(),
  /** A brief kind it drafts, or `risk_review`: the optional model risk classifier. */
  kind: z.union([BriefKind, z.literal('risk_review')]),
  lang: Lang,
  schema: z.string().min(1),
  temperature: z.number().min(0).max(2).default(0.7),
  owner: z.string().min(1),
  changelog: z.string().min(1),
})

export type Prompt = z.infer<typeof FrontMatter> & {
  /** `<declared version>.<first 8 hex of the content hash>`: any edit makes a new version. */
  versionLabel: string
  hash: string
  system: string
  user: string
  file: string
}

export class PromptFileError extends Error {}

const SECTION = /^# (system|user)\s*$/m

export function parsePromptFile(file: string, text: string): Prompt {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'))
  if (!match) throw new PromptFileError(`${file}: expected YAML front matter between --- lines`)
  let raw: unknown
  try {
    raw = YAML.parse(match[1] ?? '')
  } catch (err) {
    throw new PromptFileError(`${file}: front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`)
  }
  const fm = FrontMatter.safeParse(raw)
  if (!fm.success) {
    const i = fm.error.issues[0]
    throw new PromptFileError(`${file}: ${i?.path.join('.') || '(front matter)'}: ${i?.message}`)
  }
  const parts = (match[2] ?? '').split(SECTION)
  const sections = new Map<string, string>()
  for (let k = 1; k + 1 < parts.length; k += 2) sections.set(parts[k] ?? '', (parts[k + 1] ?? '').trim())
  const system = sections.get('system')
  const user = sections.get('user')
  if (!system || !user) throw new PromptFileError(`${file}: needs a "# system" and a "# user" section`)
  const hash = createHash('sha256').update(text).digest('hex')
  return { ...fm.data, versionLabel: `${fm.data.version}.${hash.slice(0, 8)}`, hash, system, user, file }
}

export function loadPrompts(dir: string): Prompt[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
  const prompts = files.map((f) => parsePromptFile(path.join(path.basename(dir), f), fs.readFileSync(path.join(dir, f), 'utf8')))
  const seen = new Set<string>()
  for (const p of prompts) {
    const key = `${p.id}/${p.lang}`
    if (seen.has(key)) throw new PromptFileError(`${p.file}: a second prompt "${p.id}" for language ${p.lang}`)
    seen.add(key)
  }
  return prompts
}

/**
 * Records every version we have seen; old versions stay, so results keep pointing at them. A
 * version seen for the first time is a prompt change: it goes to the audit log.
 */
export async function syncPrompts(db: Queryable, prompts: Prompt[]): Promise<void> {
  for (const p of prompts) {
    const meta = { owner: p.owner, changelog: p.changelog, schema: p.schema, temperature: p.temperature, file: p.file }
    const added = await insertPromptVersion(db, {
      id: p.id,
      version: p.versionLabel,
      hash: p.hash,
      kind: p.kind,
      lang: p.lang,
      meta,
      body: `# system\n${p.system}\n\n# user\n${p.user}`,
    })
    if (added)
      await appendAudit(db, {
        actorId: null,
        action: 'prompt.version',
        data: { id: p.id, lang: p.lang, version: p.versionLabel, hash: p.hash, owner: p.owner },
      })
  }
}

/** Fills {{name}} slots; a slot without a value is a programming error, not an empty string. */
export function render(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = vars[name]
    if (v === undefined) throw new Error(`prompt variable {{${name}}} has no value`)
    return v
  })
}

export class PromptLibrary {
  constructor(private readonly prompts: Prompt[]) {}
  get(id: string, lang: 'ru' | 'en'): Prompt {
    const p = this.prompts.find((x) => x.id === id && x.lang === lang)
    if (!p) throw new Error(`no prompt "${id}" for language ${lang} in prompts/`)
    return p
  }
  all(): Prompt[] {
    return this.prompts
  }
}
