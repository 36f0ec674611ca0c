import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDate, formatDateTime, numberFormat } from '@/lib/format/intl';

const MOMENTS = [Date.UTC(2026, 10, 30, 23, 59, 59), Date.UTC(2027, 0, 1, 0, 0, 1), Date.UTC(2026, 2, 29, 1, 30)];

describe('cached Intl formatters', () => {
  it('give one formatter per locale and options', () => {
    expect(numberFormat('ru', { style: 'percent' })).toBe(numberFormat('ru', { style: 'percent' }));
    expect(numberFormat('ru', { style: 'percent' })).not.toBe(numberFormat('bg', { style: 'percent' }));
    expect(dateTimeFormat('en', { month: 'long' })).not.toBe(dateTimeFormat('en', { month: 'short' }));
  });

  it('write dates and times as Date#toLocaleDateString and #toLocaleString do, in every interface language', () => {
    for (const locale of ['en', 'ru', 'bg', undefined]) {
      for (const at of MOMENTS) {
        expect(formatDate(at, locale)).toBe(new Date(at).toLocaleDateString(locale));
        expect(formatDateTime(at, locale)).toBe(new Date(at).toLocaleString(locale));
      }
    }
  });

  it('refuse a locale Intl refuses, as the Date methods do', () => {
    expect(() => formatDate(MOMENTS[0]!, 'not a locale!')).toThrow(RangeError);
  });
});
