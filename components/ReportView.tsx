import { domainForDisplay } from '@/lib/format/domain';
import { formatDate, numberFormat } from '@/lib/format/intl';
import { changeArrow, formatKpiValue } from '@/lib/format/kpi-value';
import { badgesOf } from '@/lib/format/labels';
import { monthInWords } from '@/lib/format/month';
import { formatLocaleNumber } from '@/lib/format/number';
import type { Translate, UiLocale } from '@/lib/i18n';
import { KPI_MESSAGES, type KpiMessageKey } from '@/lib/i18n/kpi';
import { PANELS_MESSAGES, type PanelsMessageKey } from '@/lib/i18n/panels';
import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import { REPORT_MESSAGES, type ReportMessageKey } from '@/lib/i18n/report';
import { targetStatus } from '@/lib/kpi';
import type { KpiUnit } from '@/lib/kpi/registry';
import type { MentionRow, ResponseOf } from '@/lib/messaging';
import { promotionReport } from '@/lib/promotion';
import type { LabelState, Project } from '@/lib/schema';
import { safeHref } from '@/lib/ui/safe-href';
import { seriesOf, type KpiHistory } from './HistoryPanel';
import { useLabelWords, type LabelWords } from './LabelWords';
import { useLocale, useMessages } from './Locale';
import { METRIC_WORD, SIDE_WORD, type ShownMetric } from './PromotionPanel';
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

/** What happened to a result: it is a new negative, new in the top-20, moved (+ up, − down) or dropped out. */
type Change = { kind: 'new-negative' } | { kind: 'new' } | { kind: 'moved'; moved: number } | { kind: 'dropped'; previousRank: number };

type ChangeRow = { query: string; engine: string; rank: number | null; title: string; url: string | null; change: Change; label: LabelState | null; order: number };

/** The month's notable top-20 movements: new negatives first, then drops, new entries and big moves. */
export function topChanges(drilldown: ReportData['drilldown']): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const list of drilldown.lists) {
    const where = { query: list.query, engine: list.engine };
    for (const entry of list.entries) {
      const base = { ...where, rank: entry.rank, title: entry.title || entry.url, url: entry.url, label: entry.label };
      if (entry.newNegative) rows.push({ ...base, change: { kind: 'new-negative' }, order: 0 });
      else if (list.previousObserved && entry.change === 'new') rows.push({ ...base, change: { kind: 'new' }, order: 2 });
      else if (typeof entry.change === 'object' && Math.abs(entry.change.moved) >= 3) {
        rows.push({ ...base, change: { kind: 'moved', moved: entry.change.moved }, order: 3 });
      }
    }
    for (const dropped of list.dropped) {
      const change: Change = { kind: 'dropped', previousRank: dropped.previousRank };
      rows.push({ ...where, rank: null, title: dropped.title || dropped.canonicalUrl, url: null, change, label: null, order: 1 });
    }
  }
  return rows.sort((a, b) => a.order - b.order || (a.rank ?? 99) - (b.rank ?? 99)).slice(0, MAX_CHANGES);
}

type ReportText = Translate<ReportMessageKey>;
type PanelsText = Translate<PanelsMessageKey>;

/** A change in words: "new negative", "up 4 places", "dropped out (was 2)". */
function changeText(change: Change, t: ReportText, panels: PanelsText): string {
  switch (change.kind) {
    case 'new-negative':
      return panels('newNegative');
    case 'new':
      return t('changeNewInTop');
    case 'moved':
      return panels(change.moved > 0 ? 'changeUp' : 'changeDown', { count: Math.abs(change.moved) });
    case 'dropped':
      return t('changeDropped', { rank: change.previousRank });
  }
}

const PROMOTION_COLUMNS: readonly { key: ShownMetric; share?: boolean }[] = [
  { key: 'spend' },
  { key: 'impressions' },
  { key: 'clicks' },
  { key: 'joins' },
  { key: 'conversions' },
  { key: 'sales' },
  { key: 'perThousandImpressions' },
  { key: 'perClick' },
  { key: 'perJoin' },
  { key: 'perConversion' },
  { key: 'perSale' },
  { key: 'ctr', share: true },
];

