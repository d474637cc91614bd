import { useRef, type KeyboardEvent } from 'react'
import type { InterviewEntry } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'

type Props = {
  interviews: readonly InterviewEntry[]
  active: number
  onSelect: (index: number) => void
  /** Ids of the tabs and of the panel they control. */
  idBase: string
}

export const tabId = (idBase: string, index: number) => `${idBase}-tab-${index}`
export const panelId = (idBase: string) => `${idBase}-panel`

/** One tab per interview (its id and segment); arrows, Home and End move between them. */
export function InterviewTabs({ interviews, active, onSelect, idBase }: Props) {
  const { t } = useI18n()
  const list = useRef<HTMLDivElement>(null)
  const last = interviews.length - 1

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: last }[e.key]
    if (next === undefined) return
    e.preventDefault()
    const index = (next + interviews.length) % interviews.length
    onSelect(index)
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus()
  }

  return (
    <div role="tablist" aria-label={t('interview.tabsLabel')} className="interview-tabs" ref={list} onKeyDown={onKeyDown}>
      {interviews.map((entry, i) => (
        <button
          key={`${entry.id} ${i}`}
          type="button"
          role="tab"
          id={tabId(idBase, i)}
          aria-selected={i === active}
          aria-controls={panelId(idBase)}
          tabIndex={i === active ? 0 : -1}
          className={i === active ? 'interview-tab active' : 'interview-tab'}
          data-testid="interview-tab"
          data-interview={entry.id}
          onClick={() => onSelect(i)}
        >
          {entry.id}
          {entry.segment && <span className="tab-segment">{entry.segment}</span>}
        </button>
      ))}
    </div>
  )
}
