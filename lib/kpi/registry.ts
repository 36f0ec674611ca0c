import type { LabelCounts, Month, MonthCounts, Project, Targets } from '../schema';
import { portalCoverage, type PortalActivity } from './portals';

/**
 * Every KPI of METHODOLOGY.md, one entry each: adding a KPI, changing its formula or translating its title
 * touches its entry and nothing else. Entries are pure: a month's stored counters in, the KPI's value out.
 */

export type KpiUnit = 'share' | 'count';
export type KpiDirection = 'higher-is-better' | 'lower-is-better';

/** A month's stored counters, as one KPI reads them. */
export interface MonthCounters {
  aggregate: MonthCounts | undefined;
  portals: readonly PortalActivity[];
  month: Month;
  project: Pick<Project, 'suggestionsCountInKpis' | 'clientDomains'>;
}

export interface KpiMeasure {
  /** null when there is no data for the month. */
  value: number | null;
  /** How many items the value is computed over, and how many of them the user confirmed. */
  counted: number;
  confirmed: number;
}

export interface KpiDefinition {
  key: string;
  /** The message key of the KPI's title (its English text is `title` until the interface is translated). */
  titleKey: string;
  title: string;
  formula: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** The project's target (and plan) this KPI is measured against; null for a KPI with a direction only. */
  target: keyof Targets | null;
  measure: (counters: MonthCounters) => KpiMeasure;
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

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function markedSlots(counts: LabelCounts): number {
  return counts['marked:positive'] + counts['marked:neutral'] + counts['marked:negative'] + counts['marked:irrelevant'];
}

function totalSlots(counts: LabelCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

const NO_DATA: KpiMeasure = { value: null, counted: 0, confirmed: 0 };

/** A share of the labelled items of one group of counters (top-20 or forum posts). */
function sentimentShare(
  group: 'top20' | 'forum',
  sentiment: 'positive' | 'negative',
): (counters: MonthCounters) => KpiMeasure {
  return ({ aggregate, project }) => {
    if (!aggregate) return NO_DATA;
    const totals = labelTotals(aggregate[group], project.suggestionsCountInKpis);
    return { value: ratio(totals[sentiment], totals.total), counted: totals.total, confirmed: totals.confirmed };
  };
}

export const KPIS = [
  {
    key: 'serp-positivity',
    titleKey: 'kpiSerpPositivity',
    title: 'SERP positivity',
    formula:
      'positive / (positive + neutral + negative) among the top-20 organic results of the key queries (latest per rank this month; irrelevant excluded)',
    unit: 'share',
    direction: 'higher-is-better',
    target: 'serpPositivity',
    measure: sentimentShare('top20', 'positive'),
  },
  {
    key: 'third-party-recommend',
    titleKey: 'kpiThirdPartyRecommend',
    title: 'Third-party recommendations',
    formula: 'top-20 results off the client domains marked "recommends" / all top-20 results observed',
    unit: 'share',
    direction: 'higher-is-better',
    target: 'thirdPartyRecommend',
    measure: ({ aggregate, project }) => {
      if (!aggregate) return NO_DATA;
      const { marked, suggested } = aggregate.thirdPartyRecommends;
      const slots = totalSlots(aggregate.top20);
      const recommends = marked + (project.suggestionsCountInKpis ? suggested : 0);
      // Every observed result counts here, so "confirmed" means the results the user has marked at all.
      return { value: ratio(recommends, slots), counted: slots, confirmed: markedSlots(aggregate.top20) };
    },
  },
  {
    key: 'portal-coverage',
    titleKey: 'kpiPortalCoverage',
    title: 'Portals linking to the client',
    formula:
      'portal domains (not search engines, not client domains) with a mention seen in the last 30 days of the month and a link to a client domain seen by its end',
    unit: 'count',
    direction: 'higher-is-better',
    target: 'portalCoverage',
    measure: ({ portals, month, project }) => {
      const coverage = portalCoverage(portals, month, project.clientDomains);
      // Coverage is observed, never suggested: every counted portal is as confirmed as it gets.
      return { value: coverage.known > 0 ? coverage.covered : null, counted: coverage.known, confirmed: coverage.known };
    },
  },
  {
    key: 'forum-positive',
    titleKey: 'kpiForumPositive',
    title: 'Forum tone: positive',
    formula: 'positive / all forum posts and marked pages seen this month',
    unit: 'share',
    direction: 'higher-is-better',
    target: null,
    measure: sentimentShare('forum', 'positive'),
  },
  {
    key: 'forum-negative',
    titleKey: 'kpiForumNegative',
    title: 'Forum tone: negative',
    formula: 'negative / all forum posts and marked pages seen this month',
    unit: 'share',
    direction: 'lower-is-better',
    target: null,
    measure: sentimentShare('forum', 'negative'),
  },
  {
    key: 'negative-top10',
    titleKey: 'kpiNegativeTop10',
    title: 'Negative results in the top-10',
    formula: 'negative results among the top-10 organic results of the key queries',
    unit: 'count',
    direction: 'lower-is-better',
    target: 'negativeTop10',
    measure: ({ aggregate, project }) => {
      if (!aggregate || totalSlots(aggregate.top10) === 0) return NO_DATA;
      const totals = labelTotals(aggregate.top10, project.suggestionsCountInKpis);
      return { value: totals.negative, counted: totals.total, confirmed: totals.confirmed };
    },
  },
] as const satisfies readonly KpiDefinition[];

export type KpiKey = (typeof KPIS)[number]['key'];

/** Stable KPI keys: they are the popup's data-testid contract (DESIGN.md section 5). */
export const KPI_KEYS: readonly KpiKey[] = KPIS.map((kpi) => kpi.key);

/** The KPIs a project sets a target (and a monthly plan) for. */
export const TARGETED_KPIS = KPIS.filter(
  (kpi): kpi is Extract<(typeof KPIS)[number], { target: keyof Targets }> => kpi.target !== null,
);

/**
 * The target of a KPI in a month: the plan's value for that month when the user typed one in, else the
 * project's target (METHODOLOGY.md: "month over month, against a planned value").
 */
export function targetIn(project: Pick<Project, 'targets' | 'plan'>, target: keyof Targets | null, month: Month): number | null {
  if (target === null) return null;
  return project.plan?.[target]?.[month] ?? project.targets[target];
}