/** The report's table headings start with a capital where the dashboard's are lower case ("Spend", "Расход"). */
const capitalized = (text: string, locale: UiLocale) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** A KPI's change in the language: "▲ 2.5 pt", "▼ 3". */
function kpiChange(change: number, unit: KpiUnit, locale: UiLocale, popup: Translate<'percentPoints'>): string {
  const size =
    unit === 'share'
      ? popup('percentPoints', { points: Math.abs(Math.round(change * 1000) / 10) })
      : numberFormat(locale).format(Math.abs(change));
  return `${changeArrow(change)} ${size}`;
}

/** "marked negative", "suggested negative" and the client badges of a negative mention. */
function negativeText(row: MentionRow, t: ReportText, labels: LabelWords): string {
  const label = labels.sentiment('negative');
  const marked = row.item.mark?.sentiment === 'negative' ? t('negativeMarked', { label }) : t('negativeSuggested', { label });
  return [marked, ...badgesOf(row.item.flags).map(labels.badge)].join(' · ');
}

/**
 * The monthly report for the client: the same numbers as the popup, the history against plan, the top-20's
 * changes, notable negative mentions and the promotion figures, laid out to print (one section per page).
 */
export function ReportView({ data, onPrint }: { data: ReportData; onPrint: () => void }) {
  const { project, report } = data;
  const t = useMessages(REPORT_MESSAGES);
  const panels = useMessages(PANELS_MESSAGES);
  const popup = useMessages(POPUP_MESSAGES);
  const kpiText = useMessages(KPI_MESSAGES);
  const labels = useLabelWords();
  const locale = useLocale();
  const number = (value: number) => formatLocaleNumber(value, locale);
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const shownNumber = (value: number | null, share = false) => (value === null ? '—' : share ? percent.format(value) : number(value));
  const month = monthInWords(report.month, locale);
  const changes = topChanges(data.drilldown);
  const promotion = promotionReport(data.promotion.promotion.channels, data.promotion.budget);
  const negatives = data.negatives;
  return (
    <main class="report" data-testid="report">
      <header class="report-header">
        <p class="no-print">
          <button type="button" onClick={onPrint} data-testid="report-print">
            {t('print')}
          </button>
        </p>
        <h1>{t('heading', { project: project.name })}</h1>
        <p>
          {t('period')} <time dateTime={report.month}>{month}</time> ·{' '}
          {t('baselineMade', { baseline: monthInWords(project.baselineMonth, locale), date: formatDate(data.generatedAt, locale) })}
        </p>
        <p class="report-score" data-testid="kpi-score" data-value={report.score === null ? '' : String(report.score)}>
          {t('scoreLabel')} <strong>{report.score === null ? '—' : number(Math.round(report.score))}</strong> {t('scoreOutOf')}
        </p>
      </header>

      <section class="report-section">
        <h2>{t('kpisTitle')}</h2>
        <table class="report-kpis">
          <thead>
            <tr>
              <th scope="col">{t('colKpi')}</th>
              <th scope="col">{month}</th>
              <th scope="col">{t('colPlan')}</th>
              <th scope="col">{t('colOnPlan')}</th>
              <th scope="col">{t('colLastMonth')}</th>
              <th scope="col">{t('colChange')}</th>
              <th scope="col">{t('colCounted')}</th>
            </tr>
          </thead>
          <tbody>
            {report.kpis.map((kpi) => {
              const status = targetStatus(kpi);
              const value = (amount: number | null) => formatKpiValue(amount, kpi.unit, locale);
              return (
                <tr key={kpi.key} data-testid={`kpi-${kpi.key}`} data-value={kpi.value === null ? '' : String(kpi.value)}>
                  <th scope="row" title={kpiText(`${kpi.titleKey}Formula` as KpiMessageKey)}>
                    {kpiText(kpi.titleKey as KpiMessageKey)}
                  </th>
                  <td>{value(kpi.value)}</td>
                  <td>{value(kpi.target)}</td>
                  <td>{status === null ? '—' : status === 'met' ? `✓ ${panels('yes')}` : `✗ ${panels('no')}`}</td>
                  <td>{value(kpi.previous)}</td>
                  <td>{kpi.value === null || kpi.previous === null ? '—' : kpiChange(kpi.value - kpi.previous, kpi.unit, locale, popup)}</td>
                  <td>{`${number(kpi.counted)} (${number(kpi.confirmed)})`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p class="hint">{t('countedHint')}</p>
      </section>

      <section class="report-section">
        <h2>{t('historyTitle')}</h2>
        <div class="report-charts">
          {seriesOf(data.history).map((series) => (
            <TrendChart key={series.key} series={series} />
          ))}
        </div>
      </section>

      <section class="report-section" data-testid="report-changes">
        <h2>{t('changesTitle')}</h2>
        {changes.length === 0 ? (
          <p class="empty">{t('changesNone', { month: monthInWords(data.drilldown.previousMonth, locale) })}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colQuery')}</th>
                <th scope="col">{t('colEngine')}</th>
                <th scope="col">{t('colRank')}</th>
                <th scope="col">{t('colResult')}</th>
                <th scope="col">{t('colChange')}</th>
                <th scope="col">{t('colLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((row, index) => (
                <tr key={index} class={row.order === 0 ? 'new-negative' : undefined}>
                  <td>{row.query}</td>
                  <td>{row.engine}</td>
                  <td>{row.rank ?? '—'}</td>
                  <td>{row.url ? <a href={safeHref(row.url)}>{row.title}</a> : row.title}</td>
                  <td>{changeText(row.change, t, panels)}</td>
                  <td>{row.label === null ? '' : labels.label(row.label)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section class="report-section" data-testid="report-negatives">
        <h2>{t('negativesTitle')}</h2>
        {negatives.rows.length === 0 ? (
          <p class="empty">{t('negativesNone', { month })}</p>
        ) : (
          <>
            <p>
              {negatives.total > negatives.rows.length
                ? t('negativesSeenListed', { count: negatives.total, month, shown: negatives.rows.length })
                : t('negativesSeen', { count: negatives.total, month })}
            </p>
            <ol class="report-negatives">
              {negatives.rows.map((row) => (
                <li key={row.canonicalUrl}>
                  <a href={safeHref(row.url)}>{row.title || row.url}</a> <span class="domain">{domainForDisplay(row.domain)}</span> · {negativeText(row, t, labels)}
                  <p class="excerpt">{row.excerpt}</p>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section class="report-section" data-testid="report-promotion">
        <h2>{panels('promotionTitle')}</h2>
        {promotion.channels.length === 0 ? (
          <p class="empty">{t('promotionNone', { month })}</p>
        ) : (
          <>
            {promotion.budget.actual && (
              <p data-testid="report-budget">
                {promotion.budget.actual.overBy > 0
                  ? t('budgetOver', {
                      spend: number(promotion.budget.actual.spend),
                      budget: number(promotion.budget.actual.budget),
                      over: number(promotion.budget.actual.overBy),
                    })
                  : t('budgetLeft', {
                      spend: number(promotion.budget.actual.spend),
                      budget: number(promotion.budget.actual.budget),
                      remaining: number(promotion.budget.actual.remaining),
                    })}
              </p>
            )}
            <table class="report-promotion">
              <thead>
                <tr>
                  <th scope="col">{capitalized(panels('colChannel'), locale)}</th>
                  <th scope="col" />
                  {PROMOTION_COLUMNS.map((column) => (
                    <th key={column.key} scope="col">
                      {capitalized(panels(METRIC_WORD[column.key]), locale)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...promotion.channels, { name: capitalized(panels('total'), locale), metrics: promotion.total }].flatMap((channel) =>
                  (['actual', 'plan'] as const).map((side) => (
                    <tr key={`${channel.name}-${side}`}>
                      {side === 'actual' && (
                        <th scope="rowgroup" rowSpan={2}>
                          {channel.name}
                        </th>
                      )}
                      <td>{panels(SIDE_WORD[side])}</td>
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
