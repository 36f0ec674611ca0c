import { describe, expect, it } from 'vitest';
import { analyzeSentiment, emptyLearnedModel, learnFromMark, LOW_CONFIDENCE, type LearnedModel } from '../../lib/sentiment/index.ts';

const confidenceOf = (text: string): number => analyzeSentiment(text).confidence;

describe('confidence', () => {
  it('stays in [0, 1]', () => {
    for (const text of ['', 'ok', 'Great! Great! Great! '.repeat(50), 'terrible '.repeat(500), 'Рейтинг: 5 из 5', 'Добре е, но е скъпо.']) {
      const { confidence } = analyzeSentiment(text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('grows with evidence that agrees', () => {
    expect(confidenceOf('The room was fine.')).toBeLessThan(LOW_CONFIDENCE);
    expect(confidenceOf('The room was great.')).toBeGreaterThan(confidenceOf('The room was fine.'));
    expect(confidenceOf('Great room, friendly staff, delicious breakfast.')).toBeGreaterThan(confidenceOf('The room was great.'));
    expect(confidenceOf('Отличный сервис, вежливый персонал, всем рекомендую.')).toBeGreaterThan(0.8);
  });

  it('is low when praise and criticism cancel', () => {
    const mixed = analyzeSentiment('Great food, but terrible service and a rude waiter. Lovely view though.');
    expect(mixed.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(confidenceOf('Хубава храна, но ужасно обслужване.')).toBeLessThan(confidenceOf('Хубава храна и страхотно обслужване.'));
  });

  it('is high for a stated rating, and lower when the words argue against it', () => {
    expect(confidenceOf('Рейтинг: 4,9 · 15 отзывов')).toBeGreaterThanOrEqual(0.85);
    expect(confidenceOf('Отзывы о клинике. Узнайте все плюсы и минусы. Рейтинг: 4,9 · 15 отзывов')).toBeGreaterThan(LOW_CONFIDENCE);
    expect(confidenceOf('Great location. ★★☆☆☆')).toBeLessThan(confidenceOf('Noisy room. ★★☆☆☆'));
    expect(confidenceOf('Rating: 3.4 · 40 reviews')).toBeLessThan(LOW_CONFIDENCE);
  });

  it('is low for a neutral fragment, fair for a neutral sentence', () => {
    expect(confidenceOf('Отзывы')).toBeLessThan(LOW_CONFIDENCE);
    expect(confidenceOf('The office is on Main Street, second floor.')).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
  });

  it("follows a learned model's certainty, never above the rules' when it agrees with them", () => {
    let model: LearnedModel = emptyLearnedModel();
    for (let i = 0; i < 12; i += 1) model = learnFromMark(model, `Приложение подвисает при входе ${i}`, 'negative');
    const overruled = analyzeSentiment('Приложение подвисает', { learned: model });
    expect(overruled.label).toBe('negative');
    expect(overruled.confidence).toBeGreaterThan(0);
    const agreeing = 'Отличный банк, всем рекомендую.';
    expect(analyzeSentiment(agreeing, { learned: model }).confidence).toBeLessThanOrEqual(confidenceOf(agreeing));
  });
});
