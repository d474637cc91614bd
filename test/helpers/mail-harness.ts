import { createMailer } from '../../server/notify/mailer'
import type { NotifyConfig } from '../../server/notify/run-notification'
import type { TestTarget } from './databases'
import { makeHarness } from './harness'
import { smtpSink } from './smtp-sink'

/**
 * A harness whose worker e-mails through a real SMTP server started here (links to
 * https://copydesk.example.com), and writes to people's Telegram chats through `telegram` when given.
 */
export async function makeMailHarness(
  target: TestTarget,
  retry: { maxAttempts: number; backoffMs: number },
  extra: Pick<NotifyConfig, 'telegram'> & { timeZone?: string } = {},
) {
  const smtp = await smtpSink()
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Copydesk <copydesk@example.com>' }, 5000)
  const h = await makeHarness(target, {
    notify: { mailer, publicUrl: 'https://copydesk.example.com', timeZone: 'UTC', ...extra, ...retry },
  })
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
