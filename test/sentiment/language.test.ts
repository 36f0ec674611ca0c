import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/sentiment/index.ts';

describe('detectLanguage', () => {
  it('tells Latin-script English from Cyrillic', () => {
    expect(detectLanguage('The delivery was late again.')).toBe('en');
    expect(detectLanguage('Доставка опять опоздала.')).toBe('ru');
  });

  it('defaults to English when there are no letters', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('12:30 — 15.06.2024 !!!')).toBe('en');
  });

  it('reads Russian-only letters ы, э, ё', () => {
    expect(detectLanguage('Мы были там')).toBe('ru');
    expect(detectLanguage('Этот магазин')).toBe('ru');
    expect(detectLanguage('Всё пришло')).toBe('ru');
  });

  it('reads ъ inside a word as Bulgarian and the Russian separator ъ as Russian', () => {
    expect(detectLanguage('Магазинът е голям')).toBe('bg');
    expect(detectLanguage('Въпросът е в цената')).toBe('bg');
    expect(detectLanguage('Объявление в подъезде')).toBe('ru');
  });

  it('reads function words only one of the languages has', () => {
    expect(detectLanguage('Не е добре, че са затворени')).toBe('bg');
    expect(detectLanguage('Ще дойда утре, за да видя които са там')).toBe('bg');
    expect(detectLanguage('Что это такое, когда уже будет готово')).toBe('ru');
    expect(detectLanguage('Тази фирма е във Варна')).toBe('bg');
  });

  it('falls back on sentiment words spelled only one way in short texts', () => {
    expect(detectLanguage('Страхотен магазин')).toBe('bg');
    expect(detectLanguage('Прекрасный магазин')).toBe('ru');
  });

  it('treats capitalised Latin brand names inside Cyrillic text as names, not as English', () => {
    expect(detectLanguage('Купих си Samsung Galaxy от Technopolis и съм доволна')).toBe('bg');
    expect(detectLanguage('Заказал iPhone в Apple Store, всё пришло быстро')).toBe('ru');
  });

  it('ignores links and mentions', () => {
    expect(detectLanguage('@support_team https://example.com/path/to/page не работает оплата')).toBe('ru');
  });
});
