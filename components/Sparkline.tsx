import { linePath, valueRange, type Plot } from '@/lib/chart/scale';
import { formatKpiValue } from '@/lib/format/kpi-value';
import type { KpiUnit } from '@/lib/kpi/registry';

const WIDTH = 72;
const HEIGHT = 18;

/** A KPI's last months as a small line, described in words for screen readers (first and last known value). */
export function Sparkline(props: { values: readonly (number | null)[]; unit: KpiUnit; label: string }) {
  const known = props.values.filter((value): value is number => value !== null);
  if (known.length < 2) return null;
  const plot: Plot = { width: WIDTH, height: HEIGHT, range: valueRange(props.values, props.unit), slots: props.values.length };
  const description = `${props.label}, last ${props.values.length} months: from ${formatKpiValue(known[0]!, props.unit)} to ${formatKpiValue(known.at(-1)!, props.unit)}`;
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT + 2} viewBox={`0 -1 ${WIDTH} ${HEIGHT + 2}`} role="img" aria-label={description}>
      <title>{description}</title>
      <path d={linePath(plot, props.values)} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
