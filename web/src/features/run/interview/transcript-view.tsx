import { Fragment, useEffect, useMemo, useRef } from 'react'
import type { Lang } from '../../../../../contracts/briefs'
import type { InterviewEntry } from '../../../../../contracts/drafts'
import { useI18n } from '../../../i18n'
import { transcriptSegments, type Span } from './transcript-marks'

/** The span a quote link pointed at; `seq` tells a second click on the same quote from the first. */
export type TranscriptFocus = Span & { seq: number }

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false

function Speakers({ speakers }: { speakers: InterviewEntry['speakers'] }) {
  const { t } = useI18n()
  if (speakers.length === 0) return null
  return (
    <p className="speaker-legend small" data-testid="interview-speakers">
      <span className="muted">{t('interview.speakers')}:</span>{' '}
      {speakers.map((s, i) => (
        <Fragment key={s.label}>
          {i > 0 && ', '}
          <span className={`speaker-label role-${s.role}`} data-role={s.role}>
            {s.label}
          </span>{' '}
          <span className="muted">({t(`speakerRole.${s.role}`)})</span>
        </Fragment>
      ))}
    </p>
  )
}

type Props = { entry: InterviewEntry; spans: readonly Span[]; focus: TranscriptFocus | null; lang: Lang }

/**
 * One interview's transcript with every quoted span marked and the speakers' labels by role. The
 * text element's textContent is exactly `entry.transcript`, so the offsets of quotes stay readable.
 */
export function TranscriptView({ entry, spans, focus, lang }: Props) {
  const { t } = useI18n()
  const text = entry.transcript
  // The span a link pointed at is always marked, even when it is not one of the listed quotes.
  const segments = useMemo(
    () => transcriptSegments(text, focus ? [...spans, focus] : spans, entry.speakers),
    [text, spans, focus, entry.speakers],
  )
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!focus) return
    const mark = box.current?.querySelector<HTMLElement>('.transcript-span.is-active')
    if (!mark) return
    mark.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' })
    // Like following an in-page link: the keyboard continues from the quoted words.
    mark.focus({ preventScroll: true })
  }, [focus])

  const isActive = (s: Span) => focus !== null && s.start < focus.end && focus.start < s.end

  return (
    <div className="transcript-panel" data-testid="interview-transcript" data-interview={entry.id}>
      <h4>{t('interview.transcript')}</h4>
      <p className="muted small">{t('interview.transcriptHint')}</p>
      <Speakers speakers={entry.speakers} />
      {/* Focusable: a keyboard user scrolls a long transcript too (a scrollable region must take focus, WCAG 2.1.1). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
      {/* biome-ignore lint/a11y/useSemanticElements: a div keeps the transcript's pre-wrap box; role=region names it */}
      <div className="transcript-text pre-wrap" ref={box} lang={lang} role="region" aria-label={t('interview.transcript')} tabIndex={0}>
        {segments.map((s) => {
          const part = text.slice(s.start, s.end)
          if (s.kind === 'text') return <Fragment key={s.start}>{part}</Fragment>
          if (s.kind === 'speaker') {
            return (
              <strong key={s.start} className={`speaker-label role-${s.role}`} title={t(`speakerRole.${s.role}`)}>
                {part}
              </strong>
            )
          }
          const active = isActive(s)
          return (
            <mark
              // A new key for each click restarts the highlight's animation.
              key={active ? `${s.start} ${focus?.seq}` : s.start}
              className={active ? 'transcript-span is-active' : 'transcript-span'}
              data-testid="transcript-span"
              data-start={s.start}
              data-end={s.end}
              data-active={active ? 'true' : undefined}
              tabIndex={active ? -1 : undefined}
            >
              {part}
            </mark>
          )
        })}
      </div>
    </div>
  )
}
