import type { z } from 'zod'
import type { MessageKey, Translate } from '../i18n'
import { en } from '../i18n/en'
import { type ApiError, type ApiIssue, isApiError } from './fetch-json'
import { zodIssueText } from './zod-issue-text'

/** Whether the dictionaries have a key built at run time (a refusal's reason); both languages have the same keys. */
const known = (key: string): key is MessageKey => key in en

/** A refusal's values as the UI says them: a gate, a role or a status in words, the rest as they came. */
function paramWords(params: Record<string, string | number>, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params }
  const word = (prefix: string, v: string | number) => (known(`${prefix}.${v}`) ? t(`${prefix}.${v}` as MessageKey) : v)
  if (params.gate !== undefined) out.gate = word('gate', params.gate)
  if (params.role !== undefined) out.role = word('role', params.role)
  if (params.status !== undefined) out.status = word('gateStatus', params.status)
  if (params.runStatus !== undefined) out.runStatus = word('runStatus', params.runStatus)
  if (typeof params.roles === 'string')
    out.roles = params.roles
      .split(', ')
      .map((r) => word('role', r))
      .join(', ')
  return out
}

/** One field's problem from the server, in the UI's language when zod's code says what it is. */
export function issueText(issue: ApiIssue, t: Translate): string {
  if (issue.message === 'required') return t('validation.required')
  if (!issue.code) return issue.message
  return zodIssueText({ ...issue.params, code: issue.code, message: issue.message, path: [], input: undefined } as z.core.$ZodIssue, t)
}

/** A refusal in the UI's language: by its reason, else by its first field's problem; undefined when neither is known. */
function refusalText(err: ApiError, t: Translate): string | undefined {
  const key = `reason.${err.reason}`
  if (err.reason && known(key)) return t(key, paramWords(err.params, t))
  const first = err.issues[0]
  if (first?.code) return `${first.path ? `${first.path}: ` : ''}${issueText(first, t)}`
  return undefined
}

/** A human sentence for any thrown value: a refusal in the UI's language, else the server's own words. */
export function errorText(err: unknown, t: Translate): string {
  if (isApiError(err)) {
    if (err.status === 0) return t('common.errorNetwork')
    const translated = refusalText(err, t)
    if (translated) return translated
    if (err.message) return err.message
    if (err.status === 404) return t('common.errorNotFound')
    if (err.status === 403) return t('common.errorForbidden')
  }
  return t('common.error')
}
