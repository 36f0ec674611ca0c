import { afterEach, describe, expect, it } from 'vitest';
import { applyMentionChange, applySnapshot, emptyAggregate, type MentionLookup } from '@/lib/kpi/aggregate';
import type { SuggestionCounting } from '@/lib/kpi/label-state';
import { KPIS, KPI_KEYS, computeKpiHistory, computeKpiReport, targetIn, targetStatus } from '@/lib/kpi';
import { ProjectSchema, monthsFrom, type Aggregate, type Mention, type Project } from '@/lib/schema';

const project: Project = ProjectSchema.parse({
  id: 'p1',
  name: 'Acme',
  keyQueries: ['acme'],
  baselineMonth: '2026-08',
  createdAt: 0,
  updatedAt: 0,
});

type Labelled = Pick<Mention, 'mark' | 'suggested' | 'flags'>;
const flags = { clientSite: false, linksToClient: false, mentionsClient: true };
const marked = (sentiment: 'positive' | 'neutral' | 'negative'): Labelled => ({
  mark: { sentiment, recommends: false, at: 1, suggestedAtMark: null },
  suggested: null,
  flags,
});

const suggested = (label: 'positive' | 'neutral' | 'negative', confidence?: number): Labelled => ({
  mark: null,
  suggested: { label, score: 0, recommends: true, confidence },
  flags,
});

function observed(
  month: string,
  firstRank: number,
  urls: string[],
  labels: Record<string, Labelled>,
  counting: SuggestionCounting = project,
): Aggregate {
  const aggregate = emptyAggregate('p1', month);
  const lookup: MentionLookup = (url) => labels[url];
  applySnapshot(aggregate, { projectId: 'p1', engine: 'google', query: 'acme', firstRank, capturedAt: 1, month, urls }, lookup, counting);
  return aggregate;
}

const kpi = (report: { kpis: { key: string }[] }, key: string) =>
  report.kpis.find((entry) => entry.key === key) as ReturnType<typeof computeKpiReport>['kpis'][number];

describe('the KPI registry', () => {
  it('has one entry per KPI with the keys of the popup contract, a title key and a formula', () => {
    expect(KPI_KEYS).toEqual(['serp-positivity', 'third-party-recommend', 'portal-coverage', 'forum-positive', 'forum-negative', 'negative-top10']);
    expect(new Set(KPIS.map((entry) => entry.titleKey)).size).toBe(KPIS.length);
    for (const entry of KPIS) expect(entry.formula.length).toBeGreaterThan(20);
  });

  it('reads the plan for the month and falls back to the target', () => {
    const planned = { ...project, plan: { serpPositivity: { '2026-09': 0.4, '2026-10': 0.55 } } };
    expect(targetIn(planned, 'serpPositivity', '2026-10')).toBe(0.55);
    expect(targetIn(planned, 'serpPositivity', '2026-12')).toBe(0.7);
    expect(targetIn(planned, 'portalCoverage', '2026-10')).toBe(20);
    expect(targetIn(planned, null, '2026-10')).toBeNull();
    // A project stored before plans existed has none.
    expect(targetIn({ targets: project.targets }, 'serpPositivity', '2026-10')).toBe(0.7);
  });

  it('says whether a target is met in the KPI direction, and nothing without data', () => {
    expect(targetStatus({ value: 0.7, target: 0.7, direction: 'higher-is-better' })).toBe('met');
    expect(targetStatus({ value: 0.69, target: 0.7, direction: 'higher-is-better' })).toBe('missed');
    expect(targetStatus({ value: 0, target: 0, direction: 'lower-is-better' })).toBe('met');
    expect(targetStatus({ value: 1, target: 0, direction: 'lower-is-better' })).toBe('missed');
    expect(targetStatus({ value: null, target: 0.7, direction: 'higher-is-better' })).toBeNull();
  });
});

