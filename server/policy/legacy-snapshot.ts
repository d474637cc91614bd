import { z } from 'zod'
import type { PolicySnapshot } from './load'
import { PackFile, PolicyFile } from './schema'

const Snapshot = z.object({ file: PolicyFile, packs: z.array(PackFile) })

/** A policy version's stored sources, validated; one recorded in an older shape is read as today's. */
export const readStoredSnapshot = (raw: unknown): PolicySnapshot => Snapshot.parse(upgradeLegacySnapshot(raw))

/**
 * Policy versions recorded before rule packs spoke both UI languages held their names,
 * explanations and fixes as one string, and no titles. A run planned with such a version is
 * still replanned with it: its texts are read as both languages, and a missing title is the id.
 */
function upgradeLegacySnapshot(raw: unknown): unknown {
  if (!isObject(raw) || !Array.isArray(raw.packs)) return raw
  return { ...raw, packs: raw.packs.map(upgradePack) }
}

type Obj = Record<string, unknown>
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const both = (v: unknown) => (typeof v === 'string' ? { ru: v, en: v } : v)
const titled = (o: Obj) => ('title' in o ? o : { ...o, title: typeof o.id === 'string' ? both(o.id) : o.title })

function upgradePack(pack: unknown): unknown {
  if (!isObject(pack)) return pack
  const out: Obj = { ...pack, name: both(pack.name) }
  if ('description' in pack) out.description = both(pack.description)
  if (Array.isArray(pack.rules)) out.rules = pack.rules.map(upgradeRule)
  return out
}

function upgradeRule(rule: unknown): unknown {
  if (!isObject(rule)) return rule
  const out: Obj = { ...titled(rule), explain: both(rule.explain) }
  if ('fix' in rule) out.fix = both(rule.fix)
  for (const key of ['requires', 'when_missing'])
    if (Array.isArray(rule[key])) out[key] = (rule[key] as unknown[]).map((q) => (isObject(q) ? titled(q) : q))
  return out
}
