// The hand-off destinations a policy file adds to COPYDESK_HANDOFF_URL's: each named with the
// environment variable holding its secret, resolved here at start. A variable that is not set
// stops the server with the file, the path and the reason, as any other policy problem does: a
// destination without its secret would sign nothing, and one silently skipped would lose texts.
import path from 'node:path'
import { secretsOf } from '../config'
import { POLICY_FILE, type Policy, PolicyError } from '../policy/load'
import type { Destination } from './deliver'

export function policyDestinations(policy: Policy, policiesDir: string, env: NodeJS.ProcessEnv = process.env): Destination[] {
  const file = path.join(path.basename(path.resolve(policiesDir)), POLICY_FILE)
  const problems: string[] = []
  const out: Destination[] = []
  policy.file.handoff.destinations.forEach((d, i) => {
    const secrets = secretsOf(env[d.secret_env] ?? '')
    if (secrets.length === 0) {
      problems.push(`${file}: handoff.destinations.${i}.secret_env: ${d.secret_env} is not set (the secret of destination "${d.name}")`)
      return
    }
    out.push({ name: d.name, url: d.url, secrets, kinds: d.kinds, channels: d.channels })
  })
  if (problems.length) throw new PolicyError(problems)
  return out
}

/** Whether a destination takes an approved text of this kind and channel (an empty list takes all). */
export const takesContent = (d: Destination, c: { kind: string; channel: string }) =>
  d.receives !== 'events' && (!d.kinds?.length || d.kinds.includes(c.kind)) && (!d.channels?.length || d.channels.includes(c.channel))
