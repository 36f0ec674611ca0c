import { monthBounds, monthOf, previousMonth, type Month } from '../schema';

/** How far back the month picker reaches without data: two years of history to type in. */
const MONTHS_BACK = 24;

/**
 * The months the picker offers, newest first: next month (to plan it), this month, the two years before,
 * and any older month that has data.
 */
export function monthChoices(thisMonth: Month, withData: readonly Month[]): Month[] {
  const choices = new Set<Month>([monthOf(monthBounds(thisMonth)[1])]);
  for (let month = thisMonth, n = 0; n <= MONTHS_BACK; month = previousMonth(month), n++) choices.add(month);
  for (const month of withData) choices.add(month);
  return [...choices].sort().reverse();
}
