// What a team channel is sent for a review event: a script's signed webhook gets the event as JSON
// (its id and type with what happened); a Slack or Mattermost incoming webhook gets the message's
// subject and the link as `{"text"}`; Telegram gets the same through sendMessage to the team's chat.
import type { BodyOf } from '../handoff/run-delivery'
import type { ReviewEvent } from './emit'
import { Placeholders } from '../pii/redact'
import { scanPii } from '../pii/scan'
import { render } from './templates'

/**
 * Text a Slack or Mattermost webhook shows as typed, nothing more: `&`, `<`, `>` escaped (Slack's
 * <!channel>, <url|label>), a word joiner after each `@` (@channel, @here, @all) and inside `](`
 * (a Markdown link in Mattermost). Emphasis marks are left alone: they only change how text looks.
 */
export const inertMarkup = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u2060').replace(/\]\(/g, ']\u2060(')

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
    // Telegram gets plain text (no parse_mode); a chat webhook reads markup in it, so the words
    // people typed (the title) cannot ping a channel or dress up a link
    return destination.format === 'telegram'
      ? JSON.stringify({ chat_id: destination.chatId, text: `${message.subject}\n${link}`, disable_web_page_preview: true })
      : JSON.stringify({ text: `${inertMarkup(message.subject)}\n${link}` })
  }
