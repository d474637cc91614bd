import type { DiffHunk } from '../../../../contracts/kb'
import type { Lang } from '../../../../contracts/briefs'
import { useI18n } from '../../i18n'

type Numbered = { op: 'add' | 'del' | 'same'; text: string; old: number | null; new: number | null }

/** Each line of a hunk with its number on the old side, the new side, or both. */
function numbered(h: DiffHunk): Numbered[] {
  let oldNo = h.oldStart
  let newNo = h.newStart
  return h.lines.map((l) => ({
    ...l,
    old: l.op === 'add' ? null : oldNo++,
    new: l.op === 'del' ? null : newNo++,
  }))
}

const MARK = { add: '+', del: '−', same: ' ' } as const

/** A unified line diff: removed lines red with −, added green with +, three lines of context around each change. */
export function LineDiff({
  hunks,
  from,
  to,
  copyLang,
}: {
  hunks: readonly DiffHunk[]
  from: string
  to: string
  /** The language of the prompt's lines, where it differs from the UI's. */
  copyLang?: Lang
}) {
  const { t } = useI18n()
  if (hunks.length === 0)
    return (
      <p className="muted" data-testid="prompt-diff-none">
        {t('prompts.noChanges')}
      </p>
    )
  const count = (op: 'add' | 'del') => hunks.reduce((n, h) => n + h.lines.filter((l) => l.op === op).length, 0)
  return (
    <div className="line-diff" data-testid="prompt-diff">
      <p className="muted small diff-legend" data-testid="prompt-diff-stats" data-added={count('add')} data-removed={count('del')}>
        {t('prompts.diffStats', { from, to, added: count('add'), removed: count('del') })}
      </p>
      <table className="line-diff-table">
        {hunks.map((h, i) => (
          <tbody key={i}>
            <tr className="hunk-head">
              <td colSpan={4}>{t('prompts.hunk', { old: h.oldStart, new: h.newStart })}</td>
            </tr>
            {numbered(h).map((l, j) => (
              <tr key={j} className={`diff-line diff-${l.op}`} data-testid="prompt-diff-line" data-op={l.op}>
                <td className="line-no">{l.old ?? ''}</td>
                <td className="line-no">{l.new ?? ''}</td>
                <td className="line-mark">
                  <span aria-hidden="true">{MARK[l.op]}</span>
                  {l.op !== 'same' && <span className="visually-hidden">{l.op === 'add' ? t('compare.added') : t('compare.removed')}</span>}
                </td>
                <td className="line-text" lang={copyLang}>
                  {l.text}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}
