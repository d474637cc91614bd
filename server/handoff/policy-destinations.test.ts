import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { startServer } from '../main'
import { silentLog } from '../log'
import { POLICIES_DIR } from '../policy/cli'
import { PolicyError, loadPolicy } from '../policy/load'
import { policyDestinations, takesContent } from './policy-destinations'

const made: string[] = []
afterEach(() => made.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** A copy of policies/ whose default.yaml ends with this `handoff:` section. */
function withHandoff(section: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-dest-'))
  made.push(root)
  const dir = path.join(root, 'policies')
  fs.cpSync(POLICIES_DIR, dir, { recursive: true })
  const file = path.join(dir, 'default.yaml')
  const shipped = fs.readFileSync(file, 'utf8')
  // the shipped policy has an empty `handoff:` section: this one takes its place
  if (!/^handoff:\n {2}destinations: \[\]$/m.test(shipped)) throw new Error('policies/default.yaml has no empty handoff section to replace')
  fs.writeFileSync(file, shipped.replace(/^handoff:\n {2}destinations: \[\]$/m, section))
  return dir
}

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn()
  } catch (err) {
    if (err instanceof PolicyError) return err.problems
    throw err
  }
  return []
}

const CMS = `handoff:
  destinations:
    - name: cms
      url: https://cms.example.com/hooks/copydesk
      secret_env: CMS_HOOK_SECRET
      kinds: [offer, headlines]
      channels: [landing, blog]
    - name: esp
      url: http://esp.internal:8080/in
      secret_env: ESP_SECRET`

describe('hand-off destinations in the policy file', () => {
  it('resolve their secrets from the environment, rotation lists included, and keep their filters', () => {
    const dir = withHandoff(CMS)
    const got = policyDestinations(loadPolicy(dir), dir, { CMS_HOOK_SECRET: 'old, new', ESP_SECRET: 's3' })
    expect(got).toEqual([
      {
        name: 'cms',
        url: 'https://cms.example.com/hooks/copydesk',
        secrets: ['old', 'new'],
        kinds: ['offer', 'headlines'],
        channels: ['landing', 'blog'],
      },
      { name: 'esp', url: 'http://esp.internal:8080/in', secrets: ['s3'], kinds: [], channels: [] },
    ])
  })

  it('a secret that is not set stops the start with the file, the path and the variable', () => {
    const dir = withHandoff(CMS)
    expect(problemsOf(() => policyDestinations(loadPolicy(dir), dir, { CMS_HOOK_SECRET: 'x', ESP_SECRET: ' ' }))).toEqual([
      'policies/default.yaml: handoff.destinations.1.secret_env: ESP_SECRET is not set (the secret of destination "esp")',
    ])
  })

  it('the server refuses to start on it, before touching its data folder', async () => {
    const dir = withHandoff(CMS)
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-dest-data-'))
    made.push(data)
    delete process.env.CMS_HOOK_SECRET
    await expect(startServer(loadConfig({ COPYDESK_DATA_DIR: data, PORT: '0' }), { log: silentLog, policiesDir: dir })).rejects.toThrow(
      /handoff\.destinations\.0\.secret_env: CMS_HOOK_SECRET is not set/,
    )
    expect(fs.existsSync(path.join(data, 'copydesk.lock'))).toBe(false)
  })

  it.each([
    [
      'a reserved name',
      CMS.replace('name: cms', 'name: default'),
      'handoff.destinations.0.name: "default" is the name of a destination set by the environment',
    ],
    ['a name twice', CMS.replace('name: esp', 'name: cms'), 'handoff.destinations.1.name: "cms" is named twice'],
    [
      'an unknown channel',
      CMS.replace('[landing, blog]', '[landing, billboard]'),
      'handoff.destinations.0.channels.1: channel "billboard" is not in channels',
    ],
    ['an unknown kind', CMS.replace('[offer, headlines]', '[offer, poem]'), 'handoff.destinations.0.kinds.1:'],
    [
      'a secret in place of its variable',
      CMS.replace('secret_env: ESP_SECRET', 'secret_env: whsec-123'),
      'handoff.destinations.1.secret_env: the name of an environment variable',
    ],
    [
      'a URL that is not http(s)',
      CMS.replace('http://esp.internal:8080/in', 'ftp://esp.internal/in'),
      'handoff.destinations.1.url: an http(s) URL',
    ],
    [
      'an unknown key',
      CMS.replace('      secret_env: ESP_SECRET', '      secret_env: ESP_SECRET\n      secret: abc'),
      'handoff.destinations.1:',
    ],
  ])('%s is refused with its path', (_what, section, message) => {
    const found = problemsOf(() => loadPolicy(withHandoff(section)))
    expect(found.some((p) => p.startsWith('policies/default.yaml: ') && p.includes(message))).toBe(true)
  })

  it('a destination takes the approved texts of its kinds and channels, every text when it names none; never events', () => {
    const cms = { name: 'cms', url: 'http://x', kinds: ['offer'], channels: ['landing'] }
    expect(takesContent(cms, { kind: 'offer', channel: 'landing' })).toBe(true)
    expect(takesContent(cms, { kind: 'offer', channel: 'email' })).toBe(false)
    expect(takesContent(cms, { kind: 'headlines', channel: 'landing' })).toBe(false)
    expect(takesContent({ name: 'default', url: 'http://x' }, { kind: 'seo_clusters', channel: 'blog' })).toBe(true)
    expect(takesContent({ name: 'chat', url: 'http://x', receives: 'events' }, { kind: 'offer', channel: 'landing' })).toBe(false)
  })
})
