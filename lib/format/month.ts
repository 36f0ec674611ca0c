import type { Month } from '../schema';
import { dateTimeFormat } from './intl';

function formatMonth(month: Month, style: Intl.DateTimeFormatOptions, locale?: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  try {
    return dateTimeFormat(locale, style).format(new Date(year, monthNumber - 1, 1));
  } catch {
    return month;
  }
}

/** "ноябрь 2026 г.", "November 2026": a month as the user's locale names it (the browser's by default). */
export function monthInWords(month: Month, locale?: string): string {
  return formatMonth(month, { month: 'long', year: 'numeric' }, locale);
}

/** "нояб. 26", "Nov 26": a month short enough for a chart's axis. */
export function monthShort(month: Month, locale?: string): string {
  return formatMonth(month, { month: 'short', year: '2-digit' }, locale);
}
