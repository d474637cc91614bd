// Headline templates per angle, best first. Slots are the brief's terms (see terms.ts):
// P product, O product as an object, T task, G task as a gerund (EN), X pain, H habit, A audience, K key phrase or
// product in label position, F fact with a number, B offer claim. "{T:short}" prefers the
// shortest variant, so the same task does not repeat word for word across the set.
// No template claims a result, a count of customers, a guarantee or a superlative: numbers come
// only from the brief's facts or are listicle counts ("5 способов"), not claims.
import type { HeadlineAngle } from '../../../contracts/drafts'
import type { Lang } from '../../../contracts/briefs'
import { ruCount } from './text'

export type Template = {
  angle: HeadlineAngle
  text: string
  /** Needs the customer's own task (not the "try the product" fallback). */
  customer?: boolean
  /** The verb agrees with a singular product. */
  singular?: boolean
}

const t = (angle: HeadlineAngle, text: string, flags: Omit<Template, 'angle' | 'text'> = {}): Template => ({ angle, text, ...flags })

export const TEMPLATES: Record<Lang, Template[]> = {
  ru: [
    t('benefit', '{P} — чтобы {T}'),
    t('benefit', '{B}'),
    t('benefit', '{K}, чтобы {T:short}'),
    t('pain', '{X}? Есть решение'),
    t('pain', 'Хватит {H}'),
    t('pain', 'Почему не получается {T}?', { customer: true }),
    t('pain', 'Сколько можно {H:short}?'),
    t('pain', 'Не получается {T:short}?', { customer: true }),
    t('pain', '{X:short} — это решаемо'),
    t('number', '{F}'),
    t('number', `${ruCount(5, 'способ')} {T}`, { customer: true }),
    t('number', '{P}: {F}'),
    t('number', `${ruCount(3, 'причина')} {T:short}`, { customer: true }),
    t('number', `${ruCount(4, 'шаг')}, чтобы {T}`, { customer: true }),
    t('question', 'Хотите {T}?'),
    t('question', 'Хотите {T}? Вот с чего начать'),
    t('question', 'А вы уже пробовали {O}?'),
    t('question', '{K}: что важно знать?'),
    t('question', '{F} — это реально?'),
    t('question', '{K}: кому подходит?'),
    t('question', '{K}: зачем это нужно?'),
    t('question', 'Что нужно, чтобы {T}?', { customer: true }),
    t('social_proof', 'Как {A} смогли {T}', { customer: true }),
    t('social_proof', 'Почему {A} выбирают {O}'),
    t('social_proof', 'Опыт других: как {T:short}', { customer: true }),
    t('urgency', 'Пора {T}'),
    t('urgency', 'Хватит откладывать: пора {T}'),
    t('urgency', 'Самое время попробовать {O}'),
    t('urgency', '{X:short}? Решите это сегодня'),
    t('urgency', 'Зачем откладывать? {F}'),
    t('urgency', '{K}: начните сегодня'),
    t('how_to', 'Как {T}', { customer: true }),
    t('how_to', 'Как {T}: разбор по шагам', { customer: true }),
    t('how_to', '{K}: как это работает'),
    t('how_to', '{K}: с чего начать'),
    t('how_to', '{K}: пошаговая инструкция'),
    t('how_to', '{K} простыми словами'),
    t('how_to', '{K}: основы'),
    t('comparison', '{K} или всё как раньше?'),
    t('comparison', 'Чем {P} отличается от привычных решений', { singular: true }),
    t('comparison', '{K} или привычный способ: что выбрать'),
    t('comparison', '{K}: за и против'),
    t('curiosity', 'Неочевидный способ {T}', { customer: true }),
    t('curiosity', '{K}: о чём редко говорят'),
    t('curiosity', '{K}: подводные камни'),
    t('curiosity', '{K}: частые ошибки'),
    t('curiosity', 'Что на самом деле мешает {T}', { customer: true }),
    t('curiosity', '{F}: как это устроено'),
    t('curiosity', 'Что изменится, если {T}', { customer: true }),
  ],
  en: [
    t('benefit', '{T} with {O}'),
    t('benefit', '{B}'),
    t('benefit', '{O} for {A}'),
    t('benefit', 'Made for {A}'),
    t('pain', 'Tired of {X}?'),
    t('pain', 'Still {H}?'),
    t('pain', 'Still struggling to {T}?', { customer: true }),
    t('pain', '{X:short}? Here is what helps'),
    t('pain', 'Tired of {H:short}?'),
    t('pain', 'Struggling to {T:short}?', { customer: true }),
    t('number', '{F}'),
    t('number', '5 ways to {T}', { customer: true }),
    t('number', '{P}: {F}'),
    t('number', '3 reasons to {T:short}', { customer: true }),
    t('number', '4 steps to {T}', { customer: true }),
    t('question', 'Want to {T}?'),
    t('question', 'Want to {T}? Start here'),
    t('question', 'Is {O} worth it?', { singular: true }),
    t('question', 'Have you tried {O}?'),
    t('question', '{K}: who is it for?'),
    t('question', 'What would it take to {T}?', { customer: true }),
    t('social_proof', 'How {A} {T}', { customer: true }),
    t('social_proof', 'Why {A} choose {O}'),
    t('social_proof', 'How others {T:short}', { customer: true }),
    t('social_proof', 'What {A} look for in {O}'),
    t('urgency', 'Time to {T}'),
    t('urgency', 'This is the week to {T}'),
    t('urgency', '{T:short}, starting today'),
    t('urgency', "Don't wait to {T}"),
    t('urgency', 'Why wait? {F}'),
    t('urgency', '{K}: start today'),
    t('how_to', 'How to {T}', { customer: true }),
    t('how_to', 'How to {T}, step by step', { customer: true }),
    t('how_to', '{K}: how it works'),
    t('how_to', '{K}: where to start'),
    t('how_to', 'Getting started with {O}'),
    t('how_to', '{K}, explained'),
    t('how_to', '{K}: the basics'),
    t('comparison', '{O} or business as usual?'),
    t('comparison', '{T:short}: do it yourself or use {O}?', { customer: true }),
    t('comparison', '{K} vs. the old way'),
    t('comparison', '{K}: pros and cons'),
    t('curiosity', 'The overlooked way to {T}', { customer: true }),
    t('curiosity', '{K}: what nobody tells you'),
    t('curiosity', '{K}: what people miss'),
    t('curiosity', '{K}: common mistakes'),
    t('curiosity', 'What really keeps you from {G}?'),
    t('curiosity', '{F}. Here is how'),
    t('curiosity', 'What changes when you {T}', { customer: true }),
  ],
}
