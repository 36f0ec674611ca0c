import { monthInWords } from '@/lib/format/month';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import type { ResponseOf } from '@/lib/messaging';
import type { Month, Plan, Project } from '@/lib/schema';
import { useLocale, useMessages } from './Locale';
import { PlanEditor } from './PlanEditor';
import { SCORE_TITLE, TrendChart, type TrendSeries } from './TrendChart';

export type KpiHistory = ResponseOf<'kpi.history'>;

/** The months of a history as one series per KPI, each against the target of every month. */
export function seriesOf(history: KpiHistory): TrendSeries[] {
  const months = history.months.map((report) => report.month);
  const first = history.months[0];
  if (!first) return [];
  const score: TrendSeries = {
    key: 'score',
    titleKey: SCORE_TITLE,
    unit: 'count',
    direction: 'higher-is-better',
    months,
    values: history.months.map((report) => report.score),
    targets: months.map(() => 100),
  };
  return [
    score,
    ...first.kpis.map((kpi, index) => ({
      key: kpi.key,
      titleKey: kpi.titleKey,
      unit: kpi.unit,
      direction: kpi.direction,
      months,
      values: history.months.map((report) => report.kpis[index]?.value ?? null),
      targets: history.months.map((report) => report.kpis[index]?.target ?? null),
    })),
  ];
}

/** The project's KPIs month by month from its baseline month, each against its plan, and the plan itself. */
export function HistoryPanel(props: {
  history: KpiHistory | null;
  project: Project | null;
  saving: boolean;
  onSavePlan: (baselineMonth: Month, plan: Plan) => void;
}) {
  const { history, project } = props;
  const t = useMessages(DASHBOARD_MESSAGES);
  const locale = useLocale();
  return (
    <section class="history" data-testid="history-panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('historyTitle')}</h2>
      {!project || !history ? (
        <p class="empty">{t('historyEmpty')}</p>
      ) : (
        <>
          <p class="hint">{t('historyHint', { month: monthInWords(history.baselineMonth, locale) })}</p>
          <div class="trend-charts">
            {seriesOf(history).map((series) => (
              <TrendChart key={series.key} series={series} />
            ))}
          </div>
          <PlanEditor project={project} saving={props.saving} onSave={props.onSavePlan} />
        </>
      )}
    </section>
  );
}
