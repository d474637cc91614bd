import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './password'

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const h1 = await hashPassword('correct horse')
    const h2 = await hashPassword('correct horse')
    expect(h1).not.toBe(h2)
    expect(h1).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect(await verifyPassword('correct horse', h1)).toBe(true)
    expect(await verifyPassword('correct horse!', h1)).toBe(false)
    expect(await verifyPassword('correct horse', 'garbage')).toBe(false)
  })
})
