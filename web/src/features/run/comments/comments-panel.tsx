import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Thread } from '../../../../../contracts/comments'
import type { Run } from '../../../../../contracts/runs'
import { ErrorState, Loading } from '../../../components/states'
import { useI18n } from '../../../i18n'
import { errorText } from '../../../lib/error-text'
import { ApiError } from '../../../lib/fetch-json'
import { formatDateTime } from '../../../lib/format'
import { focusThreadWords, threadElementId } from './thread-focus'
import { threadsQuery, useReply, useStartThread, useThreadStatus } from './queries'
import { useDraftSelection } from './selection'

const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * The discussion of the draft: select words in the text to start a thread on them; answer, resolve,
 * reopen. Mention a colleague with @name or @e-mail: they get an e-mail. Shown to those who read
 * the run's work (the API answers 403 to anyone else, and the panel stays away).
 */
export function CommentsPanel({ run }: { run: Run }) {
  const { t } = useI18n()
  const threads = useQuery(threadsQuery(run.id))
  const [selection, clear] = useDraftSelection()
  const open = run.status !== 'approved' && run.status !== 'rejected'
  if (threads.error instanceof ApiError && threads.error.status === 403) return null
  const list = threads.data ?? []

  return (
    <div className="card comments" data-testid="comments">
      <h2>
        {t('comments.title')} {list.length > 0 && <span className="muted small">({list.filter((x) => x.status === 'open').length})</span>}
      </h2>
      {open && run.draft && <p className="muted small">{t('comments.howTo')}</p>}
      {open && run.draft && selection && <NewThread runId={run.id} version={run.draft.version} span={selection} onDone={clear} />}
      {threads.isPending && <Loading />}
      {threads.isError && <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />}
      {list.length === 0 && threads.isSuccess && <p className="muted">{t('comments.none')}</p>}
      <ul className="thread-list">
        {list.map((th) => (
          <ThreadItem key={th.id} runId={run.id} thread={th} open={open} />
        ))}
      </ul>
    </div>
  )
}

function NewThread({
  runId,
  version,
  span,
  onDone,
}: {
  runId: string
  version: number
  span: { start: number; end: number; quote: string }
  onDone: () => void
}) {
  const { t } = useI18n()
  const start = useStartThread(runId)
  const [body, setBody] = useState('')
  return (
    <form
      className="thread-new"
      data-testid="thread-new"
      onSubmit={(e) => {
        e.preventDefault()
        start.mutate(
          { draftVersion: version, start: span.start, end: span.end, body },
          {
            onSuccess: () => {
              setBody('')
              onDone()
            },
          },
        )
      }}
    >
      <p className="small">
        {t('comments.on')} <q data-testid="thread-new-quote">{shorten(span.quote)}</q>
      </p>
      <textarea
        aria-label={t('comments.body')}
        data-testid="thread-new-body"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t('comments.placeholder')}
      />
      <div className="thread-actions">
        <button type="submit" className="button button-primary button-small" data-testid="thread-new-submit" disabled={start.isPending}>
          {t('comments.send')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('gate.cancel')}
        </button>
      </div>
      {start.isError && (
        <p className="form-error" role="alert">
          {errorText(start.error, t)}
        </p>
      )}
    </form>
  )
}

function ThreadItem({ runId, thread, open }: { runId: string; thread: Thread; open: boolean }) {
  const { t, lang } = useI18n()
  const reply = useReply(runId)
  const status = useThreadStatus(runId)
  const [body, setBody] = useState('')
  const resolved = thread.status === 'resolved'
  return (
    // Focusable: a click on the thread's words in the text brings it here (thread-focus.ts).
    <li
      id={threadElementId(thread.id)}
      tabIndex={-1}
      className={resolved ? 'thread resolved' : 'thread'}
      data-testid="thread"
      data-thread={thread.id}
      data-status={thread.status}
      data-outdated={thread.anchor === null ? 'true' : 'false'}
    >
      <p className="thread-quote">
        {thread.anchor === null ? (
          <q>{shorten(thread.quote, 120)}</q>
        ) : (
          // Its words still stand in the text: the quote leads back to them.
          <button
            type="button"
            className="link-button thread-words"
            data-testid="thread-words"
            title={t('comments.showWords')}
            onClick={() => focusThreadWords(thread.id)}
          >
            <q>{shorten(thread.quote, 120)}</q>
          </button>
        )}{' '}
        {thread.anchor === null ? (
          <span className="badge" data-testid="thread-outdated" title={t('comments.outdatedHelp')}>
            {t('comments.outdated', { v: thread.draftVersion })}
          </span>
        ) : (
          thread.anchor.version !== thread.draftVersion && (
            <span className="muted small">{t('comments.fromVersion', { v: thread.draftVersion })}</span>
          )
        )}
        {resolved && <span className="badge">{t('comments.resolved')}</span>}
      </p>
      <ol className="thread-comments">
        {thread.comments.map((c) => (
          <li key={c.id} data-testid="thread-comment">
            <span className="small">
              <strong>{c.author}</strong> <span className="muted">{formatDateTime(c.createdAt, lang)}</span>
            </span>
            <p className="pre-wrap">{c.body}</p>
          </li>
        ))}
      </ol>
      {open && (
        <div className="thread-reply">
          {!resolved && (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                reply.mutate({ threadId: thread.id, body }, { onSuccess: () => setBody('') })
              }}
            >
              <textarea
                aria-label={t('comments.reply')}
                data-testid="thread-reply-body"
                rows={2}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                placeholder={t('comments.replyPlaceholder')}
              />
              <button
                type="submit"
                className="button button-small"
                data-testid="thread-reply-submit"
                disabled={reply.isPending || body.trim() === ''}
              >
                {t('comments.reply')}
              </button>
            </form>
          )}
          <button
            type="button"
            className="button button-small"
            data-testid={resolved ? 'thread-reopen' : 'thread-resolve'}
            disabled={status.isPending}
            onClick={() => status.mutate({ threadId: thread.id, status: resolved ? 'reopen' : 'resolve' })}
          >
            {resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
          {(reply.isError || status.isError) && (
            <p className="form-error" role="alert">
              {errorText(reply.error ?? status.error, t)}
            </p>
          )}
        </div>
      )}
    </li>
  )
}
