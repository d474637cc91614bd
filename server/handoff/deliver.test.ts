import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config'
import { backoff, HANDOFF_DEFAULTS, signature } from './deliver'

describe('the hand-off signature and its configuration', () => {
  it('signs t + "." + body with each secret, as Stripe and GitHub do', () => {
    const at = new Date('2026-12-07T10:00:00Z')
    const sig = signature(['a', 'b'], '{"x":1}', at)
    const t = at.getTime() / 1000
    const hex = (k: string) => createHmac('sha256', k).update(`${t}.{"x":1}`).digest('hex')
    expect(sig).toBe(`t=${t},v1=${hex('a')},v1=${hex('b')}`)
  })

  it('waits twice as long after each failed attempt, at most an hour', () => {
    const c = { destinations: [], ...HANDOFF_DEFAULTS }
    expect([1, 2, 3].map((n) => backoff(c, n))).toEqual([30_000, 60_000, 120_000])
    expect(backoff(c, 10)).toBe(3_600_000)
  })

  it('a destination without a secret stops startup; a rotating secret is two', () => {
    expect(() => loadConfig({ COPYDESK_HANDOFF_URL: 'https://cms.example/hooks' })).toThrow(/never sent unsigned/)
    expect(() => loadConfig({ COPYDESK_HANDOFF_URL: 'ftp://cms.example/hooks', COPYDESK_HANDOFF_SECRET: 's' })).toThrow()
    expect(loadConfig({}).handoff).toEqual([])
    expect(loadConfig({ COPYDESK_HANDOFF_URL: 'https://cms.example/hooks', COPYDESK_HANDOFF_SECRET: 'old, new' }).handoff).toEqual([
      { name: 'default', url: 'https://cms.example/hooks', secrets: ['old', 'new'] },
    ])
  })
})
