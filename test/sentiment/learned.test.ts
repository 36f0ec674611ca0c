import { describe, expect, it } from 'vitest';
import {
  analyzeSentiment,
  emptyLearnedModel,
  forgetMark,
  learnFromMark,
  LearnedModelSchema,
  markCount,
  type LearnedModel,
  type SentimentLabel,
} from '../../lib/sentiment/index.ts';
import { MAX_LEARNED_TERMS, MIN_MARKS_TO_BLEND } from '../../lib/sentiment/learned.ts';

// "подвисает" (freezes for a moment) is not in the lexicon: only the user's marks can teach it.
const PROJECT_MARKS: [string, SentimentLabel][] = [
  ['Приложение банка подвисает при входе', 'negative'],
  ['Опять подвисает оплата картой', 'negative'],
  ['Сайт подвисает каждый вечер', 'negative'],
  ['Личный кабинет подвисает на странице платежей', 'negative'],
  ['Перевод прошёл, приложение подвисает', 'negative'],
  ['Открыли вклад в отделении на Ленина', 'neutral'],
  ['Банк сменил адрес офиса', 'neutral'],
  ['Отделение работает до восьми', 'neutral'],
  ['Кешбэк пришёл на карту вовремя', 'positive'],
  ['Кешбэк начислили за покупки в аптеке', 'positive'],
  ['Кешбэк за такси пришёл сразу', 'positive'],
];

function learnAll(marks: readonly [string, SentimentLabel][], model: LearnedModel = emptyLearnedModel()): LearnedModel {
  return marks.reduce((current, [text, label]) => learnFromMark(current, text, label), model);
}

describe('learned model', () => {
  it('starts empty and valid', () => {
    const model = emptyLearnedModel();
    expect(LearnedModelSchema.parse(model)).toEqual(model);
    expect(markCount(model)).toBe(0);
  });

  it('is learned without changing the model it was given, and stays valid JSON for storage', () => {
    const empty = emptyLearnedModel();
    const learned = learnFromMark(empty, 'Приложение подвисает', 'negative');
    expect(empty).toEqual(emptyLearnedModel());
    expect(markCount(learned)).toBe(1);
    expect(LearnedModelSchema.parse(JSON.parse(JSON.stringify(learned)))).toEqual(learned);
  });

  it('flips a new text with a project-specific term to the label the user taught', () => {
    const text = 'Сегодня снова подвисает';
    expect(analyzeSentiment(text).label).toBe('neutral');
    const model = learnAll(PROJECT_MARKS);
    expect(markCount(model)).toBeGreaterThanOrEqual(MIN_MARKS_TO_BLEND);
    expect(analyzeSentiment(text, { learned: model }).label).toBe('negative');
    expect(analyzeSentiment('Снова кешбэк', { learned: model }).label).toBe('positive');
  });

  it('is not consulted before it has enough marks', () => {
    const few = learnAll(PROJECT_MARKS.slice(0, MIN_MARKS_TO_BLEND - 1));
    expect(analyzeSentiment('Сегодня снова подвисает', { learned: few })).toEqual(analyzeSentiment('Сегодня снова подвисает'));
  });

  it('learns denied terms apart from affirmed ones', () => {
    const model = learnAll(PROJECT_MARKS);
    expect(Object.keys(model.terms)).toContain('подвиса');
    const withDenial = learnFromMark(model, 'Больше не подвисает', 'positive');
    expect(Object.keys(withDenial.terms)).toContain('!подвиса');
  });

  it('forgets a mark exactly (the inverse of learning it)', () => {
    const model = learnAll(PROJECT_MARKS);
    const changedMind = forgetMark(learnFromMark(model, 'Приложение снова подвисает', 'positive'), 'Приложение снова подвисает', 'positive');
    expect(changedMind).toEqual(model);
    expect(forgetMark(emptyLearnedModel(), 'что угодно', 'negative')).toEqual(emptyLearnedModel());
  });

  it('caps its vocabulary', () => {
    const letters = (n: number): string => n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)));
    let model = emptyLearnedModel();
    for (let i = 0; i < 60; i += 1) {
      const words = Array.from({ length: 80 }, (_, j) => `zz${letters(i)}q${letters(j)}`).join(' ');
      model = learnFromMark(model, words, i % 2 === 0 ? 'positive' : 'negative', 'en');
    }
    expect(markCount(model)).toBe(60);
    expect(Object.keys(model.terms)).toHaveLength(MAX_LEARNED_TERMS);
  });
});
