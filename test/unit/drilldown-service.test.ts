import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, testService, type TestService } from '../support/service';
import { type ResponseOf } from '@/lib/messaging';

const page = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'Acme Clinic', firstRank: 1 };

const result = (url: string, title: string, snippet = 'Opening hours and address.') => ({ url, title, snippet });
const CLIENT = result('https://www.acmeclinic.com/', 'Acme Clinic — official site');
const RIVAL_BLOG = result('https://blog.rival.com/acme', 'Acme Clinic compared with Rival');
const REVIEWS = result('https://reviews.example.org/acme', 'Acme Clinic reviews');
const OLD_NEWS = result('https://old.example.net/acme', 'Acme Clinic opens a branch');
const SCAM = result('https://scam.example.com/acme', 'Acme Clinic is a scam', 'Terrible, rude staff. Avoid.');
const RIVAL = result('https://rival.com/', 'Family doctors in town');

let call: TestService['call'];
let clock: number;

beforeEach(async () => {
  ({ call } = await testService({ now: () => clock }));
});

function observe(results: ReturnType<typeof result>[]) {
  return call('page.observe', { page, items: results.map((item, index) => ({ ...item, rank: index + 1 })) }, CONTENT_SCRIPT);
}

/** October's top-5, then November's: one result dropped out, two came in, one was marked negative. */
async function twoMonths() {
  clock = new Date(2026, 9, 10).getTime();
  await call('projects.save', {
    input: { name: 'Acme', clientDomains: ['acmeclinic.com'], competitorDomains: ['rival.com'], brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic'] },
  });
  await observe([CLIENT, RIVAL_BLOG, REVIEWS, OLD_NEWS]);
  clock = new Date(2026, 10, 12).getTime();
  await observe([CLIENT, REVIEWS, SCAM, RIVAL_BLOG, RIVAL]);
  await call('mark.set', { page, item: { ...REVIEWS, rank: 2 }, sentiment: 'negative', recommends: false }, CONTENT_SCRIPT);
}

type Drilldown = ResponseOf<'drilldown.get'>;

describe('drilldown.get', () => {
  it('lists the month’s top results against last month’s: moves, new entries, drops and new negatives', async () => {
    await twoMonths();
    const answer: Drilldown = await call('drilldown.get', {});
    expect(answer).toMatchObject({ month: '2026-11', previousMonth: '2026-10', months: ['2026-11', '2026-10'] });
    expect(answer.lists).toHaveLength(1);
    const [list] = answer.lists;
    expect(list).toMatchObject({ query: 'acme clinic', engine: 'google', previousObserved: true });
    expect(list!.entries.map((entry) => [entry.rank, entry.domain, entry.change, entry.previousRank, entry.newNegative])).toEqual([
      [1, 'acmeclinic.com', 'same', 1, false],
      // Marked negative this month over a neutral suggestion: relabeled, so a new negative.
      [2, 'reviews.example.org', { moved: 1 }, 3, true],
      [3, 'scam.example.com', 'new', null, true],
      [4, 'blog.rival.com', { moved: -2 }, 2, false],
      [5, 'rival.com', 'new', null, false],
    ]);
    expect(list!.entries[0]).toMatchObject({ url: 'https://www.acmeclinic.com/', title: CLIENT.title, flags: { clientSite: true } });
    expect(list!.entries[1]!.label).toBe('marked:negative');
    expect(list!.entries[2]!.label).toBe('suggested:negative');
    expect(list!.entries[3]!.flags.competitor).toBe(true);
    expect(list!.dropped).toEqual([{ canonicalUrl: 'https://old.example.net/acme', title: OLD_NEWS.title, previousRank: 4 }]);
  });

  it('gives share of voice month over month, and last month’s list with nothing to compare it with', async () => {
    await twoMonths();
    const october: Drilldown = await call('drilldown.get', { month: '2026-10' });
    expect(october.lists[0]).toMatchObject({ previousObserved: false, dropped: [] });
    expect(october.lists[0]!.entries.every((entry) => entry.change === 'new')).toBe(true);
    const { byQuery } = october.shareOfVoice;
    expect(byQuery.map((query) => query.query)).toEqual(['acme clinic']);
    expect(byQuery[0]!.months.map(({ month, competitors, client, byCompetitor }) => ({ month, competitors, client, byCompetitor }))).toEqual([
      { month: '2026-10', competitors: 1 / 4, client: 1 / 4, byCompetitor: { 'rival.com': 1 / 4 } },
    ]);
    const november: Drilldown = await call('drilldown.get', { month: '2026-11' });
    expect(november.shareOfVoice.byQuery[0]!.months.map((month) => [month.month, month.competitors, month.client])).toEqual([
      ['2026-10', 1 / 4, 1 / 4],
      ['2026-11', 2 / 5, 1 / 5],
    ]);
    expect(november.shareOfVoice.byQuery[0]!.months[1]!.byEngine.google!.competitors).toBe(2 / 5);
  });

  it('lists one key query at a time, the first by default, and every query when asked (the report)', async () => {
    await twoMonths();
    await call('projects.save', {
      id: (await call('projects.list', {})).projects[0]!.id,
      input: { name: 'Acme', clientDomains: ['acmeclinic.com'], competitorDomains: ['rival.com'], brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic', 'acme dentist'] },
    });
    const dentistPage = { ...page, url: 'https://www.google.com/search?q=acme+dentist', query: 'acme dentist' };
    await call('page.observe', { page: dentistPage, items: [{ ...SCAM, rank: 1 }, { ...CLIENT, rank: 2 }] }, CONTENT_SCRIPT);

    const first: Drilldown = await call('drilldown.get', {});
    expect([first.queries, first.query]).toEqual([['acme clinic', 'acme dentist'], 'acme clinic']);
    expect(first.lists.map((list) => list.query)).toEqual(['acme clinic']);
    const dentist: Drilldown = await call('drilldown.get', { query: 'acme dentist' });
    expect(dentist.query).toBe('acme dentist');
    expect(dentist.lists.map((list) => [list.query, list.entries.map((entry) => entry.domain)])).toEqual([['acme dentist', ['scam.example.com', 'acmeclinic.com']]]);
    // A query the month does not have falls back to the first.
    expect((await call('drilldown.get', { query: 'not a key query' })).query).toBe('acme clinic');
    const every: Drilldown = await call('drilldown.get', { everyQuery: true });
    expect([every.query, every.lists.map((list) => list.query)]).toEqual([null, ['acme clinic', 'acme dentist']]);
    expect(every.shareOfVoice.byQuery.map((query) => query.query)).toEqual(first.shareOfVoice.byQuery.map((query) => query.query));
  });

  it('answers extension pages only, and answers empty without a project or data', async () => {
    await expect(call('drilldown.get', {}, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    clock = new Date(2026, 10, 12).getTime();
    expect(await call('drilldown.get', {})).toEqual({
      month: '2026-11',
      previousMonth: '2026-10',
      months: [],
      queries: [],
      query: null,
      lists: [],
      shareOfVoice: { byQuery: [] },
    });
    await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    const empty: Drilldown = await call('drilldown.get', { month: '2026-03' });
    expect(empty).toMatchObject({ month: '2026-03', previousMonth: '2026-02', months: [], lists: [] });
  });
});
