import { describe, expect, it } from 'vitest';
import {
  analyzeSentiment,
  emptyLearnedModel,
  forgetMark,
  learnedModelOf,
  learnFromMark,
  LearnedModelSchema,
  markCount,
  type LearnedModel,
  type SentimentLabel,
} from '../../lib/sentiment/index.ts';
import { MAX_LEARNED_TERMS, PRUNE_SLACK } from '../../lib/sentiment/learned.ts';

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

  it('answers exactly as the lexicon until it has learned, and one contrary mark does not overturn the lexicon', () => {
    const text = 'Отличный банк, быстрый перевод';
    expect(analyzeSentiment(text, { learned: emptyLearnedModel() })).toEqual(analyzeSentiment(text));
    const once = learnFromMark(emptyLearnedModel(), 'Отличный сервис, быстрый ответ', 'negative');
    expect(analyzeSentiment(text, { learned: once }).label).toBe('positive');
  });

  it('turns a new text with a project-specific term to the label the user keeps giving it', () => {
    const text = 'Сегодня снова подвисает';
    expect(analyzeSentiment(text).label).toBe('neutral');
    const model = learnAll([...PROJECT_MARKS, ...PROJECT_MARKS]);
    expect(analyzeSentiment(text, { learned: model }).label).toBe('negative');
    expect(analyzeSentiment('Кешбэк снова пришёл', { learned: model }).label).toBe('positive');
    expect(analyzeSentiment('Ужасный сервис, никому не советую', { learned: model }).label).toBe('negative');
  });

  it('learns where this user draws the line between neutral and praise', () => {
    const mild = [
      'The lobby is fine.',
      'Parking was okay.',
      'Breakfast was decent.',
      'The staff seemed nice enough.',
      'Checkout was fine.',
      'The pool is decent.',
      'Rooms are okay for the price.',
      'The view was nice.',
    ];
    const text = 'The gym was fine.';
    expect(analyzeSentiment(text).label).toBe('positive');
    const model = learnAll([...mild, ...mild, ...mild].map((sentence): [string, SentimentLabel] => [sentence, 'neutral']));
    expect(analyzeSentiment(text, { learned: model }).label).toBe('neutral');
    expect(analyzeSentiment('Absolutely wonderful stay, the best hotel we have ever had!', { learned: model }).label).toBe('positive');
  });

  it('learns denied terms apart from affirmed ones', () => {
    const model = learnAll(PROJECT_MARKS);
    expect(Object.keys(model.terms)).toContain('подвиса');
    const withDenial = learnFromMark(model, 'Больше не подвисает', 'positive');
    expect(Object.keys(withDenial.terms)).toContain('!подвиса');
  });

  it('nearly undoes a mark it is told to forget, and forgets nothing it never learned', () => {
    const model = learnAll(PROJECT_MARKS);
    const text = 'Приложение снова подвисает';
    const changedMind = forgetMark(learnFromMark(model, text, 'positive'), text, 'positive');
    expect(changedMind.marks).toEqual(model.marks);
    const weights = (m: LearnedModel): number[] => [...m.bias, ...m.lexiconWeight, ...Object.values(m.terms).flat()];
    const drift = weights(changedMind).map((weight, index) => Math.abs(weight - (weights(model)[index] ?? 0)));
    expect(Math.max(...drift)).toBeLessThan(0.005);
    expect(forgetMark(emptyLearnedModel(), 'что угодно', 'negative')).toEqual(emptyLearnedModel());
  });

  it('is rebuilt by replaying the marks in order, the same model as learning them one by one', () => {
    const marks = PROJECT_MARKS.map(([text, label]) => ({ text, label }));
    expect(learnedModelOf(marks)).toEqual(learnAll(PROJECT_MARKS));
    expect(learnedModelOf([])).toEqual(emptyLearnedModel());
  });

  it('caps its vocabulary', () => {
    const letters = (n: number): string => n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)));
    let model = emptyLearnedModel();
    for (let i = 0; i < 60; i += 1) {
      const words = Array.from({ length: 80 }, (_, j) => `zz${letters(i)}q${letters(j)}`).join(' ');
      model = learnFromMark(model, words, i % 2 === 0 ? 'positive' : 'negative', 'en');
    }
    expect(markCount(model)).toBe(60);
    const kept = Object.keys(model.terms).length;
    expect(kept).toBeGreaterThanOrEqual(MAX_LEARNED_TERMS);
    expect(kept).toBeLessThanOrEqual(MAX_LEARNED_TERMS + PRUNE_SLACK);
  });
});
