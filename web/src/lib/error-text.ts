import type { Translate } from '../i18n'
import { isApiError } from './fetch-json'

/** A human sentence for any thrown value; server problem messages are shown as they come. */
export function errorText(err: unknown, t: Translate): string {
  if (isApiError(err)) {
    if (err.status === 0) return t('common.errorNetwork')
    if (err.message) return err.message
    if (err.status === 404) return t('common.errorNotFound')
    if (err.status === 403) return t('common.errorForbidden')
  }
  return t('common.error')
}
