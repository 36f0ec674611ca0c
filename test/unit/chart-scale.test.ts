import { describe, expect, it } from 'vitest';
import { linePath, niceCeiling, ticks, valueRange, yOf } from '@/lib/chart/scale';

describe('chart scales', () => {
  it('shows shares on 0..1 and counts from 0 to a round ceiling', () => {
    expect(valueRange([0.2, null, 0.9], 'share')).toEqual({ min: 0, max: 1 });
    expect(valueRange([3, 17, null], 'count')).toEqual({ min: 0, max: 20 });
    expect(valueRange([], 'count')).toEqual({ min: 0, max: 1 });
    expect([niceCeiling(0), niceCeiling(7), niceCeiling(21), niceCeiling(480)]).toEqual([1, 10, 50, 500]);
  });

  it('gives whole ticks for counts and even ones for shares', () => {
    expect(ticks({ min: 0, max: 1 }, 4, 'share')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks({ min: 0, max: 20 }, 4, 'count')).toEqual([0, 5, 10, 15, 20]);
    expect(ticks({ min: 0, max: 2 }, 4, 'count')).toEqual([0, 1, 2]);
  });

  it('breaks the line at a month without data and keeps values inside the plot', () => {
    const plot = { width: 100, height: 50, range: { min: 0, max: 1 }, slots: 5 };
    expect(linePath(plot, [0, 0.5, null, 1, 1])).toBe('M0,50 L25,25 M75,0 L100,0');
    expect(linePath(plot, [null, null, null, null, null])).toBe('');
    expect(yOf(plot, 3)).toBe(0);
  });
});
