import { useState } from 'preact/hooks';
import { linePath, ticks, valueRange, xOf, yOf, type Plot } from '@/lib/chart/scale';
import { formatKpiValue } from '@/lib/format/kpi-value';
import { monthInWords, monthShort } from '@/lib/format/month';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { KPI_MESSAGES, type KpiMessageKey } from '@/lib/i18n/kpi';
import { targetStatus } from '@/lib/kpi';
import type { KpiDirection, KpiUnit } from '@/lib/kpi/registry';
import { useLocale, useMessages } from './Locale';

/** The title key of the reputation score's series; every other series is a KPI's, titled by its KPI_MESSAGES key. */
export const SCORE_TITLE = 'score';

export interface TrendSeries {
  key: string;
  /** The KPI's title key in KPI_MESSAGES (its formula is the key + "Formula"), or SCORE_TITLE. */
  titleKey: string;
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
  const t = useMessages(DASHBOARD_MESSAGES);
  const kpiText = useMessages(KPI_MESSAGES);
  const locale = useLocale();
  const [tableShown, setTableShown] = useState(false);
  const score = series.titleKey === SCORE_TITLE;
  const title = score ? t('reputationScore') : kpiText(series.titleKey as KpiMessageKey);
  const formula = score ? t('scoreFormula') : kpiText(`${series.titleKey}Formula` as KpiMessageKey);
  const value = (amount: number | null) => formatKpiValue(amount, series.unit, locale);
  const plot: Plot = {
    width: WIDTH - MARGIN.left - MARGIN.right,
    height: HEIGHT - MARGIN.top - MARGIN.bottom,
    range: valueRange([...series.values, ...series.targets], series.unit),
    slots: series.months.length,
  };
  const labelEvery = Math.ceil(series.months.length / MAX_MONTH_LABELS);
  const first = series.months[0];
  const last = series.months.at(-1);
  const summary = first && last ? t('chartSummary', { title, first: monthInWords(first, locale), last: monthInWords(last, locale) }) : title;
  return (
    <figure class="trend-chart" data-testid={`trend-${series.key}`}>
      <figcaption>
        <strong>{title}</strong> <span class="legend">{t(series.direction === 'lower-is-better' ? 'chartLegendLowerIsBetter' : 'chartLegend')}</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={t('chartLabel', { summary })}>
        <title>{formula}</title>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {ticks(plot.range, 4, series.unit).map((tick) => (
            <g key={tick} class="tick">
              <line x1={0} x2={plot.width} y1={yOf(plot, tick)} y2={yOf(plot, tick)} stroke="#e0e0e0" />
              <text x={-6} y={yOf(plot, tick)} text-anchor="end" dominant-baseline="middle" font-size="10">
                {value(tick)}
              </text>
            </g>
          ))}
          <line x1={0} x2={0} y1={0} y2={plot.height} stroke="#5f6368" />
          <line x1={0} x2={plot.width} y1={plot.height} y2={plot.height} stroke="#5f6368" />
          {series.months.map((month, index) =>
            index % labelEvery === 0 ? (
              <text key={month} x={xOf(plot, index)} y={plot.height + 16} text-anchor="middle" font-size="10">
                {monthShort(month, locale)}
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
        {tableShown ? t('hideTable') : t('showTable')}
      </button>
      <table class={tableShown ? 'trend-table' : 'trend-table visually-hidden'}>
        <caption>{summary}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnMonth')}</th>
            <th scope="col">{t('columnValue')}</th>
            <th scope="col">{t('columnTarget')}</th>
            <th scope="col">{t('columnOnTarget')}</th>
          </tr>
        </thead>
        <tbody>
          {series.months.map((month, index) => {
            const actual = series.values[index] ?? null;
            const target = series.targets[index] ?? null;
            const status = targetStatus({ value: actual, target, direction: series.direction });
            return (
              <tr key={month} data-month={month} data-value={actual ?? ''}>
                <th scope="row">{monthInWords(month, locale)}</th>
                <td>{value(actual)}</td>
                <td>{value(target)}</td>
                <td>{status === null ? '—' : status === 'met' ? t('onTargetYes') : t('onTargetNo')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
