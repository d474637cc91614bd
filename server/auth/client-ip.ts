import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The client's address for login throttling. Without trustProxy: the socket's peer, and any
 * X-Forwarded-For is ignored (a client could write anything there). With trustProxy (one TLS
 * proxy in front): the LAST X-Forwarded-For hop, the one our proxy appended. The first hop is
 * whatever the client sent before the proxy appended its own (nginx's
 * $proxy_add_x_forwarded_for), so trusting it would let an attacker pick a fresh "IP" per request.
 * Undefined when unknown (in-process test requests have no socket).
 */
export function clientIp(c: Context, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const hop = c.req.header('x-forwarded-for')?.split(',').pop()?.trim()
    if (hop && isIP(hop)) return hop
  }
  try {
    return getConnInfo(c).remote.address ?? undefined
  } catch {
    return undefined
  }
}

/**
 * The request URL as the browser sent it: behind a trusted TLS proxy the app sees http://, so
 * X-Forwarded-Proto: https turns it into https:// (any hop saying https counts; the safe
 * mistake is a Secure cookie too many). Without trustProxy the header is ignored.
 */
export function publicUrl(c: Context, trustProxy: boolean): string {
  const url = c.req.url
  if (!trustProxy) return url
  const protos = (c.req.header('x-forwarded-proto') ?? '').split(',').map((p) => p.trim().toLowerCase())
  return protos.includes('https') ? url.replace(/^http:/, 'https:') : url
}
