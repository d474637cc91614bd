import { describe, expect, it } from 'vitest'
import { clusterIntent, intentOf } from './intent'
import { contentPlan, pieceKindOf } from './plan'

describe('intent and content plan', () => {
  it('reads intent from cue words, RU and EN', () => {
    expect(intentOf('купить пластиковые окна')).toBe('transactional')
    expect(intentOf('пластиковые окна цена')).toBe('commercial')
    expect(intentOf('битрикс24 вход')).toBe('navigational')
    expect(intentOf('как выбрать пластиковые окна')).toBe('informational')
    expect(intentOf('running shoes near me')).toBe('transactional')
    expect(intentOf('best running shoes 2026')).toBe('commercial')
    expect(intentOf('пластиковые окна')).toBeNull()
    // a bare head term does not outvote the cued keywords of its cluster
    expect(
      clusterIntent([
        { keyword: 'пластиковые окна', frequency: 70000 },
        { keyword: 'купить пластиковые окна', frequency: 900 },
        { keyword: 'окна цена', frequency: 500 },
      ]),
    ).toBe('transactional')
    expect(clusterIntent([{ keyword: 'окна', frequency: 10 }])).toBe('informational')
  })

  it('turns a cluster into a pillar and supporting pieces', () => {
    const plan = contentPlan([
      { keyword: 'пластиковые окна', frequency: 70000 },
      { keyword: 'пластиковые окна rehau', frequency: 900 },
      { keyword: 'как выбрать пластиковые окна', frequency: 800 },
      { keyword: 'какие окна выбрать', frequency: 300 },
      { keyword: 'пластиковые или деревянные окна', frequency: 600 },
      { keyword: 'ошибки при установке окон', frequency: 200 },
      { keyword: 'почему потеют пластиковые окна', frequency: 1500 },
      { keyword: 'пластиковые окна цена', frequency: 5000 },
      { keyword: 'цены на пластиковые окна', frequency: 3000 },
    ])
    expect(plan.pillar).toBe('пластиковые окна')
    expect(plan.pillarKeywords).toEqual(['пластиковые окна rehau'])
    const byKind = Object.fromEntries(plan.pieces.map((p) => [p.kind, p.keywords]))
    expect(byKind.price).toEqual(['пластиковые окна цена', 'цены на пластиковые окна'])
    expect(byKind.how_to_choose).toEqual(['как выбрать пластиковые окна', 'какие окна выбрать'])
    expect(byKind.comparison).toEqual(['пластиковые или деревянные окна'])
    expect(byKind.mistakes).toEqual(['ошибки при установке окон'])
    expect(byKind.question).toEqual(['почему потеют пластиковые окна'])
    expect(pieceKindOf('nike vs adidas running shoes')).toBe('comparison')
    expect(pieceKindOf('how to choose running shoes')).toBe('how_to_choose')
  })
})
