import { formatKpiChange, formatKpiValue } from '@/lib/format/kpi-value';
import { badgesOf, BADGE_TEXT, labelText } from '@/lib/format/labels';
import { monthInWords } from '@/lib/format/month';
import { formatLocaleNumber } from '@/lib/format/number';
import { targetStatus } from '@/lib/kpi';
import type { MentionRow, ResponseOf } from '@/lib/messaging';
import { promotionReport, type MetricKey } from '@/lib/promotion';
import type { Project } from '@/lib/schema';
import { safeHref } from '@/lib/ui/safe-href';
import { seriesOf, type KpiHistory } from './HistoryPanel';
import { TrendChart } from './TrendChart';

export interface ReportData {
  project: Project;
  report: NonNullable<ResponseOf<'kpi.get'>['report']>;
  history: KpiHistory;
  drilldown: ResponseOf<'drilldown.get'>;
  negatives: { rows: MentionRow[]; total: number };
  promotion: ResponseOf<'promotion.get'>;
  generatedAt: number;
}

/** At most this many rows of top-20 changes: the report is read by the client, not searched. */
const MAX_CHANGES = 25;

type ChangeRow = { query: string; engine: string; rank: number | null; title: string; url: string | null; what: string; label: string; order: number };

/** The month's notable top-20 movements: new negatives first, then drops, new entries and big moves. */
export function topChanges(drilldown: ReportData['drilldown']): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const list of drilldown.lists) {
    const where = { query: list.query, engine: list.engine };
    for (const entry of list.entries) {
      const base = { ...where, rank: entry.rank, title: entry.title || entry.url, url: entry.url, label: labelText(entry.label) };
      if (entry.newNegative) rows.push({ ...base, what: 'new negative', order: 0 });
      else if (list.previousObserved && entry.change === 'new') rows.push({ ...base, what: 'new in the top-20', order: 2 });
      else if (typeof entry.change === 'object' && Math.abs(entry.change.moved) >= 3) {
        rows.push({ ...base, what: `${entry.change.moved > 0 ? 'up' : 'down'} ${Math.abs(entry.change.moved)} places`, order: 3 });
      }
    }
    for (const dropped of list.dropped) {
      rows.push({ ...where, rank: null, title: dropped.title || dropped.canonicalUrl, url: null, what: `dropped out (was ${dropped.previousRank})`, label: '', order: 1 });
    }
  }
  return rows.sort((a, b) => a.order - b.order || (a.rank ?? 99) - (b.rank ?? 99)).slice(0, MAX_CHANGES);
}

const PROMOTION_COLUMNS: readonly { key: MetricKey; label: string; share?: boolean }[] = [
  { key: 'spend', label: 'Spend' },
  { key: 'impressions', label: 'Impressions' },
  { key: 'clicks', label: 'Clicks' },
  { key: 'joins', label: 'Joins' },
  { key: 'conversions', label: 'Conversions' },
  { key: 'sales', label: 'Sales' },
  { key: 'perThousandImpressions', label: 'CPM' },
  { key: 'perClick', label: 'Per click' },
  { key: 'perJoin', label: 'Per join' },
  { key: 'perConversion', label: 'Per conversion' },
  { key: 'perSale', label: 'Per sale' },
  { key: 'ctr', label: 'CTR', share: true },
];

const shownNumber = (value: number | null, share = false) =>
  value === null ? '—' : share ? `${Math.round(value * 1000) / 10}%` : formatLocaleNumber(value);

/**
 * The monthly report for the client: the same numbers as the popup, the history against plan, the top-20's
 * changes, notable negative mentions and the promotion figures, laid out to print (one section per page).
 */
