import type { Month, MonthCounts, Project } from '../schema';
import { monthsFrom, previousMonth } from '../schema/month';
import type { PortalActivity } from './portals';
import { KPIS, labelTotals, ratio, targetIn, type KpiDirection, type KpiKey, type KpiMeasure, type KpiUnit } from './registry';

export { previousMonth } from '../schema/month';
export { KPIS, KPI_KEYS, TARGETED_KPIS, targetIn, type KpiDefinition, type KpiDirection, type KpiKey, type KpiUnit } from './registry';

export interface KpiValue extends KpiMeasure {
  key: KpiKey;
  titleKey: string;
  title: string;
  formula: string;
  unit: KpiUnit;
  direction: KpiDirection;
  target: number | null;
  previous: number | null;
  /** The same KPI per search engine, where it is computed from search results. */
  byEngine?: { engine: string; value: number | null; counted: number }[];
}

/** One month's KPIs and score. */
export interface MonthReport {
  month: Month;
  score: number | null;
  kpis: KpiValue[];
}

/** One month of a KPI trend line: the score and every KPI's value. */
export interface MonthSummary {
  month: Month;
  score: number | null;
  values: Record<KpiKey, number | null>;
}

/** The popup's report: the month's KPIs, the months before it for the sparklines, the project's count of marks. */
export interface KpiReport extends MonthReport {
  markedCount: number;
  /** Up to SPARKLINE_MONTHS months through this one, oldest first, from the baseline month at the earliest. */
  recent: MonthSummary[];
}

export const SPARKLINE_MONTHS = 12;

export function summaryOf(report: MonthReport): MonthSummary {
  return {
    month: report.month,
    score: report.score,
    values: Object.fromEntries(report.kpis.map((kpi) => [kpi.key, kpi.value])) as Record<KpiKey, number | null>,
  };
}

/** min(1, actual/target), or for lower-is-better min(1, target/actual) with 1 when actual is 0 (METHODOLOGY.md). */
export function attainment(value: number, target: number, direction: KpiDirection): number {
  if (direction === 'lower-is-better') return value === 0 ? 1 : Math.min(1, target / value);
  return target === 0 ? 1 : Math.min(1, value / target);
}

export function reputationScore(kpis: readonly KpiValue[]): number | null {
  const scored = kpis.filter(
    (kpi): kpi is KpiValue & { value: number; target: number } => kpi.value !== null && kpi.target !== null,
  );
  if (scored.length === 0) return null;
  const mean = scored.reduce((sum, kpi) => sum + attainment(kpi.value, kpi.target, kpi.direction), 0) / scored.length;
  return Math.round(mean * 1000) / 10;
}

export function computeKpiReport(input: {
  project: Project;
  month: Month;
  current: MonthCounts | undefined;
  previous: MonthCounts | undefined;
  portals: readonly PortalActivity[];
}): MonthReport {
  const { project, month, portals } = input;
  const previousCounters = { aggregate: input.previous, portals, month: previousMonth(month), project };
  const kpis: KpiValue[] = KPIS.map(({ measure, target, ...definition }) => ({
    ...definition,
    ...measure({ aggregate: input.current, portals, month, project }),
    target: targetIn(project, target, month),
    previous: measure(previousCounters).value,
  }));
  const positivity = kpis.find((kpi) => kpi.key === 'serp-positivity');
  if (positivity && input.current) {
    positivity.byEngine = Object.entries(input.current.top20ByEngine)
      .map(([engine, counts]) => {
        const totals = labelTotals(counts, project.suggestionsCountInKpis);
        return { engine, value: ratio(totals.positive, totals.total), counted: totals.total };
      })
      .filter((entry) => entry.counted > 0)
      .sort((a, b) => a.engine.localeCompare(b.engine));
  }
  return { month, score: reputationScore(kpis), kpis };
}

export type TargetStatus = 'met' | 'missed' | null;

/** Whether a value meets its target in the KPI's direction; null when either is missing. */
export function targetStatus(kpi: Pick<KpiValue, 'value' | 'target' | 'direction'>): TargetStatus {
  if (kpi.value === null || kpi.target === null) return null;
  const met = kpi.direction === 'lower-is-better' ? kpi.value <= kpi.target : kpi.value >= kpi.target;
  return met ? 'met' : 'missed';
}

/**
 * Every month's report, oldest first, from the earliest of the baseline month and the first stored month
 * through `through`: a month without observations is there, with no values, so the history has no gaps.
 */
export function computeKpiHistory(input: {
  project: Project;
  through: Month;
  aggregates: readonly MonthCounts[];
  portals: readonly PortalActivity[];
  /** No month before this one (the popup's sparklines show a year). */
  notBefore?: Month;
}): MonthReport[] {
  const byMonth = new Map(input.aggregates.map((aggregate) => [aggregate.month, aggregate]));
  const earliest = [input.project.baselineMonth, input.through, ...byMonth.keys()].reduce((a, b) => (a < b ? a : b));
  const first = input.notBefore && input.notBefore > earliest ? input.notBefore : earliest;
  return monthsFrom(first, input.through).map((month) =>
    computeKpiReport({
      project: input.project,
      month,
      current: byMonth.get(month),
      previous: byMonth.get(previousMonth(month)),
      portals: input.portals,
    }),
  );
}