describe('KPI values on hand-computed months', () => {
  it('divides by nothing as "no data", never as 0 or NaN', () => {
    const allIrrelevant = observed('2026-11', 1, ['a', 'b'], {
      a: { ...marked('positive'), mark: { sentiment: 'irrelevant', recommends: false, at: 1, suggestedAtMark: null } },
      b: { ...marked('positive'), mark: { sentiment: 'irrelevant', recommends: false, at: 1, suggestedAtMark: null } },
    });
    const report = computeKpiReport({ project, month: '2026-11', current: allIrrelevant, previous: undefined, portals: [] });
    expect(kpi(report, 'serp-positivity').value).toBeNull();
    // Two results were observed, none recommends: a real 0.
    expect(kpi(report, 'third-party-recommend').value).toBe(0);
    expect(kpi(report, 'forum-positive').value).toBeNull();
    expect(report.kpis.every((entry) => entry.value === null || Number.isFinite(entry.value))).toBe(true);
  });

  it('counts a query seen only on page 2 in the top-20 but not in the top-10', () => {
    const page2 = observed('2026-11', 11, ['a', 'b', 'c'], { a: marked('negative'), b: marked('positive'), c: marked('positive') });
    const report = computeKpiReport({ project, month: '2026-11', current: page2, previous: undefined, portals: [] });
    expect(kpi(report, 'serp-positivity').value).toBeCloseTo(2 / 3);
    expect(kpi(report, 'negative-top10').value).toBeNull();
  });

  it('moves a URL relabeled mid-month from its old label to its new one', () => {
    const labels: Record<string, Labelled> = { a: marked('negative'), b: marked('positive') };
    const month = observed('2026-11', 1, ['a', 'b'], labels);
    expect(kpi(computeKpiReport({ project, month: '2026-11', current: month, previous: undefined, portals: [] }), 'serp-positivity').value).toBe(0.5);
    applyMentionChange(month, 'a', labels.a, marked('positive'), { before: [], after: [] }, project);
    const after = computeKpiReport({ project, month: '2026-11', current: month, previous: undefined, portals: [] });
    expect(kpi(after, 'serp-positivity').value).toBe(1);
    expect(kpi(after, 'negative-top10').value).toBe(0);
  });

  it('counts a suggestion less sure than the project’s threshold as unlabeled, and a mark whatever its suggestion', () => {
    const labels: Record<string, Labelled> = {
      unsure: suggested('negative', 0.3),
      sure: suggested('positive', 0.9),
      older: suggested('positive'),
      marked: { ...marked('positive'), suggested: { label: 'negative', score: -0.5, recommends: false, confidence: 0.1 } },
    };
    const report = (counting: SuggestionCounting) => {
      const month = observed('2026-11', 1, Object.keys(labels), labels, counting);
      applyMentionChange(month, 'post', undefined, suggested('negative', 0.3), { before: [], after: ['2026-11'] }, counting);
      return computeKpiReport({ project, month: '2026-11', current: month, previous: undefined, portals: [] });
    };
    const everySuggestion = report({ minSuggestionConfidence: 0 });
    // unsure (negative), sure, older (positive, no confidence: sure) and the mark (positive) all count.
    expect(kpi(everySuggestion, 'serp-positivity').value).toBe(3 / 4);
    expect(kpi(everySuggestion, 'negative-top10').value).toBe(1);
    // Three suggestions recommend; the mark says it does not.
    expect(kpi(everySuggestion, 'third-party-recommend').value).toBe(3 / 4);
    expect(kpi(everySuggestion, 'forum-negative').value).toBe(1);
    const atForty = report({ minSuggestionConfidence: 0.4 });
    // unsure drops out: sure, older and the mark are positive, its recommendation goes, its slot is still observed.
    expect(kpi(atForty, 'serp-positivity').value).toBe(1);
    expect(kpi(atForty, 'serp-positivity').counted).toBe(3);
    expect(kpi(atForty, 'negative-top10').value).toBe(0);
    expect(kpi(atForty, 'third-party-recommend').value).toBe(2 / 4);
    expect(kpi(atForty, 'forum-negative').value).toBeNull();
  });
});

describe('KPI history', () => {
  const originalTimeZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTimeZone;
  });

  const september = observed('2026-09', 1, ['a', 'b'], { a: marked('positive'), b: marked('negative') });
  const november = observed('2026-11', 1, ['a', 'b'], { a: marked('positive'), b: marked('positive') });
  const plan = { serpPositivity: { '2026-08': 0.3, '2026-09': 0.4, '2026-10': 0.5, '2026-11': 0.6 } };

  it('has every month from the baseline, a month without visits included, against the plan of each month', () => {
    const history = computeKpiHistory({ project: { ...project, plan }, through: '2026-12', aggregates: [november, september], portals: [] });
    expect(history.map((report) => report.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    const positivity = history.map((report) => kpi(report, 'serp-positivity'));
    expect(positivity.map((entry) => entry.value)).toEqual([null, 0.5, null, 1, null]);
    expect(positivity.map((entry) => entry.target)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7]);
    // October had no visits, so November has no previous month to compare with.
    expect(positivity[3]!.previous).toBeNull();
    expect(positivity[2]!.previous).toBe(0.5);
  });

  it('starts before the baseline when older months were stored (an imported backup)', () => {
    const history = computeKpiHistory({ project: { ...project, baselineMonth: '2026-10' }, through: '2026-11', aggregates: [september], portals: [] });
    expect(history[0]!.month).toBe('2026-09');
  });

  it('keeps the stored months when the time zone changes', () => {
    const months = (timeZone: string) => {
      process.env.TZ = timeZone;
      return computeKpiHistory({ project, through: '2027-03', aggregates: [september, november], portals: [] }).map((report) => [
        report.month,
        kpi(report, 'serp-positivity').value,
      ]);
    };
    const vladivostok = months('Asia/Vladivostok');
    expect(months('America/Los_Angeles')).toEqual(vladivostok);
    expect(months('Europe/Sofia')).toEqual(vladivostok);
    expect(monthsFrom('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2026-11', '2026-10')).toEqual([]);
  });
});
