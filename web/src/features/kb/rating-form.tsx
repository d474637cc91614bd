import { useId, useState, type FormEvent } from 'react'
import type { MyRatingSummary } from '../../../../contracts/kb'
import { useI18n } from '../../i18n'
import { errorText } from '../../lib/error-text'
import { useRateResult } from './queries'

const STARS = [1, 2, 3, 4, 5] as const

/**
 * One's own rating, 1-5, with an optional comment. The stars are a radio group: Tab reaches it,
 * the arrow keys move between stars, Save sends.
 */
export function RatingForm({ runId, rating }: { runId: string; rating: MyRatingSummary }) {
  const { t } = useI18n()
  const id = useId()
  const [value, setValue] = useState<number | null>(rating.mine)
  const [hover, setHover] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const rate = useRateResult(runId)
  const shown = hover ?? value ?? 0

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (value === null) return
    rate.mutate({ rating: value, comment: comment.trim() || undefined }, { onSuccess: () => setComment('') })
  }

  return (
    <form className="rating-form" onSubmit={submit} data-testid="kb-rating-form">
      <fieldset className="stars" onMouseLeave={() => setHover(null)}>
        <legend className="field-label">{rating.mine === null ? t('kb.rate') : t('kb.yourRating', { n: rating.mine })}</legend>
        {STARS.map((n) => (
          <span key={n} className="star">
            <input
              id={`${id}-${n}`}
              type="radio"
              name={`${id}-stars`}
              value={n}
              className="star-input"
              data-testid={`kb-star-input-${n}`}
              checked={value === n}
              onChange={() => setValue(n)}
            />
            <label
              htmlFor={`${id}-${n}`}
              className={n <= shown ? 'star-label filled' : 'star-label'}
              data-testid={`kb-star-${n}`}
              onMouseEnter={() => setHover(n)}
            >
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t('kb.stars', { n })}</span>
            </label>
          </span>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-comment`} className="field-label">
          {t('kb.ratingComment')} <span className="muted small">({t('form.optional')})</span>
        </label>
        <textarea
          id={`${id}-comment`}
          rows={2}
          maxLength={2000}
          data-testid="kb-rating-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="kb-rate-submit" disabled={value === null || rate.isPending}>
          {rate.isPending ? t('kb.saving') : t('kb.saveRating')}
        </button>
        {rate.isSuccess && !rate.isPending && (
          <span className="muted small" role="status" data-testid="kb-rate-saved">
            {t('kb.ratingSaved')}
          </span>
        )}
      </div>
      {rate.isError && (
        <p className="form-error" role="alert" data-testid="kb-rate-error">
          {errorText(rate.error, t)}
        </p>
      )}
    </form>
  )
}
