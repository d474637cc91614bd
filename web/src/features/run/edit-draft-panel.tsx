import { useId, useState } from 'react'
import { DraftEdit, type Draft, type Run } from '../../../../contracts/runs'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { zodIssueText } from '../../lib/zod-issue-text'
import { useCurrentUser } from '../auth/current-user'
import { isAuthor } from './permissions'
import { useEditDraft } from './queries'

/** The text being edited and the version it was opened on: the server refuses an edit of an older version. */
type Editing = { base: number; text: string }

/**
 * The author rewrites the draft under review by hand (server/runs/edit-draft.ts). The edit becomes
 * the next version and every gate starts again. The server re-checks who and when; this only shapes the UI.
 */
export function EditDraftPanel({ run, draft }: { run: Run; draft: Draft }) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const id = useId()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [localError, setLocalError] = useState<string | null>(null)
  const edit = useEditDraft(run.id)

  const canEdit = isAuthor(run, me) && run.status === 'awaiting_review'
  // Open while the run moved on (a reviewer decided, another tab saved): keep the text on screen to copy.
  if (!canEdit && !editing) return null
  const stale = editing !== null && !edit.isPending && (!canEdit || draft.version !== editing.base)

  const close = () => {
    setEditing(null)
    setLocalError(null)
    edit.reset()
  }

  const save = () => {
    if (!editing) return
    const parsed = DraftEdit.safeParse({ version: editing.base, text: editing.text })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      setLocalError(issue ? zodIssueText(issue, t) : t('common.error'))
      return
    }
    if (parsed.data.text === draft.text.trim()) {
      setLocalError(t('edit.unchanged'))
      return
    }
    setLocalError(null)
    edit.mutate(parsed.data, { onSuccess: close })
  }

  if (!editing) {
    return (
      <div className="edit-draft-bar">
        <button
          type="button"
          className="button"
          data-testid="edit-draft-button"
          onClick={() => setEditing({ base: draft.version, text: draft.text })}
        >
          {t('edit.button')}
        </button>
        <span className="muted small">{t('edit.hint')}</span>
      </div>
    )
  }

  const error = localError ?? (edit.isError ? errorText(edit.error, t) : null)
  return (
    <div className="card edit-draft-panel" data-testid="edit-draft-panel" data-version={editing.base}>
      <h2>{t('edit.title', { version: editing.base })}</h2>
      <div className="field">
        <label htmlFor={id} className="field-label">
          {t('edit.label')}
        </label>
        <textarea
          id={id}
          data-testid="edit-draft-text"
          rows={Math.min(24, Math.max(8, editing.text.split('\n').length + 2))}
          value={editing.text}
          onChange={(e) => {
            setEditing({ ...editing, text: e.target.value })
            setLocalError(null)
          }}
        />
      </div>
      <p className="state state-warn small" data-testid="edit-draft-note">
        {t('edit.restartNote')}
      </p>
      {stale && (
        <p className="form-error" role="alert" data-testid="edit-draft-stale">
          {t('edit.stale')}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="edit-draft-error">
          {error}
        </p>
      )}
      <div className="decision-buttons">
        <button
          type="button"
          className="button button-primary"
          data-testid="edit-draft-save"
          disabled={edit.isPending || stale}
          onClick={save}
        >
          {t('edit.save', { version: editing.base + 1 })}
        </button>
        <button type="button" className="button" data-testid="edit-draft-cancel" disabled={edit.isPending} onClick={close}>
          {t('edit.cancel')}
        </button>
      </div>
      {edit.isPending && <p className="muted small">{t('edit.saving')}</p>}
    </div>
  )
}
