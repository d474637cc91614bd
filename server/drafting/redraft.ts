import type { DraftingTask } from './types'

/** The prompt's `{{feedback}}`: empty on a first draft; the previous draft and the reviewer's comment on a redraft. */
export function redraftNote({ brief, feedback, previous }: DraftingTask): string {
  if (feedback === null) return ''
  return brief.lang === 'ru'
    ? `Это переработка. Предыдущий вариант: ${JSON.stringify(previous)}\nКомментарий ревьюера, который нужно учесть: ${feedback}`
    : `This is a redraft. Previous draft: ${JSON.stringify(previous)}\nThe reviewer's comment to address: ${feedback}`
}
