import { FIGURES, type Channel, type FigureKey, type Figures } from './schema';

/**
 * What a month's promotion figures give (METHODOLOGY goal B): what each result cost, the click-through
 * rate, how the month went against its plan, and the spend against the project's monthly budget.
 * Anything that would divide by zero or by a figure not entered is null, never NaN or Infinity.
 */

/** Every cost is the spend divided by a count; CPM (per 1,000 impressions) is the one people read. */
export const COST_KEYS = ['perImpression', 'perThousandImpressions', 'perClick', 'perJoin', 'perConversion', 'perSale'] as const;
export type CostKey = (typeof COST_KEYS)[number];

export const METRIC_KEYS = [...FIGURES, ...COST_KEYS, 'ctr'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type Metrics = Record<MetricKey, number | null>;

export function isCost(key: MetricKey): key is CostKey {
  return (COST_KEYS as readonly string[]).includes(key);
}

export function divide(top: number | null, bottom: number | null): number | null {
  if (top === null || bottom === null || !(bottom > 0)) return null;
  const quotient = top / bottom;
  return Number.isFinite(quotient) ? quotient : null;
}

/** Each figure summed over the channels that entered it; null when none did. */
export function sumFigures(figures: readonly Figures[]): Figures {
  const sum = (key: FigureKey) =>
    figures.reduce<number | null>((total, entry) => (entry[key] === null ? total : (total ?? 0) + entry[key]), null);
  return Object.fromEntries(FIGURES.map((key) => [key, sum(key)])) as Figures;
}

/**
 * numerator / denominator over the channels that entered both: a channel whose spend is missing must not
 * make the others' clicks look cheaper.
 */
function ratio(figures: readonly Figures[], numerator: FigureKey, denominator: FigureKey): number | null {
  let top = 0;
  let bottom = 0;
  for (const entry of figures) {
    const [above, below] = [entry[numerator], entry[denominator]];
    if (above === null || below === null) continue;
    top += above;
    bottom += below;
  }
  return divide(top, bottom);
}

/** The figures and what they give, for one channel (a list of one) or for all of a month's channels together. */
export function metricsOf(figures: readonly Figures[]): Metrics {
  const costPer = (count: Exclude<FigureKey, 'spend'>, per = 1) => {
    const cost = ratio(figures, 'spend', count);
    return cost === null ? null : cost * per;
  };
  return {
    ...sumFigures(figures),
    perImpression: costPer('impressions'),
    perThousandImpressions: costPer('impressions', 1000),
    perClick: costPer('clicks'),
    perJoin: costPer('joins'),
    perConversion: costPer('conversions'),
    perSale: costPer('sales'),
    ctr: ratio(figures, 'clicks', 'impressions'),
  };
}

export interface PlanComparison {
  actual: number | null;
  plan: number | null;
  /** actual − plan: for a cost, below zero is cheaper than planned. */
  difference: number | null;
  /**
   * 1 is as planned and above 1 is better: actual ÷ plan for the counts and CTR, plan ÷ actual for the costs
   * (lower is better). For the spend it is the share of the planned spend used.
   */
  attainment: number | null;
}

export function compareWithPlan(key: MetricKey, actual: number | null, plan: number | null): PlanComparison {
  return {
    actual,
    plan,
    difference: actual === null || plan === null ? null : actual - plan,
    attainment: isCost(key) ? divide(plan, actual) : divide(actual, plan),
  };
}

export type MetricsVsPlan = Record<MetricKey, PlanComparison>;

function metricsVsPlan(actual: readonly Figures[], plan: readonly Figures[]): MetricsVsPlan {
  const [actualMetrics, planMetrics] = [metricsOf(actual), metricsOf(plan)];
  return Object.fromEntries(METRIC_KEYS.map((key) => [key, compareWithPlan(key, actualMetrics[key], planMetrics[key])])) as MetricsVsPlan;
}

export interface BudgetStatus {
  spend: number;
  budget: number;
  remaining: number;
  overBy: number;
  /** spend ÷ budget; null for a budget of zero. */
  used: number | null;
}

/** A spend against the monthly budget; null when either is unknown. */
export function budgetStatus(spend: number | null, budget: number | null): BudgetStatus | null {
  if (spend === null || budget === null) return null;
  return { spend, budget, remaining: Math.max(0, budget - spend), overBy: Math.max(0, spend - budget), used: divide(spend, budget) };
}

export interface PromotionReport {
  channels: { name: string; metrics: MetricsVsPlan }[];
  total: MetricsVsPlan;
  /** The month's spend, and its planned spend, against the project's monthly budget. */
  budget: { actual: BudgetStatus | null; plan: BudgetStatus | null };
}

export function promotionReport(channels: readonly Channel[], monthlyBudget: number | null): PromotionReport {
  const total = metricsVsPlan(
    channels.map((channel) => channel.actual),
    channels.map((channel) => channel.plan),
  );
  return {
    channels: channels.map((channel) => ({ name: channel.name, metrics: metricsVsPlan([channel.actual], [channel.plan]) })),
    total,
    budget: { actual: budgetStatus(total.spend.actual, monthlyBudget), plan: budgetStatus(total.spend.plan, monthlyBudget) },
  };
}
