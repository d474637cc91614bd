// A real SMTP server for the notification tests (the `smtp-server` package, from nodemailer's
// authors): it takes mail as any server would, parses each message (mailparser) and keeps it; while
// `state.down`, it answers every message with a temporary failure, as a server under maintenance.
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type Received = {
  to: string
  subject: string
  text: string
  html: string
  messageId: string
  listUnsubscribe: string
  listUnsubscribePost: string
  /** performance.now() when it arrived. */
  at: number
}

/** A header's value as written (mailparser turns List-* headers into objects). */
const header = (lines: readonly { key: string; line: string }[], key: string) =>
  lines
    .find((l) => l.key === key)
    ?.line.replace(/^[^:]*:\s*/, '')
    .trim() ?? ''

export async function smtpSink() {
  const got: Received[] = []
  const state = { down: false }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (state.down) {
        stream.resume()
        stream.on('end', () => callback(Object.assign(new Error('service not available, try again later'), { responseCode: 421 })))
        return
      }
      simpleParser(stream).then(
        (mail) => {
          got.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            messageId: mail.messageId ?? '',
            listUnsubscribe: header(mail.headerLines, 'list-unsubscribe'),
            listUnsubscribePost: header(mail.headerLines, 'list-unsubscribe-post'),
            at: performance.now(),
          })
          callback()
        },
        (err: Error) => callback(err),
      )
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.server.address() as AddressInfo).port
  return {
    got,
    state,
    url: `smtp://127.0.0.1:${port}`,
    /** Messages to one address. */
    to: (email: string) => got.filter((m) => m.to === email),
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
