import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import type { z } from 'zod'
import { compileEntry, type Entry } from './lexicon'
import { compileContext, type CompiledContext } from './text-shape'
import { getDetector } from './detectors'
import { type LocalizedText, PackFile, PolicyFile, type Rule } from './schema'
import { CalendarFile, type WorkCalendar, workCalendar } from './calendar'

export const POLICY_FILE = 'default.yaml'

/** Every problem found, one `file: path: reason` line each; startup stops on any. */
export class PolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid policy:\n${problems.join('\n')}`)
    this.name = 'PolicyError'
  }
}

export type CompiledRule = Rule & {
  pack: string
  lexiconMatchers: Entry[]
  nearGroups: Entry[][] | null
  /** The pack's customer/expense words, for `advertised` rules. */
  context: CompiledContext | null
  regexes: RegExp[]
  unlessRegexes: RegExp[]
}

export type Policy = {
  /** The policy's name in logs and records (its English name when it has two). */
  name: string
  /** The policy's name in each UI language. */
  title: LocalizedText
  /** sha256 of the policy and every pack it uses: what runs and decisions record. */
  version: string
  file: PolicyFile
  packs: PackFile[]
  rules: CompiledRule[]
  /** The days a review's SLA counts: the file's time zone and days, with its production calendar when loaded from policies/. */
  calendar: WorkCalendar
}

/** The validated sources of a policy: what is stored with a run, so it can be recompiled exactly. */
export type PolicySnapshot = { file: PolicyFile; packs: PackFile[] }

function parseYaml<S extends z.ZodType>(file: string, text: string, schema: S, problems: string[]): z.infer<S> | undefined {
  const doc = YAML.parseDocument(text)
  if (doc.errors.length) {
    for (const e of doc.errors)
      problems.push(`${file}: line ${e.linePos?.[0]?.line ?? '?'}, column ${e.linePos?.[0]?.col ?? '?'}: ${e.message.split('\n')[0]}`)
    return undefined
  }
  const parsed = schema.safeParse(doc.toJS())
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push(`${file}: ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`)
    return undefined
  }
  return parsed.data
}

/** Reads policies/default.yaml and the packs it names from policies/packs/. */
export function loadPolicy(dir: string): Policy {
  const problems: string[] = []
  const rel = (f: string) => path.join(path.basename(path.resolve(dir)), f)
  const policyPath = path.join(dir, POLICY_FILE)
  if (!fs.existsSync(policyPath)) throw new PolicyError([`${rel(POLICY_FILE)}: file not found`])
  const file = parseYaml(rel(POLICY_FILE), fs.readFileSync(policyPath, 'utf8'), PolicyFile, problems)

  const packDir = path.join(dir, 'packs')
  const available = new Map<string, PackFile>()
  for (const f of fs.existsSync(packDir)
    ? fs
        .readdirSync(packDir)
        .filter((n) => n.endsWith('.yaml'))
        .sort()
    : []) {
    const name = rel(path.join('packs', f))
    const pack = parseYaml(name, fs.readFileSync(path.join(packDir, f), 'utf8'), PackFile, problems)
    if (!pack) continue
    if (`${pack.id}.yaml` !== f) problems.push(`${name}: id: the pack id "${pack.id}" must match the file name`)
    available.set(pack.id, pack)
  }
  if (!file) throw new PolicyError(problems)
  const packs: PackFile[] = []
  file.packs.forEach((id, i) => {
    const pack = available.get(id)
    if (pack) packs.push(pack)
    else
      problems.push(
        `${rel(POLICY_FILE)}: packs.${i}: unknown rule pack "${id}" (in ${rel('packs')}: ${[...available.keys()].join(', ') || 'none'})`,
      )
  })
  // the production calendar the policy names: facts of the year, read as they are now (not a rule a run is held to)
  const calendarName = file.calendar.production
  let production: CalendarFile | undefined
  if (calendarName) {
    const name = rel(path.join('calendars', `${calendarName}.yaml`))
    const calendarPath = path.join(dir, 'calendars', `${calendarName}.yaml`)
    if (!fs.existsSync(calendarPath)) problems.push(`${rel(POLICY_FILE)}: calendar.production: no calendar "${calendarName}" (${name})`)
    else production = parseYaml(name, fs.readFileSync(calendarPath, 'utf8'), CalendarFile, problems)
  }
  if (problems.length) throw new PolicyError(problems)
  const policy = compilePolicy(
    { file, packs },
    {
      policyFile: rel(POLICY_FILE),
      rule: (pack, ruleIndex, field) => `${rel(path.join('packs', `${pack}.yaml`))}: rules.${ruleIndex}.${field}`,
    },
  )
  return { ...policy, calendar: workCalendar(file.calendar, production) }
}

/** How problems name their place: the files as the user sees them. */
type Where = { policyFile: string; rule: (pack: string, ruleIndex: number, field: string) => string }
const SNAPSHOT_WHERE: Where = { policyFile: POLICY_FILE, rule: (p, i, f) => `${p}: rules.${i}.${f}` }

/** Checks what the schemas cannot (cycles, references across files) and compiles the rules. */
export function compilePolicy(snapshot: PolicySnapshot, names: Where = SNAPSHOT_WHERE): Policy {
  const { file, packs } = snapshot
  const where = names.rule
  const problems: string[] = []
  const cycle = findCycle(file)
  if (cycle) problems.push(`${names.policyFile}: gates.${cycle[0]}.after: the gate order has a cycle: ${cycle.join(' -> ')}`)

  const rules: CompiledRule[] = []
  const ids = new Set<string>()
  for (const pack of packs) {
    const context = pack.context ? compileContext(pack.context, pack.lang) : null
    pack.rules.forEach((rule, i) => {
      if (rule.sector && !(rule.sector in file.sectors))
        problems.push(`${where(pack.id, i, 'sector')}: sector "${rule.sector}" is not in the policy's sectors`)
      if (rule.advertised && !context)
        problems.push(
          `${where(pack.id, i, 'advertised')}: the pack has no context (buyer_markers, customers …) to tell a customer from what is sold`,
        )
      if (ids.has(rule.id)) problems.push(`${where(pack.id, i, 'id')}: rule id "${rule.id}" is used twice`)
      ids.add(rule.id)
      rule.channels?.forEach((c, k) => {
        if (!file.channels.includes(c))
          problems.push(`${where(pack.id, i, `channels.${k}`)}: channel "${c}" is not in the policy's channels`)
      })
      if (rule.detector && !getDetector(rule.detector))
        problems.push(`${where(pack.id, i, 'detector')}: unknown detector "${rule.detector}"`)
      const compile = (sources: string[], field: string) =>
        sources.flatMap((src, k) => {
          try {
            return [new RegExp(src, rule.case_sensitive ? 'gu' : 'giu')]
          } catch (err) {
            problems.push(`${where(pack.id, i, `${field}.${k}`)}: invalid regular expression: ${(err as Error).message}`)
            return []
          }
        })
      ;[...rule.requires, ...(rule.when_missing ?? [])].forEach((req, k) =>
        compile(req.regex, `${rule.when_missing ? 'when_missing' : 'requires'}.${k}.regex`),
      )
      rules.push({
        ...rule,
        pack: pack.id,
        lexiconMatchers: rule.lexicon.map((e) => compileEntry(e, pack.lang)),
        nearGroups: rule.near ? rule.near.map((g) => g.map((e) => compileEntry(e, pack.lang))) : null,
        context: rule.advertised ? context : null,
        regexes: compile(rule.regex, 'regex'),
        unlessRegexes: compile(rule.unless, 'unless'),
      })
    })
  }
  if (problems.length) throw new PolicyError(problems)
  const version = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 16)
  const title = typeof file.name === 'string' ? { ru: file.name, en: file.name } : file.name
  return { name: title.en, title, version, file, packs, rules, calendar: workCalendar(file.calendar) }
}

function findCycle(file: PolicyFile): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (g: string): string[] | undefined => {
    if (state.get(g) === 'done') return undefined
    if (state.get(g) === 'visiting') return [...stack.slice(stack.indexOf(g)), g]
    state.set(g, 'visiting')
    stack.push(g)
    for (const next of file.gates[g as keyof typeof file.gates]?.after ?? []) {
      const c = visit(next)
      if (c) return c
    }
    stack.pop()
    state.set(g, 'done')
    return undefined
  }
  for (const g of Object.keys(file.gates)) {
    const c = visit(g)
    if (c) return c
  }
  return undefined
}
