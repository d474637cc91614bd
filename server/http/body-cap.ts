import type { MiddlewareHandler } from 'hono'
import { refuse } from '../refusals'

// A brief may carry a 10,000-keyword export with its top-10 URLs (about 5-10 MB of CSV).
export const MAX_BODY_BYTES = 16 * 1024 * 1024

/**
 * Caps every request body, chunked ones included, without buffering it: a declared
 * Content-Length over the cap is refused before anything is read; a body of unknown length is
 * counted as the handler reads it, and the read fails with a 413 AppError as soon as the
 * count passes the cap. (hono/body-limit reads the whole body up front, so every anonymous
 * request could make us hold 16 MB before any auth check.)
 */
export function bodyCap(maxBytes = MAX_BODY_BYTES): MiddlewareHandler {
  const tooLarge = () => refuse('request.too_large', { bytes: maxBytes, mb: maxBytes / 1024 / 1024 })
  return async function bodyCap(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const declared = c.req.header('content-length')
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      // HTTP framing stops the body at Content-Length, so the header is all we need to check.
      if (Number(declared) > maxBytes) throw tooLarge()
      return next()
    }
    const body = c.req.raw.body
    if (!body) return next()
    // `duplex` is required by Node for a stream body but missing from the DOM RequestInit type.
    c.req.raw = new Request(c.req.raw, { body: counted(body, maxBytes, tooLarge), duplex: 'half' } as RequestInit)
    return next()
  }
}

function counted(source: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): ReadableStream<Uint8Array> {
  const reader = source.getReader()
  let seen = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) return controller.close()
      seen += value.byteLength
      if (seen <= maxBytes) return controller.enqueue(value)
      // We are done with the upload; @hono/node-server drains or closes the rest of it once
      // the 413 is out (at most 64 MB or 500 ms), so the client sees the answer, not a reset.
      void reader.cancel().catch(() => {})
      controller.error(tooLarge())
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
