import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseLocaleNumber } from '@/lib/format/number';

const read = (text: string, locale: string, options = {}) => parseLocaleNumber(text, { locale, ...options });
const value = (text: string, locale: string, options = {}) => {
  const reading = read(text, locale, options);
  return reading.ok ? reading.value : `refused: ${reading.error}`;
};

describe('numbers typed in the user locale', () => {
  it('reads Russian and Bulgarian money with spaces of any width and a currency', () => {
    for (const locale of ['ru-RU', 'bg-BG']) {
      expect(value('150 000', locale)).toBe(150_000);
      expect(value('150\u00a0000', locale)).toBe(150_000);
      expect(value('150\u202f000 ₽', locale)).toBe(150_000);
      expect(value('1 234 567,5', locale)).toBe(1_234_567.5);
      expect(value('150000 руб.', locale)).toBe(150_000);
      expect(value('2 500 лв.', locale)).toBe(2500);
      expect(value('1,5', locale)).toBe(1.5);
    }
  });

  it('reads English and German grouping by the locale', () => {
    expect(value('150,000', 'en-US')).toBe(150_000);
    expect(value('$1,234.50', 'en-US')).toBe(1234.5);
    expect(value('1.5', 'en-US')).toBe(1.5);
    expect(value('150.000', 'de-DE')).toBe(150_000);
    expect(value('1.234,5 €', 'de-DE')).toBe(1234.5);
    expect(value('1.500.000', 'ru-RU')).toBe(1_500_000);
    expect(value('1,234.5', 'ru-RU')).toBe(1234.5);
  });

  it('refuses what it could misread, saying what to type', () => {
    expect(value('1,5 млн', 'ru-RU')).toMatch(/^refused: Write the number in digits/);
    expect(value('150k', 'en-US')).toMatch(/^refused: Write the number in digits/);
    expect(value('150.000', 'ru-RU')).toMatch(/^refused: .*could be read two ways: write 150000/);
    expect(value('1 50 000', 'ru-RU')).toMatch(/^refused: .*groups of three digits/);
    expect(value('12,34,56', 'en-US')).toMatch(/^refused: .*is not a number/);
    expect(value('abc', 'en-US')).toMatch(/^refused: .*is not a number/);
    expect(value('', 'en-US')).toBe('refused: Enter a number.');
    expect(value('1.2.3,4', 'de-DE')).toMatch(/^refused/);
  });

  it('applies the field rules: percent, whole numbers, no negatives', () => {
    expect(value('70 %', 'ru-RU', { percent: true })).toBe(70);
    expect(value('70,5%', 'ru-RU', { percent: true })).toBe(70.5);
    expect(value('70%', 'ru-RU')).toMatch(/^refused/);
    expect(value('-5', 'en-US')).toBe(-5);
    expect(value('−5', 'en-US', { nonNegative: true })).toBe('refused: It cannot be negative.');
    expect(value('2,5', 'ru-RU', { whole: true })).toBe('refused: Enter a whole number.');
  });

  it('shows a stored number the way the locale writes it, and reads it back the same', () => {
    for (const locale of ['ru-RU', 'bg-BG', 'en-US', 'de-DE']) {
      for (const stored of [150_000, 1234.5, 0, 20]) {
        expect(value(formatLocaleNumber(stored, locale), locale)).toBe(stored);
      }
    }
  });
});

describe('refusals in the interface language', () => {
  it('say why in Russian and Bulgarian too, with what was typed', () => {
    expect(parseLocaleNumber('1,5 млн', { locale: 'ru-RU', language: 'ru' })).toEqual({
      ok: false,
      error: 'Запишите число цифрами, без слов «тыс.» или «млн»: например, 1 500 000, а не «1,5 млн».',
    });
    expect(parseLocaleNumber('2,5', { locale: 'bg-BG', whole: true, language: 'bg' })).toEqual({ ok: false, error: 'Въведете цяло число.' });
    expect(parseLocaleNumber('1.500', { locale: 'ru-RU', language: 'ru' })).toMatchObject({ ok: false, error: expect.stringContaining('напишите 1500') });
    expect(parseLocaleNumber('', {})).toEqual({ ok: false, error: 'Enter a number.' });
  });
});

