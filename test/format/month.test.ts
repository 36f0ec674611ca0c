import { describe, expect, it } from 'vitest';
import { monthInWords } from '@/lib/format/month';

describe('months in words', () => {
  it('names the month in the locale, and falls back to the plain month for an unknown locale', () => {
    expect(monthInWords('2026-11', 'en-US')).toBe('November 2026');
    expect(monthInWords('2026-11', 'ru-RU')).toMatch(/^ноябрь 2026/);
    expect(monthInWords('2026-01', 'bg-BG')).toMatch(/^януари 2026/);
    expect(monthInWords('2026-11', 'not a locale!')).toBe('2026-11');
  });
});
