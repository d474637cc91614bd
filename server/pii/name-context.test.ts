import { describe, expect, it } from 'vitest'
import { people } from './name-context'

const names = (text: string) => people(text).map((f) => text.slice(f.start, f.end))

// The to_model operating point: every mention of a person, not only a full name.
describe('single names in context', () => {
  it('speaker labels of a transcript, every line', () => {
    const t = 'Запись от 3 марта.\nЗарема: Добрый день!\nПётр: Здравствуйте, начнём.\nЗарема: Давайте.\nТема: доставка'
    expect(names(t)).toEqual(['Зарема', 'Пётр', 'Зарема'])
  })

  it('a role or a greeting names whoever follows, also a name no list holds', () => {
    expect(names('Передала вопрос, ответил оператор Кирилл.')).toEqual(['Кирилл'])
    expect(names('Hi Oyelaran, thanks for the call.')).toEqual(['Oyelaran'])
    expect(names('Сауле, добрый день! Высылаю счёт.')).toEqual(['Сауле'])
  })

  it('given names and diminutives anywhere; a Russian surname inside a sentence', () => {
    expect(names('Вчера Катя и Дима заехали в офис.')).toEqual(['Катя', 'Дима'])
    expect(names('Договор передали Гайнуллину на подпись.')).toEqual(['Гайнуллину'])
  })

  it('the other mentions of a name the text gave, in any case form', () => {
    const t = 'Участник: Айдос Жумабеков, 34 года.\nПозже Айдоса спросили о цене, и Жумабекову она показалась высокой.'
    expect(names(t)).toEqual(['Айдос Жумабеков', 'Айдоса', 'Жумабекову'])
  })

  it('words that are also names only where they are names', () => {
    expect(names('Вера в чудо и любовь к чтению — наши ценности.')).toEqual([])
    expect(names('Отчёт прислала Вера из отдела продаж.')).toEqual(['Вера'])
    expect(names('Роман недели — «Дом у моря».')).toEqual([])
  })

  it('not a person: a pet, an assistant, a dish, a title in quotes, a place in a list', () => {
    expect(names('Наш кот Барсик спит на витрине.')).toEqual([])
    expect(names('Скажите «Алиса, включи свет».')).toEqual([])
    expect(names('Eggs Benedict and a Tom Collins for two.')).toEqual([])
    expect(names('Пирожное «Анна Павлова» — 290 ₽.')).toEqual([])
    expect(names('Fly to Charlotte, Austin or Eugene from $89.')).toEqual([])
    expect(names('Ростовской области и Саратову повезло с погодой.')).toEqual([])
  })
})