export function ReportView({ data, onPrint }: { data: ReportData; onPrint: () => void }) {
  const { project, report } = data;
  const month = monthInWords(report.month);
  const changes = topChanges(data.drilldown);
  const promotion = promotionReport(data.promotion.promotion.channels, data.promotion.budget);
  return (
    <main class="report" data-testid="report">
      <header class="report-header">
        <p class="no-print">
          <button type="button" onClick={onPrint} data-testid="report-print">
            Print or save as PDF
          </button>
        </p>
        <h1>{project.name}: reputation report</h1>
        <p>
          Period: <time dateTime={report.month}>{month}</time> · baseline month {monthInWords(project.baselineMonth)} · made{' '}
          {new Date(data.generatedAt).toLocaleDateString()}
        </p>
        <p class="report-score" data-testid="kpi-score" data-value={report.score === null ? '' : String(report.score)}>
          Reputation score: <strong>{report.score === null ? '—' : Math.round(report.score)}</strong> of 100
        </p>
      </header>

      <section class="report-section">
        <h2>KPIs against plan and last month</h2>
        <table class="report-kpis">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">{month}</th>
              <th scope="col">Plan</th>
              <th scope="col">On plan</th>
              <th scope="col">Last month</th>
              <th scope="col">Change</th>
              <th scope="col">Counted (confirmed)</th>
            </tr>
          </thead>
          <tbody>
            {report.kpis.map((kpi) => {
              const status = targetStatus(kpi);
              return (
                <tr key={kpi.key} data-testid={`kpi-${kpi.key}`} data-value={kpi.value === null ? '' : String(kpi.value)}>
                  <th scope="row" title={kpi.formula}>
                    {kpi.title}
                  </th>
                  <td>{formatKpiValue(kpi.value, kpi.unit)}</td>
                  <td>{formatKpiValue(kpi.target, kpi.unit)}</td>
                  <td>{status === null ? '—' : status === 'met' ? '✓ yes' : '✗ no'}</td>
                  <td>{formatKpiValue(kpi.previous, kpi.unit)}</td>
                  <td>{kpi.value === null || kpi.previous === null ? '—' : formatKpiChange(kpi.value - kpi.previous, kpi.unit)}</td>
                  <td>
                    {kpi.counted} ({kpi.confirmed})
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p class="hint">Counted items include suggested labels where the project lets them count; the figure in brackets is what was marked by hand.</p>
      </section>

      <section class="report-section">
        <h2>Month by month from the baseline</h2>
        <div class="report-charts">
          {seriesOf(data.history).map((series) => (
            <TrendChart key={series.key} series={series} />
          ))}
        </div>
      </section>

      <section class="report-section" data-testid="report-changes">
        <h2>Top changes in the top-20</h2>
        {changes.length === 0 ? (
          <p class="empty">No new negatives, drops or big moves against {monthInWords(data.drilldown.previousMonth)}.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Query</th>
                <th scope="col">Engine</th>
                <th scope="col">Rank</th>
                <th scope="col">Result</th>
                <th scope="col">Change</th>
                <th scope="col">Label</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((row, index) => (
                <tr key={index} class={row.order === 0 ? 'new-negative' : undefined}>
                  <td>{row.query}</td>
                  <td>{row.engine}</td>
                  <td>{row.rank ?? '—'}</td>
                  <td>{row.url ? <a href={safeHref(row.url)}>{row.title}</a> : row.title}</td>
                  <td>{row.what}</td>
                  <td>{row.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="report-section" data-testid="report-negatives">
        <h2>Notable negative mentions</h2>
        {data.negatives.rows.length === 0 ? (
          <p class="empty">No negative mention was seen in {month}.</p>
        ) : (
          <>
            <p>
              {data.negatives.total} negative {data.negatives.total === 1 ? 'mention' : 'mentions'} seen in {month}
              {data.negatives.total > data.negatives.rows.length ? `; the ${data.negatives.rows.length} seen last are listed` : ''}.
            </p>
            <ol class="report-negatives">
              {data.negatives.rows.map((row) => (
                <li key={row.canonicalUrl}>
                  <a href={safeHref(row.url)}>{row.title || row.url}</a> <span class="domain">{row.domain}</span> ·{' '}
                  {row.item.mark?.sentiment === 'negative' ? 'marked negative' : 'suggested negative'}
                  {badgesOf(row.item.flags).map((flag) => ` · ${BADGE_TEXT[flag]}`)}
                  <p class="excerpt">{row.excerpt}</p>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section class="report-section" data-testid="report-promotion">
        <h2>Social promotion</h2>
        {promotion.channels.length === 0 ? (
          <p class="empty">No promotion figures were entered for {month}.</p>
        ) : (
          <>
            {promotion.budget.actual && (
              <p data-testid="report-budget">
                Spend {formatLocaleNumber(promotion.budget.actual.spend)} of the monthly budget {formatLocaleNumber(promotion.budget.actual.budget)}
                {promotion.budget.actual.overBy > 0
                  ? `: over budget by ${formatLocaleNumber(promotion.budget.actual.overBy)}`
                  : `: ${formatLocaleNumber(promotion.budget.actual.remaining)} left`}
                .
              </p>
            )}
            <table class="report-promotion">
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col" />
                  {PROMOTION_COLUMNS.map((column) => (
                    <th key={column.key} scope="col">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...promotion.channels, { name: 'Total', metrics: promotion.total }].flatMap((channel) =>
                  (['actual', 'plan'] as const).map((side) => (
                    <tr key={`${channel.name}-${side}`}>
                      {side === 'actual' && (
                        <th scope="rowgroup" rowSpan={2}>
                          {channel.name}
                        </th>
                      )}
                      <td>{side}</td>
                      {PROMOTION_COLUMNS.map((column) => (
                        <td key={column.key}>{shownNumber(channel.metrics[column.key][side], column.share)}</td>
                      ))}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </>
        )}
      </section>
    </main>
  );
}
