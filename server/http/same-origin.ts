import type { Context, MiddlewareHandler } from 'hono'
import { refuse } from '../refusals'

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
      throw refuse('request.cross_site', { site })
    }
    const origin = c.req.header('origin')
    if (origin !== undefined) {
      const own = ownOrigin(c, opts.trustProxy ?? false)
      if (normaliseOrigin(origin) !== own) {
        // without COPYDESK_TRUST_PROXY the refusal says how to set it
        throw refuse(opts.trustProxy ? 'request.cross_origin' : 'request.cross_origin_proxy', { origin, own })
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
