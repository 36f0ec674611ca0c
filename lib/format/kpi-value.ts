import type { KpiUnit } from '../kpi/registry';

/** A KPI value as the popup, the charts and the report show it: a share as a percentage, a count as a number. */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '—';
  return unit === 'share' ? `${Math.round(value * 1000) / 10}%` : String(value);
}

/** A change between two values of a KPI: percentage points for shares. */
export function formatKpiChange(change: number, unit: KpiUnit): string {
  const size = unit === 'share' ? `${Math.abs(Math.round(change * 1000) / 10)} pt` : String(Math.abs(change));
  return `${change > 0 ? '▲' : change < 0 ? '▼' : '='} ${size}`;
}
