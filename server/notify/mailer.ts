// E-mail out through the SMTP server in COPYDESK_SMTP_URL, with nodemailer (the well-kept SMTP
// client of Node: TLS, STARTTLS, auth, pooling and RFC-correct encoding of Russian headers, which
// a home-made client would get wrong).
import nodemailer from 'nodemailer'

export type MailConfig = { smtpUrl: string; from: string }

export type Mail = {
  to: string
  subject: string
  text: string
  html: string
  /** The same id for a message sent again after a lost answer: receivers drop the repeat. */
  messageId: string
  unsubscribeUrl: string
}

export type SendResult = { ok: true } | { ok: false; error: string }

export type Mailer = { send(mail: Mail): Promise<SendResult>; close(): void }

/** A pooled SMTP client; each send answers ok or the server's (or the network's) error, never throws. */
export function createMailer(config: MailConfig, timeoutMs = 15_000): Mailer {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  })
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          // RFC 8058 one-click unsubscribe: mail clients POST to the link
          list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        })
        return { ok: true }
      } catch (err) {
        return { ok: false, error: (err as Error).message.slice(0, 500) }
      }
    },
    close: () => transport.close(),
  }
}
