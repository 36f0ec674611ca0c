import { useState } from 'preact/hooks';
import { linePath, ticks, valueRange, xOf, yOf, type Plot } from '@/lib/chart/scale';
import { formatKpiValue } from '@/lib/format/kpi-value';
import { monthInWords, monthShort } from '@/lib/format/month';
import { targetStatus } from '@/lib/kpi';
import type { KpiDirection, KpiUnit } from '@/lib/kpi/registry';

export interface TrendSeries {
  key: string;
  title: string;
  formula: string;
  unit: KpiUnit;
  direction: KpiDirection;
  months: readonly string[];
  values: readonly (number | null)[];
  /** The target of each month (the plan where one was typed in). */
  targets: readonly (number | null)[];
}

const WIDTH = 520;
const HEIGHT = 160;
const MARGIN = { top: 10, right: 12, bottom: 26, left: 46 };
/** At most this many month labels on the axis, so they never overlap. */
const MAX_MONTH_LABELS = 12;

/**
 * One KPI month by month against its target line: an SVG with axes and labels, and the same numbers as a
 * table (always there for screen readers, shown on request and in print).
 */
export function TrendChart({ series }: { series: TrendSeries }) {
  const [tableShown, setTableShown] = useState(false);
  const plot: Plot = {
    width: WIDTH - MARGIN.left - MARGIN.right,
    height: HEIGHT - MARGIN.top - MARGIN.bottom,
    range: valueRange([...series.values, ...series.targets], series.unit),
    slots: series.months.length,
  };
  const labelEvery = Math.ceil(series.months.length / MAX_MONTH_LABELS);
  const first = series.months[0];
  const last = series.months.at(-1);
  const summary = first && last ? `${series.title} from ${monthInWords(first)} to ${monthInWords(last)}` : series.title;
  return (
    <figure class="trend-chart" data-testid={`trend-${series.key}`}>
      <figcaption>
        <strong>{series.title}</strong> <span class="legend">— value · - - target{series.direction === 'lower-is-better' ? ' (lower is better)' : ''}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`${summary}; the table below has the numbers`}>
        <title>{series.formula}</title>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {ticks(plot.range, 4, series.unit).map((tick) => (
            <g key={tick} class="tick">
              <line x1={0} x2={plot.width} y1={yOf(plot, tick)} y2={yOf(plot, tick)} stroke="#e0e0e0" />
              <text x={-6} y={yOf(plot, tick)} text-anchor="end" dominant-baseline="middle" font-size="10">
                {formatKpiValue(tick, series.unit)}
              </text>
            </g>
          ))}
          <line x1={0} x2={0} y1={0} y2={plot.height} stroke="#5f6368" />
          <line x1={0} x2={plot.width} y1={plot.height} y2={plot.height} stroke="#5f6368" />
          {series.months.map((month, index) =>
            index % labelEvery === 0 ? (
              <text key={month} x={xOf(plot, index)} y={plot.height + 16} text-anchor="middle" font-size="10">
                {monthShort(month)}
              </text>
            ) : null,
          )}
          <path class="target-line" d={linePath(plot, series.targets)} fill="none" stroke="#5f6368" stroke-dasharray="4 3" />
          <path class="value-line" d={linePath(plot, series.values)} fill="none" stroke="#1a73e8" stroke-width="2" />
          {series.values.map((value, index) =>
            value === null ? null : <circle key={series.months[index]} cx={xOf(plot, index)} cy={yOf(plot, value)} r={3} fill="#1a73e8" />,
          )}
        </g>
      </svg>
      <button type="button" class="link" aria-expanded={tableShown} onClick={() => setTableShown(!tableShown)}>
        {tableShown ? 'Hide the table' : 'Show as a table'}
      </button>
      <table class={tableShown ? 'trend-table' : 'trend-table visually-hidden'}>
        <caption>{summary}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Value</th>
            <th scope="col">Target</th>
            <th scope="col">On target</th>
          </tr>
        </thead>
        <tbody>
          {series.months.map((month, index) => {
            const value = series.values[index] ?? null;
            const target = series.targets[index] ?? null;
            const status = targetStatus({ value, target, direction: series.direction });
            return (
              <tr key={month} data-month={month} data-value={value ?? ''}>
                <th scope="row">{monthInWords(month)}</th>
                <td>{formatKpiValue(value, series.unit)}</td>
                <td>{formatKpiValue(target, series.unit)}</td>
                <td>{status === null ? '—' : status === 'met' ? '✓ yes' : '✗ no'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
