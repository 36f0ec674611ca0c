import { describe, expect, it } from 'vitest';
import { emptyAggregate } from '@/lib/kpi/aggregate';
import { attainment, computeKpiReport, previousMonth, reputationScore } from '@/lib/kpi';
import type { PortalActivity } from '@/lib/kpi/portals';
import { ProjectSchema, type Aggregate, type Project } from '@/lib/schema';

const project: Project = ProjectSchema.parse({
  id: 'p1',
  name: 'Acme',
  keyQueries: ['acme'],
  baselineMonth: '2026-09',
  createdAt: 0,
  updatedAt: 0,
});

function aggregateWith(changes: (aggregate: Aggregate) => void, month = '2026-11'): Aggregate {
  const aggregate = emptyAggregate('p1', month);
  changes(aggregate);
  return aggregate;
}

const valueOf = (report: ReturnType<typeof computeKpiReport>, key: string) => report.kpis.find((kpi) => kpi.key === key)!;

describe('KPI formulas', () => {
  it('SERP positivity = positive / (positive + neutral + negative), irrelevant and unlabeled excluded', () => {
    const current = aggregateWith((a) => {
      a.top20['marked:positive'] = 3;
      a.top20['marked:negative'] = 1;
      a.top20['marked:irrelevant'] = 5;
      a.top20['suggested:neutral'] = 2;
      a.top20.unlabeled = 4;
    });
    const report = computeKpiReport({ project, month: '2026-11', current, previous: undefined, portals: [] });
    const kpi = valueOf(report, 'serp-positivity');
    expect(kpi.value).toBeCloseTo(3 / 6);
    expect(kpi.counted).toBe(6);
    expect(kpi.confirmed).toBe(4);
    const marksOnly = computeKpiReport({
      project: { ...project, suggestionsCountInKpis: false },
      month: '2026-11',
      current,
      previous: undefined,
      portals: [],
    });
    expect(valueOf(marksOnly, 'serp-positivity').value).toBeCloseTo(3 / 4);
  });

  it('third-party recommendations are a share of all top-20 results observed', () => {
    const current = aggregateWith((a) => {
      a.top20['marked:positive'] = 10;
      a.top20['suggested:neutral'] = 10;
      a.thirdPartyRecommends = { marked: 3, suggested: 1 };
    });
    const report = computeKpiReport({ project, month: '2026-11', current, previous: undefined, portals: [] });
    const kpi = valueOf(report, 'third-party-recommend');
    expect(kpi.value).toBeCloseTo(4 / 20);
    expect([kpi.counted, kpi.confirmed]).toEqual([20, 10]);
  });

  it('counts portals active in the last 30 days of the month with a link to the client by its end', () => {
    const noon = (month: number, day: number) => new Date(2026, month - 1, day, 12).getTime();
    const seen = (lastObservedAt: number) => ({ lastObservedAt, newestPostAt: null });
    const portals: PortalActivity[] = [
      { domain: 'active.example', months: { '2026-02': seen(noon(2, 20)) }, linksByFirstMonth: { '2025-12': 1 } },
      // February is shorter than 30 days: its window starts on 30 January, so January's record is read too.
      { domain: 'late-january.example', months: { '2026-01': seen(noon(1, 31)) }, linksByFirstMonth: { '2026-01': 2 } },
      { domain: 'stale.example', months: { '2026-01': seen(noon(1, 20)) }, linksByFirstMonth: { '2026-01': 1 } },
      { domain: 'no-link.example', months: { '2026-02': seen(noon(2, 10)) }, linksByFirstMonth: {} },
      { domain: 'link-later.example', months: { '2026-02': seen(noon(2, 10)) }, linksByFirstMonth: { '2026-03': 1 } },
      { domain: 'forum.acme.example', months: { '2026-02': seen(noon(2, 20)) }, linksByFirstMonth: { '2026-02': 1 } },
    ];
    const report = computeKpiReport({
      project: { ...project, clientDomains: ['acme.example'] },
      month: '2026-02',
      current: undefined,
      previous: undefined,
      portals,
    });
    const coverage = valueOf(report, 'portal-coverage');
    expect(coverage.value).toBe(2);
    // The client's own forum is never a portal.
    expect(coverage.counted).toBe(5);
    // January from January's own records: only the two portals seen then were known, and both were active.
    expect(coverage.previous).toBe(2);
    const march = computeKpiReport({ project, month: '2026-03', current: undefined, previous: undefined, portals });
    expect(valueOf(march, 'portal-coverage').value).toBe(0);
  });

  it('compares with the previous month and scores attainment against targets', () => {
    const current = aggregateWith((a) => {
      a.top20['marked:positive'] = 7;
      a.top20['marked:negative'] = 3;
      a.top10['marked:negative'] = 2;
      a.top10['marked:positive'] = 3;
    });
    const previous = aggregateWith((a) => {
      a.top20['marked:positive'] = 1;
      a.top20['marked:negative'] = 1;
    }, '2026-10');
    const report = computeKpiReport({ project, month: '2026-11', current, previous, portals: [] });
    const positivity = valueOf(report, 'serp-positivity');
    expect(positivity.value).toBeCloseTo(0.7);
    expect(positivity.previous).toBeCloseTo(0.5);
    expect(valueOf(report, 'negative-top10').value).toBe(2);
    // positivity 0.7/0.7 = 1; recommendations 0/0.15 = 0; negatives target 0 vs 2 -> 0/2 = 0.
    expect(report.score).toBeCloseTo((1 + 0 + 0) / 3 * 100, 1);
  });

  it('attainment follows the methodology for both directions', () => {
    expect(attainment(0.35, 0.7, 'higher-is-better')).toBeCloseTo(0.5);
    expect(attainment(0.9, 0.7, 'higher-is-better')).toBe(1);
    expect(attainment(0, 0, 'lower-is-better')).toBe(1);
    expect(attainment(4, 2, 'lower-is-better')).toBe(0.5);
    expect(reputationScore([])).toBeNull();
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('reports no value rather than zero when there is no data', () => {
    const report = computeKpiReport({ project, month: '2026-11', current: undefined, previous: undefined, portals: [] });
    expect(report.kpis.every((kpi) => kpi.value === null)).toBe(true);
    expect(report.score).toBeNull();
  });
});

describe('SERP positivity per engine', () => {
  it('splits the top-20 counts by engine', () => {
    const current = aggregateWith((a) => {
      a.top20['marked:positive'] = 2;
      a.top20['marked:negative'] = 2;
      a.top20ByEngine = {
        google: { ...a.top20, 'marked:positive': 2, 'marked:negative': 0 },
        yandex: { ...a.top20, 'marked:positive': 0, 'marked:negative': 2 },
      };
    });
    const report = computeKpiReport({ project, month: '2026-11', current, previous: undefined, portals: [] });
    expect(valueOf(report, 'serp-positivity').byEngine).toEqual([
      { engine: 'google', value: 1, counted: 2 },
      { engine: 'yandex', value: 0, counted: 2 },
    ]);
  });
});
