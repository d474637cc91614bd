import { useId, useState, type FormEvent } from 'react'
import type { PromptFamily } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { versionLabel } from '../../lib/labels'
import { navigate } from '../../lib/router'
import { promptCompareHref } from './prompt-paths'

/** Two versions of one prompt to compare; the last two by default. */
export function CompareForm({ family }: { family: PromptFamily }) {
  const { t } = useI18n()
  const id = useId()
  const versions = family.versions.map((v) => v.version)
  const [a, setA] = useState(versions.at(-2) ?? '')
  const [b, setB] = useState(versions.at(-1) ?? '')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (a && b && a !== b) navigate(promptCompareHref(family.id, family.lang, a, b))
  }
  const picker = (key: 'a' | 'b', value: string, set: (v: string) => void, label: string) => (
    <span className="compare-pick">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} data-testid={`prompt-compare-${key}`} value={value} onChange={(e) => set(e.target.value)}>
        {versions.map((v) => (
          <option key={v} value={v}>
            {versionLabel(v, t)}
          </option>
        ))}
      </select>
    </span>
  )
  return (
    <form className="compare-form" onSubmit={submit} data-testid="prompt-compare-form">
      {picker('a', a, setA, t('compare.from'))}
      {picker('b', b, setB, t('compare.to'))}
      <button type="submit" className="button button-small" data-testid="prompt-compare-submit" disabled={a === b}>
        {t('prompts.compare')}
      </button>
      {a === b && <span className="muted small">{t('compare.same')}</span>}
    </form>
  )
}
