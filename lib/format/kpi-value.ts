import type { KpiUnit } from '../kpi/registry';
import { numberFormat } from './intl';

/**
 * A KPI value as the popup, the charts and the report show it: a share as a percentage, a count as a number; in
 * the given language's digits and signs ("42.5%", "42,5 %"), or in the fixed form files use when none is given.
 */
export function formatKpiValue(value: number | null, unit: KpiUnit, locale?: string): string {
  if (value === null) return '—';
  if (locale !== undefined) return numberFormat(locale, unit === 'share' ? { style: 'percent', maximumFractionDigits: 1 } : {}).format(value);
  return unit === 'share' ? `${Math.round(value * 1000) / 10}%` : String(value);
}

/** A change between two values of a KPI: percentage points for shares. */
export function formatKpiChange(change: number, unit: KpiUnit): string {
  const size = unit === 'share' ? `${Math.abs(Math.round(change * 1000) / 10)} pt` : String(Math.abs(change));
  return `${changeArrow(change)} ${size}`;
}

export const changeArrow = (change: number): string => (change > 0 ? '▲' : change < 0 ? '▼' : '=');
