import type { Context, MiddlewareHandler } from 'hono'
import { AppError } from '../errors'

// Reads never change state; everything else (POST/PUT/PATCH/DELETE, and any odd verb) is checked.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
// `same-site` is refused on purpose: a page on another port of our host is same-site, and the
// session cookie (SameSite=Lax) rides along with its requests.
const ALLOWED_SITES = new Set(['same-origin', 'none'])

export type SameOriginOptions = {
  /** Behind a TLS proxy: our origin is X-Forwarded-Proto + X-Forwarded-Host, not what the socket saw. */
  trustProxy?: boolean
}

/**
 * Refuses state-changing requests a browser sent on behalf of another origin (CSRF).
 * Browsers always label such requests (Origin, and Sec-Fetch-Site on secure contexts), so a
 * request with neither header is a script or curl with its own cookie: it passes (CONTRACTS.md).
 * hono/csrf does not fit: it lets a cross-origin JSON request through, and refuses a header-less
 * POST without a Content-Type (curl logging out), which the contract keeps working.
 */
export function sameOrigin(opts: SameOriginOptions = {}): MiddlewareHandler {
  return async function sameOrigin(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const site = c.req.header('sec-fetch-site')
    if (site !== undefined && !ALLOWED_SITES.has(site.trim().toLowerCase())) {
      throw new AppError(
        'forbidden',
        `cross-origin request refused: the browser says it came from a ${site} page, not from Copydesk itself`,
      )
    }
    const origin = c.req.header('origin')
    if (origin !== undefined) {
      const own = ownOrigin(c, opts.trustProxy ?? false)
      if (normaliseOrigin(origin) !== own) {
        const hint = opts.trustProxy ? '' : ' (behind a proxy? set COPYDESK_TRUST_PROXY=true)'
        throw new AppError('forbidden', `cross-origin request refused: Origin ${origin} is not this app's origin ${own}${hint}`)
      }
    }
    return next()
  }
}

/** scheme://host[:port] of the request as the browser addressed it. */
export function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url)
  if (!trustProxy) return url.origin
  const first = (name: string) => c.req.header(name)?.split(',')[0]?.trim() || undefined
  const proto = first('x-forwarded-proto')?.toLowerCase()
  const scheme = proto === 'http' || proto === 'https' ? proto : url.protocol.slice(0, -1)
  return normaliseOrigin(`${scheme}://${first('x-forwarded-host') ?? url.host}`) ?? url.origin
}

// Lower-cases the host and drops a default port, as browsers do; "null" and junk give undefined.
function normaliseOrigin(value: string): string | undefined {
  try {
    const origin = new URL(value).origin
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}
