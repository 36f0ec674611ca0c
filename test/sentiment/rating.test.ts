import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../../lib/sentiment/index.ts';
import { findRating, ratingLean } from '../../lib/sentiment/rating.ts';

describe('findRating', () => {
  it.each([
    ['Рейтинг: 4,9 · 15 отзывов', { value: 4.9, scale: 5, reviews: 15 }],
    ['Rating: 4.5 - 120 reviews', { value: 4.5, scale: 5, reviews: 120 }],
    ['Rated 4.2 out of 5 by our guests', { value: 4.2, scale: 5 }],
    ['Rated 4 by 1,250 guests', { value: 4, scale: 5 }],
    ['Оценка 3,5/10 по мнению зрителей', { value: 3.5, scale: 10 }],
    ['Моя оценка 8/10', { value: 8, scale: 10 }],
    ['Средняя оценка 4.3 на основе 50 отзывов', { value: 4.3, scale: 5, reviews: 50 }],
    ['Качество 4,2 из 5', { value: 4.2, scale: 5 }],
    ['Средна оценка 4.6 от 5 (12 гласа)', { value: 4.6, scale: 5, reviews: 12 }],
    ['Заведението има 4,6 от 5 звезди', { value: 4.6, scale: 5 }],
    ['Pizza place, 4.5/5', { value: 4.5, scale: 5 }],
    ['4.5 stars on the app store', { value: 4.5, scale: 5 }],
    ['Rated 3 of 5 stars', { value: 3, scale: 5 }],
    ['8 баллов из 10', { value: 8, scale: 10 }],
    ['User rating: 72%', { value: 72, scale: 100 }],
    ['★ 4.8 (230)', { value: 4.8, scale: 5 }],
    ['Кафе на углу 4,9★', { value: 4.9, scale: 5 }],
    ['3,9 — рейтинг на основе отзывов', { value: 3.9, scale: 5 }],
    ['★★★★☆ Good value', { value: 4, scale: 5 }],
    ['⭐️⭐️⭐️⭐️⭐️ (1 234 отзыва)', { value: 5, scale: 5, reviews: 1234 }],
  ])('reads %j', (text, rating) => {
    expect(findRating(text)).toEqual(rating);
  });

  it.each([
    'Цена 4.5 руб за штуку',
    'Price: $4.50 per pound',
    'Скидка 50% на всё',
    '50% of users agree',
    '5 лучших банков города',
    'Рейтинг 5 лучших банков города',
    'Top 10 banks in town',
    'Рейтинг 2024 года',
    'Update to version 4.5.1 today',
    'iOS 4.5 is out',
    'Add 1/2 cup of sugar',
    'Встреча 5/10 в 10:00',
    'Due 12.05.2024',
    'Рейтинг на 01.05',
    '4 out of 5 dentists recommend it',
    '5 из 10 человек не знают',
    'Отель 4 звезды у моря',
    'A 5-star hotel by the sea',
    'Rate it on a 1-5 scale',
    'Оценка 3 квартала готова',
    'Оценка 4,5 млн рублей',
    'Wait 4.5 hours',
    '★★★ SALE ★★★',
    'Узнайте все плюсы и минусы',
  ])('reads no rating in %j', (text) => {
    expect(findRating(text)).toBeUndefined();
  });
});

describe('ratingLean', () => {
  it('leans in full at the ends of the scale and partly between', () => {
    expect(ratingLean({ value: 4.9, scale: 5 })).toBe(1);
    expect(ratingLean({ value: 4, scale: 5 })).toBeCloseTo(1);
    expect(ratingLean({ value: 2.5, scale: 5 })).toBeCloseTo(-1);
    expect(ratingLean({ value: 1.8, scale: 5 })).toBe(-1);
    expect(ratingLean({ value: 3.5, scale: 5 })).toBeCloseTo(1 / 3);
    expect(ratingLean({ value: 3.5, scale: 10 })).toBe(-1);
    expect(ratingLean({ value: 8, scale: 10 })).toBeCloseTo(1);
  });
});

describe('a stated rating as evidence', () => {
  it('outweighs boilerplate such as "плюсы и минусы" or "pros and cons"', () => {
    expect(analyzeSentiment('Отзывы о клинике. Узнайте все плюсы и минусы.').label).toBe('negative');
    expect(analyzeSentiment('Отзывы о клинике. Узнайте все плюсы и минусы. Рейтинг: 4,9 · 15 отзывов').label).toBe('positive');
    expect(analyzeSentiment('Read the pros and cons of this hotel. Rating: 4.5 - 120 reviews').label).toBe('positive');
    expect(analyzeSentiment('Прочетете плюсовете и минусите. Средна оценка 4.6 от 5').label).toBe('positive');
  });

  it('turns mild praise negative when the rating is low', () => {
    expect(analyzeSentiment('Банк у дома: отзывы клиентов, лучшие условия по вкладам.').label).toBe('positive');
    expect(analyzeSentiment('Банк у дома: отзывы клиентов, лучшие условия по вкладам. Рейтинг: 1,8 · 230 отзывов').label).toBe('negative');
    expect(analyzeSentiment('Good location. ★★☆☆☆').label).toBe('negative');
  });

  it('leaves strongly worded text its say', () => {
    expect(analyzeSentiment('Rated 4.2 out of 5. Terrible service, rude staff, a total scam, never again.').label).toBe('negative');
    expect(analyzeSentiment('Рейтинг 4,9. Ужасный сервис, хамство и обман, не рекомендую.').label).toBe('negative');
  });

  it('leans only weakly when the rating is middling', () => {
    const middling = analyzeSentiment('Rating: 3.6 · 40 reviews');
    const high = analyzeSentiment('Rating: 4.6 · 40 reviews');
    expect(middling.label).toBe('positive');
    expect(middling.score).toBeLessThan(high.score);
    expect(analyzeSentiment('Rating: 3.6 · 40 reviews. The rooms were awful.').label).toBe('negative');
  });

  it('changes nothing when the numbers are not a rating', () => {
    const text = 'Топ 5 лучших банков 2024 года: вклады от 4,5%';
    expect(analyzeSentiment(text).score).toBe(analyzeSentiment(text.replace(/\d/g, '')).score);
  });
});
