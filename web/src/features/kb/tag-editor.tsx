import { useId, useState, type FormEvent } from 'react'
import type { ResultRecord } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { Link } from '../../lib/router'
import { useAddTag, useRemoveTag } from './queries'
import { kbHref } from './search-filters'

type Props = { runId: string; tags: ResultRecord['tags']; editable: boolean }

/** Shared labels on a result: each finds its other results; anyone who may tag adds and removes them. */
export function TagEditor({ runId, tags, editable }: Props) {
  const { t } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState('')
  const add = useAddTag(runId)
  const remove = useRemoveTag(runId)
  const failed = add.error ?? remove.error

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!draft.trim()) return
    add.mutate(draft, { onSuccess: () => setDraft('') })
  }

  return (
    <div data-testid="kb-tags">
      {tags.length === 0 ? (
        <p className="muted">{t('kb.noTags')}</p>
      ) : (
        <ul className="chips tag-list">
          {tags.map((x) => (
            <li
              key={x.tag}
              className="chip"
              data-testid="kb-tag-chip"
              data-tag={x.tag}
              title={t('kb.tagAddedBy', { name: x.addedBy.name })}
            >
              <Link to={kbHref({ tag: x.tag, offset: 0 })}>#{x.tag}</Link>
              {editable && (
                <button
                  type="button"
                  className="chip-remove"
                  data-testid="kb-tag-remove"
                  aria-label={t('kb.removeTag', { tag: x.tag })}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(x.tag)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="tag-form" onSubmit={submit}>
          <label htmlFor={id} className="visually-hidden">
            {t('kb.newTag')}
          </label>
          <input
            id={id}
            data-testid="kb-tag-input"
            maxLength={40}
            placeholder={t('kb.newTag')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button" data-testid="kb-tag-add" disabled={add.isPending || !draft.trim()}>
            {t('kb.addTag')}
          </button>
        </form>
      )}
      {failed && (
        <p className="field-error" role="alert" data-testid="kb-tag-error">
          {errorText(failed, t)}
        </p>
      )}
    </div>
  )
}
