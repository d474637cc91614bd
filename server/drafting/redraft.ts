import type { DraftingTask } from './types'

/** The prompt's `{{feedback}}`: empty on a first draft; the previous draft and the reviewer's comment on a redraft. */
export function redraftNote({ brief, feedback, previous }: DraftingTask): string {
  if (feedback === null) return ''
  return brief.lang === 'ru'
    ? `Это переработка. Предыдущий вариант: ${JSON.stringify(previous)}\nКомментарий ревьюера, который нужно учесть: ${feedback}`
    : `This is a redraft. Previous draft: ${JSON.stringify(previous)}\nThe reviewer's comment to address: ${feedback}`
}

/** Longest example shown to the model, in characters: enough for tone and structure. */
const EXAMPLE_CHARS = 1500

/** The prompt's `{{examples}}`: approved results to learn the house style from, never facts to copy. */
export function examplesNote({ brief, examples = [] }: DraftingTask): string {
  if (examples.length === 0) return ''
  const shown = examples
    .map((e, i) => `--- ${i + 1} ---\n${e.text.length > EXAMPLE_CHARS ? `${e.text.slice(0, EXAMPLE_CHARS)}…` : e.text}`)
    .join('\n')
  return brief.lang === 'ru'
    ? `Одобренные ранее тексты того же типа и канала — ориентир по тону и структуре. Не переноси из них факты, цифры и обещания: для этого брифа годится только то, что есть в брифе.\n${shown}\n`
    : `Earlier approved texts of the same kind and channel, as a guide to tone and structure. Do not carry over their facts, numbers or promises: only what this brief gives holds for it.\n${shown}\n`
}
