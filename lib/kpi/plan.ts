import type { Month } from '../schema';

/**
 * A linear ramp of planned values, one per month, from the baseline's value to the goal (METHODOLOGY.md:
 * steady progress from the baseline, not a spike). Counts are rounded to whole numbers, shares to 0.1 pt.
 */
export function rampPlan(months: readonly Month[], start: number, goal: number, unit: 'share' | 'count'): Record<Month, number> {
  const plan: Record<Month, number> = {};
  const steps = months.length - 1;
  months.forEach((month, index) => {
    const value = steps === 0 ? goal : start + ((goal - start) * index) / steps;
    plan[month] = unit === 'count' ? Math.round(value) : Math.round(value * 1000) / 1000;
  });
  return plan;
}
