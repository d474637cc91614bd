import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../errors'
import { ROOT } from '../paths'
import { classify } from './classify'
import { PolicyError, loadPolicy } from './load'
import { gatesFor } from './plan'

export const POLICIES_DIR = path.join(ROOT, 'policies')

type Io = { out: (s: string) => void; err: (s: string) => void }

/** `copydesk policy check [dir]`: exit 0, or 1 with one `file: path: reason` line per problem. */
export function policyCheck(dir: string | undefined, io: Io): number {
  try {
    const p = loadPolicy(dir ?? POLICIES_DIR)
    io.out(`${p.name}: ok — version ${p.version}, ${p.rules.length} rules in ${p.packs.map((x) => x.id).join(', ')}`)
    // a production calendar without this year's or next year's decree counts the fixed holidays only
    const { calendar, file } = p
    const year = new Date().getUTCFullYear()
    if (file.calendar.production)
      for (const y of [year, year + 1].filter((y) => !calendar.years.has(y)))
        io.err(
          `warning: calendars/${file.calendar.production}.yaml has no ${y}: its due dates count the fixed holidays only, not the days moved by decree; add the year once its decree is out`,
        )
    return 0
  } catch (err) {
    if (err instanceof PolicyError) {
      err.problems.forEach((line) => io.err(line))
      return 1
    }
    throw err
  }
}

/** `copydesk policy classify FILE... [--channel NAME]`: one JSON line per file, in argument order. */
export function policyClassify(files: string[], channel: string, io: Io, dir = POLICIES_DIR): number {
  const policy = loadPolicy(dir)
  if (files.length === 0) {
    io.err('copydesk policy classify: name at least one file')
    return 2
  }
  let code = 0
  for (const file of files) {
    let text: string
    try {
      text = fs.readFileSync(file, 'utf8')
    } catch (err) {
      io.out(JSON.stringify({ file, error: (err as Error).message }))
      code = 1
      continue
    }
    try {
      const c = classify(policy, text, { channel })
      io.out(
        JSON.stringify({
          file,
          lang: c.lang,
          risks: c.risks.map((r) => ({ category: r.category, rule: r.rule, start: r.start, end: r.end })),
          missing: c.missing.map((m) => ({ rule: m.rule, requirement: m.requirement, wording: m.wording })),
          gates: gatesFor(policy, c.categories),
        }),
      )
    } catch (err) {
      if (err instanceof AppError) {
        io.err(`copydesk policy classify: ${err.message}`)
        return 2
      }
      throw err
    }
  }
  return code
}
