import { createMailer } from '../../server/notify/mailer'
import type { TestTarget } from './databases'
import { makeHarness } from './harness'
import { smtpSink } from './smtp-sink'

/** A harness whose worker e-mails through a real SMTP server started here (links to https://copydesk.example.com). */
export async function makeMailHarness(target: TestTarget, retry: { maxAttempts: number; backoffMs: number }) {
  const smtp = await smtpSink()
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Copydesk <copydesk@example.com>' }, 5000)
  const h = await makeHarness(target, { notify: { mailer, publicUrl: 'https://copydesk.example.com', ...retry } })
  return {
    h,
    smtp,
    close: async () => {
      await h.close()
      mailer.close()
      await smtp.close()
    },
  }
}
