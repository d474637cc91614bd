import type { Sql } from '../db/connect'
import type { LlmProvider } from '../llm/provider'
import type { Policy } from '../policy/load'
import type { PromptLibrary } from '../prompts/load'
import type { HandoffConfig } from '../handoff/deliver'
import type { NotifyConfig } from '../notify/run-notification'

/** What the graph's nodes and the worker need; built once in main.ts (or a test). */
export type RunDeps = {
  sql: Sql
  provider: LlmProvider
  prompts: PromptLibrary
  /** The active policy: new runs are planned with it; a run keeps the version it started with. */
  policy: Policy
  /** Where approved texts are handed off (COPYDESK_HANDOFF_URL, …); none configured: the event is kept, nothing is sent. */
  handoff?: HandoffConfig
  /** E-mail of the review events (COPYDESK_SMTP_URL); none: nothing is sent. */
  notify?: NotifyConfig
}
