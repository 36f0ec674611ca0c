/**
 * The arithmetic of the extension's small SVG charts (history lines, sparklines), kept apart from the
 * components so it is tested without a DOM: value ranges, "nice" axis ticks, and paths with gaps.
 */

export interface Range {
  min: number;
  max: number;
}

/** The range the axis shows: the data and the targets, from 0, with headroom; shares never beyond 0..1. */
export function valueRange(values: readonly (number | null)[], unit: 'share' | 'count'): Range {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (unit === 'share') return { min: 0, max: 1 };
  const max = Math.max(1, ...known);
  return { min: 0, max: niceCeiling(max) };
}

/** The smallest 1, 2 or 5 times a power of ten at or above `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Evenly spaced axis ticks from min to max, at most `count` + 1 of them, whole numbers for counts. */
export function ticks(range: Range, count: number, unit: 'share' | 'count'): number[] {
  const step = unit === 'count' ? Math.max(1, Math.ceil((range.max - range.min) / count)) : (range.max - range.min) / count;
  const values: number[] = [];
  for (let value = range.min; value <= range.max + step / 1000; value += step) values.push(Math.round(value * 1000) / 1000);
  return values;
}

export interface Plot {
  width: number;
  height: number;
  range: Range;
  /** How many x positions (months) the chart has. */
  slots: number;
}

export function xOf(plot: Plot, index: number): number {
  return plot.slots <= 1 ? plot.width / 2 : (index / (plot.slots - 1)) * plot.width;
}

export function yOf(plot: Plot, value: number): number {
  const span = plot.range.max - plot.range.min || 1;
  const clamped = Math.min(plot.range.max, Math.max(plot.range.min, value));
  return plot.height - ((clamped - plot.range.min) / span) * plot.height;
}

/** An SVG path through the known values; a month without a value breaks the line rather than faking one. */
export function linePath(plot: Plot, values: readonly (number | null)[]): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    const point = `${round(xOf(plot, index))},${round(yOf(plot, value))}`;
    path += drawing ? ` L${point}` : `${path ? ' ' : ''}M${point}`;
    drawing = true;
  });
  return path;
}

const round = (value: number) => Math.round(value * 10) / 10;
