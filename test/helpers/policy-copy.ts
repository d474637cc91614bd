import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { POLICIES_DIR } from '../../server/policy/cli'

/** A copy of policies/ with default.yaml edited; returns its folder and a cleanup. */
export function policyVariant(edit: (yaml: string) => string): { dir: string; dispose: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-policy-'))
  const dir = path.join(root, 'policies')
  fs.cpSync(POLICIES_DIR, dir, { recursive: true })
  const file = path.join(dir, 'default.yaml')
  const before = fs.readFileSync(file, 'utf8')
  const after = edit(before)
  if (after === before) throw new Error('policyVariant: the edit changed nothing')
  fs.writeFileSync(file, after)
  return { dir, dispose: () => fs.rmSync(root, { recursive: true, force: true }) }
}
