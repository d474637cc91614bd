// Each command's module is imported when that command runs: \`copydesk pii scan\` does not load
// the drafting engine, the model SDKs or the database driver (a CLI call starts in a fraction of
// the time; scripts call it in loops).
import { parseArgs } from 'node:util'
import { AddUser } from './auth/add-user'
import { DisableUser } from './auth/disable-user'
import { loadConfig } from './config'

const HELP = `copydesk — governed AI drafting for marketing teams

Usage: copydesk <command> [options]

Commands:
  migrate            apply database migrations (the server also does this at start)
  seed --demo        create the demo users (<role>@copydesk.local); the only way to get
                     them on a real PostgreSQL (DATABASE_URL)
  audit verify [--anchor FILE]
                     recompute the audit log's hash chain; exit 0 if intact, exit 1
                     naming the first bad row; with --anchor, also check the log still
                     holds every anchored row unchanged
  audit anchor [--out FILE]
                     verify the chain, then print its head (row and hash) as one JSON
                     line, or append it to FILE: run it daily and keep the file away
                     from the database
  policy check [DIR] validate the policy (default: policies/); exit 1 with one
                     "file: path: reason" line per problem
  policy classify FILE... [--channel NAME] [--json]
                     risk categories, rule ids and spans, missing disclaimers and the
                     gates of each file, as JSON Lines in argument order; the channel
                     defaults to landing
  pii scan FILE... [--json]
                     personal data in each file (types, JavaScript string offsets), as
                     JSON Lines in argument order
  pii redact FILE    the file with personal data replaced by [TYPE_n] placeholders,
                     numbered by first occurrence (deterministic)
  draft --kind offer|headlines|interview_summary --brief FILE.json [--json]
                     the drafting step alone (offline engine unless OPENAI_API_KEY), inputs redacted
                     first; prints the structured draft (JSON; one line with --json).
                     An interview brief holds "transcript" or "transcripts": [...]
  seo cluster FILE [--mode serp-weighted|serp-soft|serp-moderate|serp-hard|lexical] [--threshold N] [--json]
                     keyword clusters and a content plan from a CSV/TSV/XLSX export
                     (serp-weighted when it has result URLs, else lexical); bad rows are
                     reported on stderr by line number
  user add EMAIL --roles writer,editor [--name NAME] [--team TEAM]
                     create a user (or reset their roles and password); the password
                     is read from standard input, so it stays out of shell history:
                     echo 'a long password' | copydesk user add ann@example.com --roles writer
                     A reset ends all of that user's sessions and clears their login throttle.
  user disable EMAIL deactivate a user and end their sessions (user add enables them again)

Commands that touch data use the same database as the server: DATABASE_URL if set, otherwise
the embedded PostgreSQL in COPYDESK_DATA_DIR (default ./data). The embedded database
can be opened by one process at a time: stop the server first.

Options:
  -h, --help         show this help
`

type Out = { out: (s: string) => void; err: (s: string) => void; write?: (s: string) => void; stdin?: NodeJS.ReadableStream }

async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  if ((stdin as { isTTY?: boolean }).isTTY) return ''
  let text = ''
  for await (const chunk of stdin) text += chunk
  return text
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], io: Out = { out: console.log, err: console.error }, env = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      roles: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      channel: { type: 'string' },
      json: { type: 'boolean' },
      kind: { type: 'string' },
      brief: { type: 'string' },
      mode: { type: 'string' },
      threshold: { type: 'string' },
      anchor: { type: 'string' },
      out: { type: 'string' },
    },
  })
  const [cmd, sub] = positionals
  if (values.help || !cmd) {
    io.out(HELP)
    return cmd || values.help ? 0 : 2
  }
  if (cmd === 'policy' && sub === 'check') return (await import('./policy/cli')).policyCheck(positionals[2], io)
  if (cmd === 'policy' && sub === 'classify')
    return (await import('./policy/cli')).policyClassify(positionals.slice(2), String(values.channel ?? 'landing'), io)
  if (cmd === 'pii' && sub === 'scan') return (await import('./pii/cli')).piiScan(positionals.slice(2), io)
  if (cmd === 'pii' && sub === 'redact') return (await import('./pii/cli')).piiRedact(positionals.slice(2), io)
  if (cmd === 'seo' && sub === 'cluster')
    return (await import('./seo/cli')).seoCluster(
      positionals[2],
      { mode: values.mode as string | undefined, threshold: values.threshold as string | undefined, json: Boolean(values.json) },
      io,
      env,
    )
  if (cmd === 'draft')
    return (await import('./drafting/cli')).draftCommand(
      values.kind as string | undefined,
      values.brief as string | undefined,
      Boolean(values.json),
      io,
    )
  const known = ['migrate', 'seed', 'audit', 'user']
  if (
    !known.includes(cmd) ||
    (cmd === 'audit' && sub !== 'verify' && sub !== 'anchor') ||
    (cmd === 'seed' && !values.demo) ||
    (cmd === 'user' && sub !== 'add' && sub !== 'disable')
  ) {
    io.err(`copydesk: unknown command "${positionals.join(' ')}"${cmd === 'seed' ? ' (did you mean: seed --demo?)' : ''}\n\n${HELP}`)
    return 2
  }
  let newUser: AddUser | undefined
  let disable: DisableUser | undefined
  if (cmd === 'user' && sub === 'disable') {
    const parsed = DisableUser.safeParse({ email: positionals[2] })
    if (!parsed.success) {
      io.err('copydesk user disable: give the e-mail of the user')
      return 2
    }
    disable = parsed.data
  } else if (cmd === 'user') {
    const parsed = AddUser.safeParse({
      email: positionals[2],
      name: values.name ?? positionals[2]?.split('@')[0],
      roles: String(values.roles ?? '')
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
      team: values.team,
      password: (await readStdin(io.stdin)).replace(/\r?\n$/, ''),
    })
    if (!parsed.success) {
      io.err(parsed.error.issues.map((i) => `copydesk user add: ${i.path.join('.') || 'input'}: ${i.message}`).join('\n'))
      return 2
    }
    newUser = parsed.data
  }
  const config = loadConfig(env)
  const { openConfiguredDatabase } = await import('./db/open')
  const db = await openConfiguredDatabase(config)
  try {
    if (cmd === 'migrate') {
      io.out('migrations applied')
      return 0
    }
    if (cmd === 'seed') {
      const { seedDemoUsers } = await import('./auth/seed-demo')
      const created = await seedDemoUsers(db.sql, config.demoPassword)
      io.out(created.length ? created.map((u) => `created ${u.email} (${u.role})`).join('\n') : 'demo users already exist')
      return 0
    }
    if (newUser) {
      const { addUser } = await import('./auth/add-user')
      const { created, sessionsEnded } = await addUser(db.sql, newUser)
      const ended = sessionsEnded ? `; ${sessionsEnded} session(s) ended` : ''
      io.out(`${created ? 'created' : 'updated'} ${newUser.email} (${newUser.roles.join(', ')})${ended}`)
      return 0
    }
    if (disable) {
      const { disableUser } = await import('./auth/disable-user')
      const { found, sessionsEnded } = await disableUser(db.sql, disable)
      if (!found) {
        io.err(`copydesk user disable: no user ${disable.email}`)
        return 1
      }
      io.out(`disabled ${disable.email}; ${sessionsEnded} session(s) ended`)
      return 0
    }
    const audit = await import('./audit/cli')
    if (sub === 'anchor') return await audit.auditAnchor(db.sql, values.out as string | undefined, io)
    return await audit.auditVerify(db.sql, values.anchor as string | undefined, io)
  } finally {
    await db.close()
  }
}
