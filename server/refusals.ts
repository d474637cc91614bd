// Every refusal the API gives for a reason of the domain has a stable `reason` and its `params`:
// scripts and the web switch on the reason (the web says it in Russian or English, web/src/i18n
// `reason.*`), while the English `message` stays for people reading the API directly. Add a reason
// here with its English sentence ({name} takes params.name); test/refusal-translations.test.ts
// fails until the web has it in both languages.
import { AppError, type ErrorCode } from './errors'

export type RefusalParams = Record<string, string | number>

const REFUSALS = {
  // the review's gates
  'gate.author_decides': { code: 'forbidden', en: 'the author of a brief cannot decide gates on its runs' },
  'gate.role_needed': { code: 'forbidden', en: 'the {gate} gate needs the {role} role' },
  'gate.waive_roles': { code: 'forbidden', en: 'the policy lets only {roles} waive the {gate} gate' },
  'gate.not_waivable': { code: 'forbidden', en: 'the policy does not allow waiving the {gate} gate' },
  'gate.assigned_to_other': { code: 'forbidden', en: 'the {gate} gate is assigned to {assignee}' },
  'gate.not_open': { code: 'conflict', en: 'this gate is {status}, not open for a decision' },
  'gate.distinct_reviewers': {
    code: 'forbidden',
    en: 'the policy requires different people for each gate: you already decided {gate} on this draft',
  },
  'gate.personal_data': { code: 'conflict', en: 'the draft still holds personal data: request changes instead; no gate can pass it' },
  'gate.claims_unverified': {
    code: 'conflict',
    en: '{count} claim(s) are not verified yet: verify each with its source, or request changes',
  },
  // things that are not there (or not visible to this user)
  'not_found.gate': { code: 'not_found', en: 'gate not found' },
  'not_found.run': { code: 'not_found', en: 'run not found' },
} as const satisfies Record<string, { code: ErrorCode; en: string }>

export type Reason = keyof typeof REFUSALS
export const REASONS = Object.keys(REFUSALS) as Reason[]

/** The refusal of `reason`: its HTTP code, its English sentence with `params` filled in. */
export function refuse(reason: Reason, params: RefusalParams = {}): AppError {
  const { code, en } = REFUSALS[reason]
  const message = en.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`))
  return new AppError(code, message, undefined, { reason, params })
}
