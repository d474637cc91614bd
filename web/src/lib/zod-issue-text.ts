import type { z } from 'zod'
import type { Translate } from '../i18n'

/** Translates the zod issues the shared schemas produce; anything unforeseen keeps zod's own message. */
export function zodIssueText(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum)
      if (issue.origin === 'string') return n <= 1 ? t('validation.required') : t('validation.minLength', { n })
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.min', { n })
      break
    }
    case 'too_big': {
      const n = Number(issue.maximum)
      if (issue.origin === 'string') return t('validation.maxLength', { n })
      if (issue.origin === 'array') return t('validation.maxItems', { n })
      if (issue.origin === 'number' || issue.origin === 'int') return t('validation.max', { n })
      break
    }
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email')
      if (issue.format === 'date') return t('validation.date')
      break
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return t('validation.number')
      break
    default:
      break
  }
  return issue.message
}
