// Month arithmetic on `YYYY-MM` strings, in local time. Apart from the schemas so that views which only count
// months (the popup's sparklines) load no zod.
import type { Month } from './index';

export function monthOf(timestamp: number): Month {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** A month's first instant and the first instant of the next one, in local time like `monthOf`. */
export function monthBounds(month: Month): [start: number, end: number] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return [new Date(year, monthNumber - 1, 1).getTime(), new Date(year, monthNumber, 1).getTime()];
}

export function previousMonth(month: Month): Month {
  return monthOf(monthBounds(month)[0] - 1);
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: Month, count: number): Month {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(year, monthNumber - 1 + count, 1).getTime());
}

export function nextMonth(month: Month): Month {
  return monthOf(monthBounds(month)[1]);
}

/** The months from `first` through `last`, both included (empty when `last` is earlier). */
export function monthsFrom(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}
