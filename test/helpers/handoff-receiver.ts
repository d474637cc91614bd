// A CMS stand-in for the hand-off tests: records each delivery and answers `state.status`; and
// what a receiver does with the signature.
import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { eventId: string; signature: string; body: string }

/** A CMS stand-in: answers `status` (503 while "down"), records what it was sent. */
export async function receiver() {
  const got: Received[] = []
  const state = { status: 200 }
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      got.push({ eventId: String(req.headers['copydesk-event-id']), signature: String(req.headers['copydesk-signature']), body })
      res.writeHead(state.status).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/copydesk`
  return { got, state, url, close: () => new Promise<void>((r) => server.close(() => r())) }
}

/** What a receiver does: the signature of one of its secrets over t + "." + body, within five minutes. */
export function verify(r: Received, secret: string, now = Date.now()): boolean {
  const parts = r.signature.split(',').map((p) => p.split('=') as [string, string])
  const t = Number(parts.find(([k]) => k === 't')?.[1])
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > 300) return false
  const want = Buffer.from(createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex'))
  return parts.some(([k, v]) => k === 'v1' && v.length === want.length && timingSafeEqual(Buffer.from(v), want))
}
