import type { Month } from '../schema';

/** "ноябрь 2026 г.", "November 2026": a month as the user's locale names it (the browser's by default). */
export function monthInWords(month: Month, locale?: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(new Date(year, monthNumber - 1, 1));
  } catch {
    return month;
  }
}
