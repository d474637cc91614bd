// Every refusal the API gives for a reason of the domain has a stable `reason` and its `params`:
// scripts and the web switch on the reason (the web says it in Russian or English, web/src/i18n
// `reason.*`), while the English `message` stays for people reading the API directly. Add a reason
// here with its English sentence ({name} takes params.name); test/refusal-translations.test.ts
// fails until the web has it in both languages.
import { fillTemplate } from '../contracts/fill'
import { AppError, type ErrorCode, type Issue } from './errors'

export type RefusalParams = Record<string, string | number>

const REFUSALS = {
  // the review's gates
  'gate.author_decides': { code: 'forbidden', en: 'the author of a brief cannot decide gates on its runs' },
  'release.erid_required': {
    code: 'bad_request',
    en: 'a paid ad is released with its erid: enter the token the ad-data operator (ORD) issued for this creative',
  },
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
  'gate.missing_wording': {
    code: 'conflict',
    en: 'the draft lacks mandatory wording: {list}. Request changes to add it, or pass with a reason to go without it (waiveMissing), kept on record',
  },
  // handing reviews around
  'assign.author_assigns': { code: 'forbidden', en: 'the author of a brief cannot assign the reviews of its runs' },
  'assign.role_needed': { code: 'forbidden', en: 'the {gate} gate is assigned by someone holding the {role} role' },
  'assign.owner_named': {
    code: 'conflict',
    en: 'the policy names the owner of this {gate} gate ({assignee}); it cannot be reassigned',
  },
  'assign.not_assignable': { code: 'conflict', en: 'this gate is {status}: only a review still to come is assigned' },
  'assign.already_claimed': { code: 'conflict', en: '{assignee} has already claimed this review; reassign it instead' },
  'assign.decided_meanwhile': { code: 'conflict', en: 'this gate was decided meanwhile' },
  'assign.no_user': { code: 'unprocessable', en: 'no active user {email}' },
  'assign.author': { code: 'unprocessable', en: '{email} wrote this brief and cannot review it' },
  'assign.not_in_role': { code: 'unprocessable', en: '{email} does not hold the {role} role' },
  'assign.distinct_reviewers': {
    code: 'conflict',
    en: 'the policy requires different people for each gate: {email} already has {gate} on this draft',
  },
  // checking the claims of a draft
  'claim.author_checks': { code: 'forbidden', en: 'the author cannot check the claims of their own draft' },
  'claim.no_fact_check_gate': { code: 'conflict', en: 'this draft has no fact_check gate' },
  'claim.role_needed': { code: 'forbidden', en: 'checking claims needs the {role} role' },
  'claim.assigned_to_other': { code: 'forbidden', en: 'the fact check is assigned to {assignee}' },
  'claim.gate_not_open': { code: 'conflict', en: 'the fact_check gate is {status}, not open' },
  'claim.one_draft': { code: 'bad_request', en: 'verify the claims of one draft at a time' },
  // the discussion of a run
  'comment.not_in_work': {
    code: 'forbidden',
    en: 'the discussion of a run is for its author, its reviewers and the roles the policy names',
  },
  'comment.run_approved': { code: 'conflict', en: 'this run is approved: its discussion is closed' },
  'comment.run_rejected': { code: 'conflict', en: 'this run is rejected: its discussion is closed' },
  'comment.nobody_called': { code: 'unprocessable', en: 'nobody here is called @{handle}' },
  'comment.handle_ambiguous': { code: 'unprocessable', en: '@{handle} is several people: write the whole e-mail' },
  'comment.mention_cannot_read': {
    code: 'unprocessable',
    en: "@{handle} does not read this run's work, so cannot be mentioned in it",
  },
  'comment.span_outside': { code: 'unprocessable', en: 'the span {start}-{end} is not inside draft version {version}' },
  'comment.blank_anchor': { code: 'unprocessable', en: 'a comment is anchored to words, not to blank space' },
  'comment.anchor_too_long': { code: 'unprocessable', en: 'anchor a comment to at most 2,000 characters' },
  // the author's edit of a draft
  'edit.author_only': { code: 'forbidden', en: 'only the author of the brief edits its drafts' },
  'edit.not_in_review': { code: 'conflict', en: 'the run is {runStatus}: a draft can be edited while it waits for review' },
  'edit.stale_version': {
    code: 'conflict',
    en: 'the run is at draft {current}, not {version}: reload and edit the current draft',
  },
  'edit.plan_by_content': {
    code: 'bad_request',
    en: 'a content plan is edited by moving keywords (content); its text follows from it',
  },
  'edit.structure_only_plan': { code: 'bad_request', en: 'only an SEO content plan is edited as structure; send the edited text' },
  'edit.unchanged': { code: 'bad_request', en: 'the text is unchanged' },
  'edit.no_open_gate': { code: 'conflict', en: 'no gate of this draft is open; wait until it is in review' },
  'edit.plan_contract': { code: 'bad_request', en: 'the content plan does not match its contract' },
  'edit.plan_keywords': { code: 'bad_request', en: 'moves keep every keyword exactly once. {detail}' },
  // runs, drafts and their export
  'run.author_only_start': { code: 'forbidden', en: 'only the author of a brief starts drafting runs on it' },
  'run.stale_version': { code: 'conflict', en: 'run {id} is at draft {current}, not {version}' },
  'run.draft_version_number': { code: 'bad_request', en: 'a draft version is a whole number from 1' },
  'export.plan_only': { code: 'bad_request', en: 'only an SEO content plan exports as CSV/XLSX' },
  'export.not_approved': { code: 'conflict', en: 'the run is {runStatus}: only an approved text is exported' },
  'access.run_in_progress': {
    code: 'forbidden',
    en: 'this run is work in progress: only its author, its reviewers and the roles the policy names read it',
  },
  'access.brief_in_progress': {
    code: 'forbidden',
    en: 'this brief is work in progress: only its author, its reviewers and the roles the policy names read it',
  },
  // briefs
  'brief.writers_only': { code: 'forbidden', en: 'only writers create briefs' },
  'brief.owner_unknown': { code: 'bad_request', en: 'the fact-check owner is not a Copydesk user' },
  'brief.owner_is_author': { code: 'bad_request', en: 'the author cannot be the fact-check owner of their own brief' },
  'brief.owner_not_factcheck': { code: 'bad_request', en: 'the fact-check owner must hold the factcheck role' },
  'brief.unknown_channel': { code: 'bad_request', en: 'unknown channel "{channel}"; the policy knows: {known}' },
  'brief.unknown_sector': { code: 'bad_request', en: 'unknown sector "{sector}"; the policy knows: {known}' },
  'brief.pii_not_dismissible': { code: 'bad_request', en: 'some dismissed personal-data findings cannot be dismissed' },
  // keyword exports: the upload and the workbook inside it
  'upload.empty': { code: 'bad_request', en: 'the upload is empty' },
  'upload.file_empty': { code: 'bad_request', en: 'the file is empty' },
  'upload.no_keyword_column': {
    code: 'bad_request',
    en: 'no keyword column: expected a header such as "keyword", "query", "запрос" or "фраза"; found {found}',
  },
  'upload.unreadable_workbook': { code: 'bad_request', en: 'the workbook could not be read: {detail}' },
  'upload.export_too_large': {
    code: 'payload_too_large',
    en: 'the upload is larger than a keyword export may be; the limit is {limit} MB',
  },
  'upload.too_many_rows': { code: 'payload_too_large', en: 'the sheet has more than {limit} rows; the limit is {limit}' },
  'upload.too_many_cells': { code: 'payload_too_large', en: 'the file has more than {limit} cells; the limit is {limit}' },
  'upload.too_wide': {
    code: 'payload_too_large',
    en: 'the sheet spans {rows} rows × {columns} columns ({cells} cells with the empty ones); the limit is {limit}',
  },
  'upload.keyword_too_long': {
    code: 'payload_too_large',
    en: 'line {line}: a keyword longer than {limit} characters; the limit is {limit}',
  },
  'upload.cell_too_long': { code: 'payload_too_large', en: 'line {line}: a cell longer than {limit} characters; the limit is {limit}' },
  'upload.tag_too_long': { code: 'unprocessable', en: 'the workbook is malformed: a tag of more than 4 KB' },
  'upload.unreadable_archive': { code: 'unprocessable', en: 'the file is not a readable XLSX (zip) archive: {detail}' },
  'upload.too_many_entries': { code: 'unprocessable', en: 'the archive has {count} entries; the limit is {limit}' },
  'upload.inflates_to': {
    code: 'payload_too_large',
    en: 'the workbook inflates to {size} MB; the limit is {limit} MB inflated',
  },
  'upload.inflates_past': {
    code: 'payload_too_large',
    en: 'the workbook inflates past {limit} MB; the limit is {limit} MB inflated',
  },
  'upload.nested_archive': {
    code: 'unprocessable',
    en: 'the workbook holds another archive ("{name}"); nested archives are not accepted',
  },
  'upload.entry_is_archive': { code: 'unprocessable', en: '"{name}" is itself an archive; nested archives are not accepted' },
  'upload.size_lie': {
    code: 'unprocessable',
    en: '"{name}" declares {size} bytes but inflates to more; the archive lies about its sizes',
  },
  'upload.ratio': {
    code: 'unprocessable',
    en: '"{name}" inflates more than {ratio} times its compressed size; the limit is {ratio}:1',
  },
  'upload.busy': {
    code: 'too_many_requests',
    en: 'at most {max} keyword imports run at once and {queue} wait; try again in a few seconds',
  },
  'seo.no_usable_rows': { code: 'bad_request', en: 'the keyword export has no usable rows ({count} reported)' },
  // the knowledge base
  'kb.result_not_approved': {
    code: 'forbidden',
    en: 'this result is not approved yet: only its author and reviewers see it',
  },
  'kb.rater_roles': { code: 'forbidden', en: 'rating and tagging need one of the roles: {roles}' },
  'kb.rate_own_result': {
    code: 'forbidden',
    en: 'you wrote this result, so you cannot rate it: ratings decide which examples the model is shown, and are left to other people',
  },
  'kb.too_many_tags': { code: 'conflict', en: 'a result has at most {max} tags' },
  'tag.required': { code: 'bad_request', en: 'the tag is invalid: required' },
  'tag.too_long': { code: 'bad_request', en: 'the tag is invalid: at most {max} characters' },
  'tag.shape': {
    code: 'bad_request',
    en: 'the tag is invalid: letters, digits, spaces and _ # + & . / - only, starting with a letter or digit',
  },
  'tag.personal_data': { code: 'bad_request', en: 'the tag is invalid: a tag cannot hold personal data' },
  // usage and costs
  'usage.whole_log_only': { code: 'forbidden', en: 'only cmo and admin read this' },
  'usage.others_only_cmo': { code: 'forbidden', en: "only the CMO and admins see other people's usage" },
  'usage.period_too_long': { code: 'bad_request', en: 'a period is at most {max} days; this one is {days}' },
  'usage.unknown_user': { code: 'bad_request', en: 'no user with the e-mail {email}' },
  // hand-offs and deliveries
  'handoff.admins_only': { code: 'forbidden', en: 'only admins see the hand-off deliveries' },
  'outbox.admins_only': { code: 'forbidden', en: 'only admins retry deliveries' },
  'outbox.nothing_to_retry': { code: 'conflict', en: 'this delivery is being sent or was sent; there is nothing to retry' },
  // notifications
  'notify.telegram_chat_needed': { code: 'bad_request', en: 'Telegram needs your chat id' },
  'notify.unsubscribe_unknown': { code: 'not_found', en: 'this unsubscribe link is not known (already replaced?)' },
  // logging in, roles
  'auth.login_first': { code: 'unauthenticated', en: 'log in first' },
  'auth.wrong_password': { code: 'unauthenticated', en: 'wrong e-mail or password' },
  'auth.too_many_attempts': { code: 'too_many_requests', en: 'too many login attempts; try again later' },
  'auth.roles_needed': { code: 'forbidden', en: 'this needs one of the roles: {roles}' },
  // the request itself
  'request.cross_site': {
    code: 'forbidden',
    en: 'cross-origin request refused: the browser says it came from a {site} page, not from Copydesk itself',
  },
  'request.cross_origin': { code: 'forbidden', en: "cross-origin request refused: Origin {origin} is not this app's origin {own}" },
  'request.cross_origin_proxy': {
    code: 'forbidden',
    en: "cross-origin request refused: Origin {origin} is not this app's origin {own} (behind a proxy? set COPYDESK_TRUST_PROXY=true)",
  },
  'request.too_large': { code: 'payload_too_large', en: 'the body is larger than {bytes} bytes ({mb} MB)' },
  'request.not_json': {
    code: 'unsupported_media_type',
    en: 'send the body as JSON with Content-Type: application/json (got "{type}")',
  },
  'request.no_content_type': {
    code: 'unsupported_media_type',
    en: 'send the body as JSON with Content-Type: application/json (got no Content-Type)',
  },
  'request.invalid_json': { code: 'bad_request', en: 'the body is not valid JSON' },
  'request.too_many': {
    code: 'too_many_requests',
    en: 'at most {max} requests run at once and {queue} wait; try again in a few seconds',
  },
  // things that are not there (or not visible to this user)
  'not_found.endpoint': { code: 'not_found', en: 'no such API endpoint' },
  'not_found.gate': { code: 'not_found', en: 'gate not found' },
  'not_found.run': { code: 'not_found', en: 'run not found' },
  'not_found.brief': { code: 'not_found', en: 'brief not found' },
  'not_found.claim': { code: 'not_found', en: 'claim not found' },
  'not_found.claim_id': { code: 'not_found', en: 'claim {id} not found' },
  'not_found.thread': { code: 'not_found', en: 'thread not found' },
  'not_found.result': { code: 'not_found', en: 'result not found' },
  'not_found.tag': { code: 'not_found', en: 'tag not found' },
  'not_found.delivery': { code: 'not_found', en: 'delivery not found' },
  'not_found.author': { code: 'not_found', en: 'author not found' },
  'not_found.approved_text': { code: 'not_found', en: 'approved text not found' },
  'not_found.draft': { code: 'not_found', en: 'draft {version} not found' },
  'not_found.draft_version': { code: 'not_found', en: 'draft version {version} not found' },
  'not_found.prompt': { code: 'not_found', en: 'prompt {id} ({lang}) not found' },
  'not_found.prompt_version': { code: 'not_found', en: 'prompt {id} ({lang}) version {version} not found' },
  'not_found.prompt_body': { code: 'not_found', en: 'prompt version {version} not found' },
  // the last lines: the database said no to what the app let through, or is away; something broke
  'db.rule_refused': { code: 'conflict', en: 'the database refused the change: it breaks a rule of the workflow' },
  'db.unavailable': { code: 'unavailable', en: 'the database is unavailable; try again in a few seconds' },
  'server.internal': { code: 'internal', en: 'something went wrong on our side; the request id helps us find it' },
} as const satisfies Record<string, { code: ErrorCode; en: string }>

export type Reason = keyof typeof REFUSALS
export const REASONS = Object.keys(REFUSALS) as Reason[]

/** A thing that may not be there: `not_found.<thing>`. */
export type Missing = { [R in Reason]: R extends `not_found.${infer T}` ? T : never }[Reason]

/** The English sentence of `reason` with `params` filled in. */
export function englishOf(reason: Reason, params: RefusalParams = {}): string {
  return fillTemplate(REFUSALS[reason].en, params)
}

/** The refusal of `reason`: its HTTP code, its English sentence with `params` filled in, and the fields at fault, if any. */
export function refuse(reason: Reason, params: RefusalParams = {}, issues?: Issue[]): AppError {
  return new AppError(REFUSALS[reason].code, englishOf(reason, params), issues, { reason, params })
}
