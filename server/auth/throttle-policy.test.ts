import { describe, expect, it } from 'vitest'
import { admit, afterFailure, afterSuccess, emptyState, type ThrottleLimits, type ThrottleState } from './throttle-policy'

const L: ThrottleLimits = { limit: 3, windowSeconds: 900, baseLockSeconds: 60, maxLockSeconds: 900 }
const t0 = new Date('2030-01-01T00:00:00Z')
const at = (s: number) => new Date(t0.getTime() + s * 1000)

/** One attempt at second `s` that fails; returns the new state, or the refusal. */
function fail(s: ThrottleState, sec: number) {
  const a = admit(s, at(sec), L)
  if (!a.ok) return a
  return afterFailure(a.next, at(sec), L)
}
const state = (x: ReturnType<typeof fail>) => {
  if ('ok' in x) throw new Error(`refused: ${JSON.stringify(x)}`)
  return x
}

describe('login throttle policy', () => {
  it('locks after `limit` failures, doubles each lock after it ran out, caps it, forgets after the window', () => {
    let s = emptyState(t0)
    for (let i = 0; i < 3; i++) s = state(fail(s, i))
    expect(admit(s, at(3), L)).toMatchObject({ ok: false, reason: 'locked', retryAfter: 59 })
    const locks: number[] = []
    let now = 2
    for (let i = 0; i < 6; i++) {
      now = (s.lockedUntil!.getTime() - t0.getTime()) / 1000
      s = state(fail(s, now))
      locks.push((s.lockedUntil!.getTime() - at(now).getTime()) / 1000)
    }
    expect(locks).toEqual([120, 240, 480, 900, 900, 900])
    // a quiet window after the last lock ran out: counted from zero again
    const quiet = now + 900 + 900 + 1
    expect(admit(s, at(quiet), L)).toMatchObject({ ok: true, next: { failures: 0, pending: 1 } })
  })

  it('refused attempts are not failures: a flood does not lengthen the lock', () => {
    let s = emptyState(t0)
    for (let i = 0; i < 3; i++) s = state(fail(s, i))
    for (let i = 0; i < 100; i++) expect(admit(s, at(10 + i * 0.1), L).ok).toBe(false)
    expect(s.failures).toBe(3)
  })

  it('parallel attempts: only as many in flight as failures are left, one at a time after a lock', () => {
    let s = emptyState(t0)
    const admitted = []
    for (let i = 0; i < 10; i++) {
      const a = admit(s, t0, L)
      if (a.ok) {
        s = a.next
        admitted.push(i)
      } else expect(a.reason).toBe('busy')
    }
    expect(admitted).toHaveLength(3)
    // a success gives its slot back; a reservation left by a crashed process expires
    s = afterSuccess(s, t0)
    expect(admit(s, t0, L).ok).toBe(true)
    expect(admit(s, at(31), L).ok).toBe(true)
  })
})
