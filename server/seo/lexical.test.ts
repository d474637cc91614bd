import { describe, expect, it } from 'vitest'
import { MinHeap } from './heap'
import { clusterLexically, terms } from './lexical'

describe('lexical keyword clustering', () => {
  it('normalises RU and EN: case, ё, stop words, stems, neighbouring pairs', () => {
    // case, stop words and the forms of the words (including the fleeting vowel of "окон") meet
    expect(terms('Цены на пластиковые ОКНА')).toEqual(terms('цена пластиковых окон'))
    expect(terms('натяжной потолок').slice(0, 2)).toEqual(terms('натяжных потолков').slice(0, 2))
    expect(terms('ёлка')).toEqual(terms('елка'))
    expect(terms('running shoes for women')).toEqual(['run', 'shoe', 'women', 'run shoe', 'shoe women'])
  })

  it('groups variants of one topic and keeps other topics apart', () => {
    const kw = [
      'пластиковые окна цена',
      'цены на пластиковые окна',
      'пластиковое окно стоимость',
      'стоимость пластиковых окон',
      'натяжные потолки цена',
      'натяжной потолок стоимость',
      'цена натяжного потолка',
      'running shoes for women',
      'women running shoes',
      'womens running shoe',
      'доставка цветов',
    ]
    const g = clusterLexically(kw, { threshold: 0.3 })
    const named = g.groups.map((x) => x.map((i) => kw[i]))
    expect(named).toHaveLength(3)
    expect(named).toContainEqual(kw.slice(0, 4))
    expect(named).toContainEqual(kw.slice(4, 7))
    expect(named).toContainEqual(kw.slice(7, 10))
    expect(g.unclustered.map((i) => kw[i])).toEqual(['доставка цветов'])
  })

  it('a higher threshold splits more, a threshold above 1 merges nothing', () => {
    const kw = ['buy red shoes', 'red shoes', 'red shoes sale', 'blue shoes']
    const loose = clusterLexically(kw, { threshold: 0.2 })
    const strict = clusterLexically(kw, { threshold: 0.9 })
    expect(loose.groups.flat().length).toBeGreaterThan(strict.groups.flat().length)
    expect(clusterLexically(kw, { threshold: 1.01 }).groups).toEqual([])
  })

  it('the heap pops in order', () => {
    const h = new MinHeap<number>((a, b) => a - b)
    for (const x of [5, 1, 4, 1, 3, 9, 2]) h.push(x)
    expect(Array.from({ length: 7 }, () => h.pop())).toEqual([1, 1, 2, 3, 4, 5, 9])
    expect(h.pop()).toBeUndefined()
  })
})
