// Issue 18, item 3: comments on the text. Threads anchored to a span of a draft version follow the
// words into the next version or are shown outdated; mentions e-mail the person mentioned (a real
// SMTP server started here); only those who read the run's work take part; the database keeps the
// record append-only and closes the discussion with the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Client } from './helpers/client'
import { testTargets } from './helpers/databases'
import { offerBrief } from './helpers/fixtures'
import type { Harness } from './helpers/harness'
import { makeMailHarness } from './helpers/mail-harness'
import type { smtpSink } from './helpers/smtp-sink'

const targets = await testTargets()

describe.each(targets)('comments on the text on $name', (target) => {
  let h: Harness
  let smtp: Awaited<ReturnType<typeof smtpSink>>
  let close: () => Promise<void>
  let writer: Client
  let editor: Client
  let factcheck: Client
  beforeAll(async () => {
    ;({ h, smtp, close } = await makeMailHarness(target, { maxAttempts: 2, backoffMs: 40 }))
    ;[writer, editor, factcheck] = await Promise.all([h.as('writer'), h.as('editor'), h.as('factcheck')])
  })
  afterAll(async () => close?.())

  /** A safe offer at its release gate, and the span of `words` in its draft. */
  async function runWith(title: string) {
    const { runId, run } = await h.runToGate(writer, offerBrief({ title }))
    const text = run.draft.text as string
    const span = (words: string) => {
      const start = text.indexOf(words)
      if (start < 0) throw new Error(`"${words}" is not in the draft`)
      return { draftVersion: 1, start, end: start + words.length }
    }
    return { runId, text, span }
  }

  it('a thread on a span: its quote, its mention e-mailed, answered by the author, resolved and reopened, all audited', async () => {
    const { runId, span } = await runWith('Discussed offer')
    const { start, end } = span('StudioDesk')
    const started = await editor.post(`/api/runs/${runId}/threads`, {
      ...span('StudioDesk'),
      body: '@writer is the name final? Ask @editor too.',
    })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    expect(started.body).toMatchObject({
      quote: 'StudioDesk',
      status: 'open',
      createdBy: 'editor@copydesk.local',
      anchor: { version: 1, start, end },
      comments: [{ author: 'editor@copydesk.local', mentions: ['editor@copydesk.local', 'writer@copydesk.local'] }],
    })
    await h.worker.drain()
    const mail = smtp.to('writer@copydesk.local').filter((m) => m.subject.includes('Discussed offer'))
    expect(mail.map((m) => m.subject)).toEqual(['Вас упомянули: «Discussed offer»'])
    expect(mail[0]!.text).toContain('«StudioDesk»')
    expect(mail[0]!.text).toContain('is the name final?')
    expect(smtp.to('editor@copydesk.local').filter((m) => m.subject.startsWith('Вас упомянули'))).toEqual([]) // not of one's own mention

    const threadId = started.body.id
    const answered = await writer.post(`/api/threads/${threadId}/comments`, { body: 'Yes, final.' })
    expect(answered.body.comments.map((c: { author: string }) => c.author)).toEqual(['editor@copydesk.local', 'writer@copydesk.local'])
    expect((await editor.post(`/api/threads/${threadId}/resolve`)).body).toMatchObject({
      status: 'resolved',
      resolvedBy: 'editor@copydesk.local',
    })
    expect((await writer.post(`/api/threads/${threadId}/reopen`)).body).toMatchObject({ status: 'open', resolvedBy: null })
    expect(await h.auditActions(runId)).toEqual(expect.arrayContaining(['comment.added', 'thread.resolved', 'thread.reopened']))
    expect((await writer.get(`/api/runs/${runId}/threads`)).body).toHaveLength(1)
  })

  it('a thread follows its words into the next version, or is outdated when they changed', async () => {
    const { runId, text, span } = await runWith('Edited offer')
    const kept = (await editor.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: 'Keep the name' })).body
    const lastLine = text.trim().split('\n').at(-1)!
    const gone = (await editor.post(`/api/runs/${runId}/threads`, { ...span(lastLine), body: 'Rewrite this line' })).body
    const edited = `Intro line.\n${text.replace(lastLine, 'A different closing line.')}`
    expect((await writer.post(`/api/runs/${runId}/edits`, { version: 1, text: edited })).status).toBe(201)
    await h.worker.drain()
    const threads = (await editor.get(`/api/runs/${runId}/threads`)).body as { id: string; anchor: unknown }[]
    const at = edited.indexOf('StudioDesk')
    expect(threads.find((t) => t.id === kept.id)!.anchor).toEqual({ version: 2, start: at, end: at + 'StudioDesk'.length })
    expect(threads.find((t) => t.id === gone.id)!.anchor).toBeNull()
  })

  it('only those who read the work take part; mentions name someone who may read it; the span is checked', async () => {
    const { runId, span } = await runWith('Closed circle')
    expect((await factcheck.get(`/api/runs/${runId}/threads`)).status).toBe(403)
    expect((await factcheck.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: 'hi' })).status).toBe(403)
    const outsider = await editor.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: 'what does @factcheck think?' })
    expect(outsider.status).toBe(422)
    expect(outsider.body.message).toMatch(/does not read this run/)
    expect(outsider.body).toMatchObject({ reason: 'comment.mention_cannot_read', params: { handle: 'factcheck' } })
    expect((await editor.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: 'ask @nobody' })).status).toBe(422)
    // an e-mail address in the text is not a mention
    expect((await editor.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: 'see ann@example.com' })).status).toBe(201)
    const outside = await editor.post(`/api/runs/${runId}/threads`, { draftVersion: 1, start: 5, end: 100_000, body: 'x' })
    expect(outside.status).toBe(422)
    expect(outside.body).toMatchObject({ reason: 'comment.span_outside', params: { start: 5, end: 100_000, version: 1 } })
    expect((await editor.post(`/api/runs/${runId}/threads`, { draftVersion: 9, start: 0, end: 3, body: 'x' })).status).toBe(404)
    expect((await editor.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: '   ' })).status).toBe(400)
  })

  it('the discussion closes with the run; raw SQL can neither rewrite nor delete it', async () => {
    const { runId, span } = await runWith('Approved then closed')
    const thread = (await editor.post(`/api/runs/${runId}/threads`, { ...span('StudioDesk'), body: 'fine' })).body
    await expect(h.sql`update comments set body = 'rewritten' where thread_id = ${thread.id}`).rejects.toThrow(
      /permission denied|append-only/,
    )
    await expect(h.sql`delete from comments where thread_id = ${thread.id}`).rejects.toThrow(/permission denied|append-only/)
    await expect(h.sql`delete from comment_threads where id = ${thread.id}`).rejects.toThrow(/permission denied|never deleted/)
    await expect(h.sql`update comment_threads set start_offset = 0 where id = ${thread.id}`).rejects.toThrow(/anchor and author are fixed/)
    await expect(h.sql`update comment_threads set status = 'resolved' where id = ${thread.id}`).rejects.toThrow(/names who resolved/)
    const [me] = await h.sql`select id from users where email = 'editor@copydesk.local'`
    await expect(
      h.sql`insert into comment_threads (run_id, draft_version, start_offset, end_offset, quote, created_by) values (${runId}, 1, 0, 5, 'not in the draft at all', ${me!.id})`,
    ).rejects.toThrow(/quotes words of its draft/)

    await h.approveAll(runId)
    const late = await editor.post(`/api/threads/${thread.id}/comments`, { body: 'one more' })
    expect(late.status).toBe(409)
    await expect(
      h.sql`insert into comments (thread_id, author_id, body) values (${thread.id}, ${me!.id}, 'after approval')`,
    ).rejects.toThrow(/discussion is closed/)
    expect((await editor.get(`/api/runs/${runId}/threads`)).body[0].comments).toHaveLength(1)
  })
})
