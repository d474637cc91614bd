// What a team channel is sent for a review event: a script's signed webhook gets the event as JSON
// (its id and type with what happened); a Slack or Mattermost incoming webhook gets the message's
// subject and the link as `{"text"}`; Telegram gets the same through sendMessage to the team's chat.
import type { BodyOf } from '../handoff/run-delivery'
import type { ReviewEvent } from './emit'
import { Placeholders } from '../pii/redact'
import { scanPii } from '../pii/scan'
import { render } from './templates'

export const channelBody =
  (opts: { publicUrl: string; lang: 'ru' | 'en' }): BodyOf =>
  (destination, event) => {
    if (destination.receives !== 'events') return event.payload
    const payload = JSON.parse(event.payload) as ReviewEvent
    if ((destination.format ?? 'signed') === 'signed') return JSON.stringify({ id: event.id, ...payload })
    const link = `${opts.publicUrl}/runs/${encodeURIComponent(payload.runId)}`
    // a team channel is read by people outside the run's work: personal data in a title stays out
    const briefTitle = new Placeholders().apply(payload.briefTitle, scanPii(payload.briefTitle))
    const message = render({ ...payload, briefTitle }, opts.lang, { run: link, unsubscribe: '' })
    const text = `${message.subject}\n${link}`
    return destination.format === 'telegram'
      ? JSON.stringify({ chat_id: destination.chatId, text, disable_web_page_preview: true })
      : JSON.stringify({ text })
  }
