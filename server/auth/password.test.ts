import { describe, expect, it } from 'vitest'
import { SCRYPT_PARAMS, hashPassword, scryptParams, verifyPassword } from './password'

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const h1 = await hashPassword('correct horse', SCRYPT_PARAMS)
    const h2 = await hashPassword('correct horse', SCRYPT_PARAMS)
    expect(h1).not.toBe(h2)
    expect(h1).toMatch(/^scrypt\$131072\$8\$1\$/)
    expect(await verifyPassword('correct horse', h1)).toBe(true)
    expect(await verifyPassword('correct horse!', h1)).toBe(false)
    expect(await verifyPassword('correct horse', 'garbage')).toBe(false)
  })

  it('production hashes at OWASP minimum N=2^17, r=8, p=1; the cheap cost only under vitest', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 })
    // what a server or CLI started by an operator gets: no test runner in its environment
    expect(scryptParams({})).toBe(SCRYPT_PARAMS)
    expect(scryptParams({ NODE_ENV: 'production' })).toBe(SCRYPT_PARAMS)
    expect(scryptParams({ NODE_ENV: 'test' })).toBe(SCRYPT_PARAMS)
    expect(scryptParams({ VITEST: 'true', NODE_ENV: 'production' })).toBe(SCRYPT_PARAMS)
    // this process runs under vitest: the test cost, recorded in the hash itself
    const cheap = scryptParams({ VITEST: 'true', NODE_ENV: 'test' })
    expect(cheap.N).toBeLessThan(SCRYPT_PARAMS.N)
    expect(scryptParams()).toBe(cheap)
    const h = await hashPassword('correct horse')
    expect(h).toMatch(new RegExp(`^scrypt\\$${cheap.N}\\$${cheap.r}\\$${cheap.p}\\$`))
    // self-describing: a verifier at either cost reads the parameters from the hash
    expect(await verifyPassword('correct horse', h)).toBe(true)
    expect(await verifyPassword('correct horse!', h)).toBe(false)
  })
})
