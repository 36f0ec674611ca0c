import { previousMonth, type Aggregate, type LabelCounts, type Month, type Project } from '../schema';
import { portalCoverage, type PortalActivity } from './portals';

export { previousMonth } from '../schema';

/** Stable KPI keys: they are the popup's data-testid contract (DESIGN.md section 5). */
export const KPI_KEYS = [
  'serp-positivity',
  'third-party-recommend',
  'portal-coverage',
  'forum-positive',
  'forum-negative',
  'negative-top10',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type KpiUnit = 'share' | 'count';
export type KpiDirection = 'higher-is-better' | 'lower-is-better';

export interface KpiValue {
  key: KpiKey;
  title: string;
  formula: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** null when there is no data for the period. */
  value: number | null;
  target: number | null;
  previous: number | null;
  /** How many items the value is computed over, and how many of them the user confirmed. */
  counted: number;
  confirmed: number;
  /** The same KPI per search engine, where it is computed from search results. */
  byEngine?: { engine: string; value: number | null; counted: number }[];
}

export interface KpiReport {
  month: Month;
  score: number | null;
  kpis: KpiValue[];
  markedCount: number;
}

interface LabelTotals {
  positive: number;
  neutral: number;
  negative: number;
  confirmed: number;
  total: number;
}

/** Folds label counts into sentiment totals; suggestions count only when the project says they do. */
export function labelTotals(counts: LabelCounts, suggestionsCount: boolean): LabelTotals {
  const pick = (sentiment: 'positive' | 'neutral' | 'negative') =>
    counts[`marked:${sentiment}`] + (suggestionsCount ? counts[`suggested:${sentiment}`] : 0);
  const positive = pick('positive');
  const neutral = pick('neutral');
  const negative = pick('negative');
  const confirmed = counts['marked:positive'] + counts['marked:neutral'] + counts['marked:negative'];
  return { positive, neutral, negative, confirmed, total: positive + neutral + negative };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function markedSlots(counts: LabelCounts): number {
  return counts['marked:positive'] + counts['marked:neutral'] + counts['marked:negative'] + counts['marked:irrelevant'];
}

function totalSlots(counts: LabelCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

interface MonthValues {
  values: Record<KpiKey, number | null>;
  counted: Record<KpiKey, number>;
  confirmed: Record<KpiKey, number>;
}

function valuesForMonth(
  aggregate: Aggregate | undefined,
  portals: readonly PortalActivity[],
  month: Month,
  project: Pick<Project, 'suggestionsCountInKpis' | 'clientDomains'>,
): MonthValues {
  const suggestionsCount = project.suggestionsCountInKpis;
  const top20 = aggregate ? labelTotals(aggregate.top20, suggestionsCount) : null;
  const top10 = aggregate ? labelTotals(aggregate.top10, suggestionsCount) : null;
  const forum = aggregate ? labelTotals(aggregate.forum, suggestionsCount) : null;
  const slots = aggregate ? totalSlots(aggregate.top20) : 0;
  const recommends = aggregate
    ? aggregate.thirdPartyRecommends.marked + (suggestionsCount ? aggregate.thirdPartyRecommends.suggested : 0)
    : 0;
  const coverage = portalCoverage(portals, month, project.clientDomains);
  const negativeTop10 = top10 && totalSlots(aggregate!.top10) > 0 ? top10.negative : null;
  return {
    values: {
      'serp-positivity': top20 ? ratio(top20.positive, top20.total) : null,
      'third-party-recommend': ratio(recommends, slots),
      'portal-coverage': coverage.known > 0 ? coverage.covered : null,
      'forum-positive': forum ? ratio(forum.positive, forum.total) : null,
      'forum-negative': forum ? ratio(forum.negative, forum.total) : null,
      'negative-top10': negativeTop10,
    },
    counted: {
      'serp-positivity': top20?.total ?? 0,
      'third-party-recommend': slots,
      'portal-coverage': coverage.known,
      'forum-positive': forum?.total ?? 0,
      'forum-negative': forum?.total ?? 0,
      'negative-top10': top10?.total ?? 0,
    },
    confirmed: {
      'serp-positivity': top20?.confirmed ?? 0,
      // Every observed result counts here, so "confirmed" means the results the user has marked at all.
      'third-party-recommend': aggregate ? markedSlots(aggregate.top20) : 0,
      // Coverage is observed, never suggested: every counted portal is as confirmed as it gets.
      'portal-coverage': coverage.known,
      'forum-positive': forum?.confirmed ?? 0,
      'forum-negative': forum?.confirmed ?? 0,
      'negative-top10': top10?.confirmed ?? 0,
    },
  };
}

const DEFINITIONS: Record<KpiKey, Pick<KpiValue, 'title' | 'formula' | 'unit' | 'direction'>> = {
  'serp-positivity': {
    title: 'SERP positivity',
    formula: 'positive / (positive + neutral + negative) among the top-20 organic results of the key queries (latest per rank this month; irrelevant excluded)',
    unit: 'share',
    direction: 'higher-is-better',
  },
  'third-party-recommend': {
    title: 'Third-party recommendations',
    formula: 'top-20 results off the client domains marked "recommends" / all top-20 results observed',
    unit: 'share',
    direction: 'higher-is-better',
  },
  'portal-coverage': {
    title: 'Portals linking to the client',
    formula:
      'portal domains (not search engines, not client domains) with a mention seen in the last 30 days of the month and a link to a client domain seen by its end',
    unit: 'count',
    direction: 'higher-is-better',
  },
  'forum-positive': {
    title: 'Forum tone: positive',
    formula: 'positive / all forum posts and marked pages seen this month',
    unit: 'share',
    direction: 'higher-is-better',
  },
  'forum-negative': {
    title: 'Forum tone: negative',
    formula: 'negative / all forum posts and marked pages seen this month',
    unit: 'share',
    direction: 'lower-is-better',
  },
  'negative-top10': {
    title: 'Negative results in the top-10',
    formula: 'negative results among the top-10 organic results of the key queries',
    unit: 'count',
    direction: 'lower-is-better',
  },
};

function targetFor(key: KpiKey, project: Project): number | null {
  switch (key) {
    case 'serp-positivity':
      return project.targets.serpPositivity;
    case 'third-party-recommend':
      return project.targets.thirdPartyRecommend;
    case 'portal-coverage':
      return project.targets.portalCoverage;
    case 'negative-top10':
      return project.targets.negativeTop10;
    default:
      return null;
  }
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
  current: Aggregate | undefined;
  previous: Aggregate | undefined;
  portals: readonly PortalActivity[];
  markedCount: number;
}): KpiReport {
  const suggestionsCount = input.project.suggestionsCountInKpis;
  const now = valuesForMonth(input.current, input.portals, input.month, input.project);
  const before = valuesForMonth(input.previous, input.portals, previousMonth(input.month), input.project);
  const kpis: KpiValue[] = KPI_KEYS.map((key) => ({
    key,
    ...DEFINITIONS[key],
    value: now.values[key],
    target: targetFor(key, input.project),
    previous: before.values[key],
    counted: now.counted[key],
    confirmed: now.confirmed[key],
  }));
  const positivity = kpis.find((kpi) => kpi.key === 'serp-positivity');
  if (positivity && input.current) {
    positivity.byEngine = Object.entries(input.current.top20ByEngine)
      .map(([engine, counts]) => {
        const totals = labelTotals(counts, suggestionsCount);
        return { engine, value: ratio(totals.positive, totals.total), counted: totals.total };
      })
      .filter((entry) => entry.counted > 0)
      .sort((a, b) => a.engine.localeCompare(b.engine));
  }
  return { month: input.month, score: reputationScore(kpis), kpis, markedCount: input.markedCount };
}
