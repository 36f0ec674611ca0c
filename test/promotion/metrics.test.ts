import { issueProblem, problemText } from '@/lib/i18n/problems';
import { describe, expect, it } from 'vitest';
import {
  budgetStatus,
  ChannelsSchema,
  compareWithPlan,
  FIGURES,
  metricsOf,
  METRIC_KEYS,
  monthChoices,
  NO_FIGURES,
  promotionReport,
  PromotionMonthSchema,
  sumFigures,
  type Channel,
  type Figures,
} from '@/lib/promotion';

const figures = (values: Partial<Figures>): Figures => ({ ...NO_FIGURES, ...values });

const VK: Channel = {
  name: 'VK',
  actual: figures({ spend: 12_000, impressions: 48_000, clicks: 960, joins: 120, conversions: 30, sales: 6 }),
  plan: figures({ spend: 10_000, impressions: 50_000, clicks: 1_000, joins: 100, conversions: 25, sales: 5 }),
};
/** Impressions and sales not entered, conversions entered as zero, no plan. */
const TELEGRAM: Channel = {
  name: 'Telegram',
  actual: figures({ spend: 3_000, clicks: 200, joins: 50, conversions: 0 }),
  plan: NO_FIGURES,
};

describe('one channel', () => {
  it('costs are spend over each count; CPM per 1,000 impressions; CTR is clicks over impressions', () => {
    expect(metricsOf([VK.actual])).toEqual({
      ...VK.actual,
      perImpression: 0.25, // 12 000 / 48 000
      perThousandImpressions: 250,
      perClick: 12.5, // 12 000 / 960
      perJoin: 100, // 12 000 / 120
      perConversion: 400, // 12 000 / 30
      perSale: 2_000, // 12 000 / 6
      ctr: 0.02, // 960 / 48 000
    });
  });

  it('a count of zero or not entered gives no cost, never Infinity or NaN', () => {
    const metrics = metricsOf([TELEGRAM.actual]);
    expect(metrics).toMatchObject({ perClick: 15, perJoin: 60, perConversion: null, perSale: null, perThousandImpressions: null, ctr: null });
    expect(metricsOf([figures({ spend: 0, clicks: 0 })])).toMatchObject({ perClick: null, spend: 0, clicks: 0 });
    expect(metricsOf([figures({ spend: 0, clicks: 40 })]).perClick).toBe(0);
  });
});

describe('all channels together', () => {
  it('a figure sums over the channels that entered it, null when none did', () => {
    expect(sumFigures([VK.actual, TELEGRAM.actual])).toEqual({ spend: 15_000, impressions: 48_000, clicks: 1_160, joins: 170, conversions: 30, sales: 6 });
    expect(sumFigures([])).toEqual(NO_FIGURES);
    expect(sumFigures([VK.plan, TELEGRAM.plan])).toEqual(VK.plan);
  });

  it('a cost counts only the channels that entered both the spend and the count', () => {
    const total = metricsOf([VK.actual, TELEGRAM.actual]);
    expect(total.perThousandImpressions).toBe(250); // VK alone: Telegram's impressions are unknown
    expect(total.perClick).toBeCloseTo(15_000 / 1_160, 10);
    expect(total.perJoin).toBeCloseTo(15_000 / 170, 10);
    expect(total.perConversion).toBe(500); // 15 000 / (30 + 0)
    expect(total.perSale).toBe(2_000);
    expect(total.ctr).toBe(0.02);
    // The channel without a spend does not make the other's clicks cheaper: 500 / 50, not 500 / 150.
    expect(metricsOf([figures({ clicks: 100 }), figures({ spend: 500, clicks: 50 })]).perClick).toBe(10);
  });
});

