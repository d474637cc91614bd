import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export type ScryptParams = { N: number; r: number; p: number }

// scrypt from node:crypto: memory-hard and needs no native addon. OWASP's minimum for scrypt
// is N=2^17, r=8, p=1; we store the parameters with the hash so they can be raised later.
export const SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1 })

/**
 * Under the test runner only: N=2^10 (about 1 ms instead of ~0.45 s), so the suite's hundreds of
 * logins do not spend minutes in scrypt. Honoured only when vitest runs the process (it sets
 * VITEST=true and NODE_ENV=test, which its tests hand on to the servers and CLIs they spawn);
 * nothing an operator configures selects it. The hash records its own N, so either kind of hash
 * verifies anywhere; password.test.ts asserts the production parameters above.
 */
const TEST_SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 2 ** 10, r: 8, p: 1 })

export function scryptParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  return env.VITEST === 'true' && env.NODE_ENV === 'test' ? TEST_SCRYPT_PARAMS : SCRYPT_PARAMS
}

const KEYLEN = 32
const MAXMEM = 256 * 1024 * 1024

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { ...opts, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** `params` is for tests that need a hash at the production cost; everything else takes the default. */
export async function hashPassword(password: string, params: ScryptParams = scryptParams()): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummy: Promise<string> | undefined
/**
 * A hash of a random password: lets a login for an unknown e-mail take as long as a real one.
 * Made on first use, not at import (a CLI call would wait for a scrypt run it never needs); the
 * login routes ask for it when they are built, so the first unknown e-mail is not slower.
 */
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(16).toString('hex')))
