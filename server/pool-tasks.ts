// The compute pool's tasks by name. Compute threads import this module, so everything it
// imports must be pure (no database, no config, no provider) and cheap to load.
import { seoKeywords, seoPlan } from './drafting/seo/plan-task'
import { seoImport } from './seo/import-task'
import { classifyTask } from './compute/classify-task'
import type { Registry } from './compute/registry'

export const tasks = {
  'seo.keywords': seoKeywords,
  'seo.plan': seoPlan,
  'policy.classify': classifyTask,
  'seo.import': seoImport,
} satisfies Registry

export type TaskName = keyof typeof tasks
export type TaskInput<K extends TaskName> = Parameters<(typeof tasks)[K]>[0]
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof tasks)[K]>>
