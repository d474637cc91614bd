import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Headers for every response. The built UI is one module script and one stylesheet from
 * /assets (web/dist/index.html) and React sets styles through the DOM, so no 'unsafe-inline'
 * is needed anywhere; the favicon is a data: URL.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // TLS is the reverse proxy's business; HSTS with includeSubDomains from an app could lock
    // out sibling hosts that still speak plain HTTP.
    strictTransportSecurity: false,
  })
}

/** API answers are per-user and change all the time: no browser or proxy may keep them. */
export const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next()
  c.res.headers.set('Cache-Control', 'no-store')
}