describe('against the plan and the budget', () => {
  it('attainment: actual ÷ plan for counts, plan ÷ actual for costs (lower is better)', () => {
    const vk = promotionReport([VK], null).channels[0]!.metrics;
    expect(vk.clicks).toEqual({ actual: 960, plan: 1_000, difference: -40, attainment: 0.96 });
    expect(vk.perClick).toEqual({ actual: 12.5, plan: 10, difference: 2.5, attainment: 0.8 });
    expect(vk.perThousandImpressions).toEqual({ actual: 250, plan: 200, difference: 50, attainment: 0.8 });
    expect(vk.perJoin).toEqual({ actual: 100, plan: 100, difference: 0, attainment: 1 });
    expect(vk.spend.attainment).toBe(1.2); // the share of the planned spend used
  });

  it('nothing to compare with gives null', () => {
    expect(compareWithPlan('clicks', 10, null)).toEqual({ actual: 10, plan: null, difference: null, attainment: null });
    expect(compareWithPlan('clicks', 10, 0)).toEqual({ actual: 10, plan: 0, difference: 10, attainment: null });
    expect(compareWithPlan('perClick', 0, 5)).toEqual({ actual: 0, plan: 5, difference: -5, attainment: null });
  });

  it('the spend against the monthly budget: remaining, or over by', () => {
    const report = promotionReport([VK, TELEGRAM], 14_000);
    expect(report.budget.actual).toEqual({ spend: 15_000, budget: 14_000, remaining: 0, overBy: 1_000, used: 15_000 / 14_000 });
    expect(report.budget.plan).toEqual({ spend: 10_000, budget: 14_000, remaining: 4_000, overBy: 0, used: 10_000 / 14_000 });
    expect(budgetStatus(12_000, 150_000)).toEqual({ spend: 12_000, budget: 150_000, remaining: 138_000, overBy: 0, used: 0.08 });
    expect(budgetStatus(100, 0)).toEqual({ spend: 100, budget: 0, remaining: 0, overBy: 100, used: null });
    expect(budgetStatus(null, 150_000)).toBeNull();
    expect(budgetStatus(12_000, null)).toBeNull();
  });

  it('whatever is entered, every value is a finite number or null', () => {
    const choices = [null, 0, 1, 7, 1e15];
    const channels: Channel[] = [];
    for (let n = 0; n < 200; n++) {
      const pick = (offset: number) => choices[(n * 7 + offset * 3 + Math.floor(n / (offset + 1))) % choices.length]!;
      const entry = Object.fromEntries(FIGURES.map((key, index) => [key, pick(index)])) as Figures;
      channels.push({ name: `c${n}`, actual: entry, plan: Object.fromEntries(FIGURES.map((key, index) => [key, pick(index + 6)])) as Figures });
    }
    const report = promotionReport(channels, 0);
    for (const metrics of [report.total, ...report.channels.map((channel) => channel.metrics)]) {
      for (const key of METRIC_KEYS) {
        for (const value of Object.values(metrics[key])) expect(value === null || Number.isFinite(value), `${key}: ${value}`).toBe(true);
      }
    }
  });
});

describe('the stored month', () => {
  const month = (channels: unknown) => PromotionMonthSchema.safeParse({ projectId: 'p1', month: '2026-11', channels, updatedAt: 1 });

  it('figures are non-negative; counts are whole; null is not entered', () => {
    expect(month([VK, TELEGRAM]).success).toBe(true);
    expect(month([{ ...VK, actual: { ...VK.actual, spend: -1 } }]).success).toBe(false);
    expect(month([{ ...VK, actual: { ...VK.actual, clicks: 1.5 } }]).success).toBe(false);
    expect(month([{ ...VK, actual: { ...VK.actual, spend: Infinity } }]).success).toBe(false);
    expect(month([{ ...VK, actual: { ...VK.actual, spend: 1234.56 } }]).success).toBe(true);
  });

  it('a channel needs a name, once per month (case and spaces aside)', () => {
    const twice = ChannelsSchema.safeParse([VK, { ...TELEGRAM, name: ' vk ' }]);
    expect(twice.success).toBe(false);
    const issue = twice.error!.issues[0]!;
    expect(issue.path).toEqual([1, 'name']);
    expect(problemText(issueProblem(issue), 'en')).toBe('“vk” is already a channel of this month.');
    expect(ChannelsSchema.safeParse([{ ...VK, name: '  ' }]).error?.issues[0]?.path).toEqual([0, 'name']);
  });
});

describe('month picker', () => {
  it('next month, this month, two years back, and older months with data, newest first', () => {
    const choices = monthChoices('2026-11', ['2023-01', '2026-05']);
    expect(choices.slice(0, 3)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(choices.at(-2)).toBe('2024-11');
    expect(choices.at(-1)).toBe('2023-01');
    expect(choices).toHaveLength(27);
    expect(monthChoices('2025-12', [])[0]).toBe('2026-01');
  });
});
