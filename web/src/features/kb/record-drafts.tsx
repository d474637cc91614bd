import type { ResultRecord } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { promptName } from '../../lib/labels'
import { formatDateTime, formatShare } from '../../lib/format'
import { categoryLabel } from '../../lib/risk-category'
import { engineLabel } from '../run/engine-label'

type Draft = ResultRecord['drafts'][number]

/** Who wrote a version and from what: engine and prompt, the request it answered, the writer's edit. */
function DraftMeta({ draft }: { draft: Draft }) {
  const { t, lang } = useI18n()
  return (
    <>
      <p className="muted small">
        {t('kb.prompt', { name: promptName(draft.promptId, t), version: draft.promptVersion })} · {formatDateTime(draft.createdAt, lang)}
      </p>
      {draft.edit && (
        <p className="small" data-testid="kb-draft-edit">
          {t('kb.editOf', { name: draft.edit.editedBy.name, ai: draft.edit.aiVersion, share: formatShare(draft.edit.ratio, lang) })}
        </p>
      )}
      {draft.feedback && (
        <div className="feedback-box">
          <p className="small">{t('run.feedback')}</p>
          <blockquote className="pre-wrap">{draft.feedback}</blockquote>
        </div>
      )}
      {draft.categories.length > 0 && (
        <p className="chips">
          {draft.categories.map((c) => (
            <span key={c} className="chip">
              {categoryLabel(c, t)}
            </span>
          ))}
        </p>
      )}
    </>
  )
}

/** Every version of the draft, the path from the first AI draft to the final text; the newest open unless the final text is shown above. */
export function RecordDrafts({ drafts, openNewest }: { drafts: ResultRecord['drafts']; openNewest: boolean }) {
  const { t } = useI18n()
  const newest = drafts.at(-1)?.version
  return (
    <div className="record-drafts">
      {[...drafts].reverse().map((d) => (
        <details
          key={d.version}
          className="record-draft"
          open={openNewest && d.version === newest}
          data-testid="kb-draft"
          data-version={d.version}
          data-engine={d.engine}
        >
          <summary>
            <strong>{t('run.draft', { version: d.version })}</strong>{' '}
            <span className="muted small">{engineLabel(d.engine, t, d.model)}</span>
          </summary>
          <DraftMeta draft={d} />
          <div className="draft-text pre-wrap">{d.text}</div>
        </details>
      ))}
    </div>
  )
}
