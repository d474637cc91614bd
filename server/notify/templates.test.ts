import { describe, expect, it } from 'vitest'
import type { ReviewEvent } from './emit'
import { render, renderDigest } from './templates'

const links = { run: 'https://copydesk.example.com/runs/r1', unsubscribe: 'https://copydesk.example.com/u?token=t' }
const budget: ReviewEvent = {
  type: 'budget.spent',
  runId: 'r1',
  briefTitle: 'Весенняя акция',
  kind: 'offer',
  budget: { scope: 'team', name: 'demo', month: '2026-12', spentUsd: 301.5, limitUsd: 300 },
}

describe('messages', () => {
  it('a spent budget says whose, how much of what, and what happens now, in each language', () => {
    const ru = render(budget, 'ru', links)
    expect(ru.subject).toBe('Бюджет на ИИ израсходован: бюджет команды demo')
    expect(ru.text).toContain('За 2026-12 израсходовано $301.50 из $300.00 (бюджет команды demo), последним — на бриф «Весенняя акция».')
    const en = render(
      { ...budget, type: 'budget.warning', budget: { ...budget.budget!, scope: 'user', name: 'w@x.io', spentUsd: 40 } },
      'en',
      links,
    )
    expect(en.subject).toBe('AI budget nearly spent: the personal budget of w@x.io')
    expect(en.chat).toContain('$40.00 of $300.00 spent in 2026-12')
  })

  it('a digest counts its events in Russian plural forms and lists each with its link, oldest first', () => {
    const opened = (n: number): ReviewEvent => ({
      type: 'gate.opened',
      runId: `r${n}`,
      briefTitle: `Бриф ${n}`,
      kind: 'offer',
      gate: 'release',
    })
    const digest = (n: number) =>
      renderDigest(
        Array.from({ length: n }, (_, i) => opened(i + 1)),
        'ru',
        { runOf: (id) => `https://c.example/runs/${id}`, unsubscribe: 'u' },
      )
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => digest(n).subject.replace('Copydesk: сводка за день — ', ''))).toEqual([
      '1 событие',
      '2 события',
      '5 событий',
      '11 событий',
      '21 событие',
      '22 события',
      '25 событий',
    ])
    const two = digest(2)
    expect(two.text.indexOf('«Бриф 1»')).toBeLessThan(two.text.indexOf('«Бриф 2»'))
    expect(two.html).toContain('<a href="https://c.example/runs/r2">')
    expect(renderDigest([opened(1)], 'en', { runOf: (id) => id, unsubscribe: 'u' }).subject).toBe('Copydesk daily digest: 1 update')
    // Telegram takes 4,096 characters: a long digest is cut, and says so
    expect(digest(400).chat.length).toBeLessThanOrEqual(4000)
    expect(digest(400).chat.endsWith('…')).toBe(true)
  })
})
