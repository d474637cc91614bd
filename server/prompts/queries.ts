import type { Queryable } from '../db/connect'

/** One prompt version as stored: `meta` is its front matter beyond the key columns, `body` its sections. */
export type PromptVersionRow = {
  id: string
  version: string
  hash: string
  kind: string
  lang: string
  meta: { owner: string; changelog: string; schema: string; temperature: number; file: string }
  body: string
}

/** Records a prompt version; true when it is new (false when it was recorded before). */
export async function insertPromptVersion(db: Queryable, p: PromptVersionRow): Promise<boolean> {
  const added = await db`insert into prompt_versions (id, version, hash, kind, lang, meta, body)
      values (${p.id}, ${p.version}, ${p.hash}, ${p.kind}, ${p.lang}, ${db.json(p.meta)}, ${p.body})
      on conflict (id, version) do nothing returning id`
  return added.length > 0
}
