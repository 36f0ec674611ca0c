import { describe, expect, it } from 'vitest';
import {
  countsNegative,
  diffTopLists,
  labelStateBefore,
  shareOfVoice,
  topListsOf,
  type NegativeLookup,
} from '@/lib/kpi/top-lists';
import { monthBounds, type Aggregate, type Mention } from '@/lib/schema';

const slot = (engine: string, query: string, rank: number) => [engine, query, rank].join('\u0001');

/** Slots of one query on one engine from the URLs at ranks firstRank, firstRank + 1 ... */
function slotsOf(engine: string, query: string, firstRank: number, urls: string[]): Aggregate['slots'] {
  return Object.fromEntries(urls.map((url, index) => [slot(engine, query, firstRank + index), url]));
}

const page = (host: string, n: number) => Array.from({ length: n }, (_, i) => `https://${host}/${i + 1}`);

const noNegatives: NegativeLookup = { now: () => false, then: () => false };

describe('top lists', () => {
  it('groups a month’s slots per query and engine in rank order, keeping the ranks as observed', () => {
    const lists = topListsOf({
      ...slotsOf('google', 'acme', 1, ['https://a.com/', 'https://b.com/']),
      ...slotsOf('yandex', 'acme', 11, ['https://c.com/', 'https://d.com/']),
      ...slotsOf('google', 'acme clinic', 1, ['https://e.com/']),
    });
    expect(lists.map((list) => [list.query, list.engine, list.entries.map((entry) => entry.rank)])).toEqual([
      ['acme', 'google', [1, 2]],
      // Only the second page was seen: ranks 11 and 12, not renumbered.
      ['acme', 'yandex', [11, 12]],
      ['acme clinic', 'google', [1]],
    ]);
    expect(lists[1]!.entries[0]).toEqual({ rank: 11, canonicalUrl: 'https://c.com/' });
    expect(topListsOf({})).toEqual([]);
  });

  it('says per entry whether it is new, moved or in the same place, and which URLs dropped out', () => {
    const october = topListsOf(slotsOf('google', 'acme', 1, ['https://a.com/', 'https://b.com/', 'https://c.com/', 'https://d.com/']));
    const november = topListsOf(slotsOf('google', 'acme', 1, ['https://c.com/', 'https://b.com/', 'https://new.com/', 'https://a.com/']));
    const [list] = diffTopLists(november, october, noNegatives);
    expect(list!.previousObserved).toBe(true);
    expect(list!.entries.map((entry) => [entry.canonicalUrl, entry.change, entry.previousRank])).toEqual([
      ['https://c.com/', { moved: 2 }, 3],
      ['https://b.com/', 'same', 2],
      ['https://new.com/', 'new', null],
      ['https://a.com/', { moved: -3 }, 1],
    ]);
    expect(list!.dropped).toEqual([{ canonicalUrl: 'https://d.com/', previousRank: 4 }]);
  });

  it('compares a list with fewer than 20 results and one seen only on page 2 as they are', () => {
    const october = topListsOf({
      ...slotsOf('google', 'acme', 1, page('x.com', 10)),
      ...slotsOf('google', 'acme', 11, page('y.com', 10)),
    });
    // November: only page 2 seen, and the engine had just 7 results there.
    const november = topListsOf(slotsOf('google', 'acme', 11, [...page('y.com', 6), 'https://x.com/1']));
    const [list] = diffTopLists(november, october, noNegatives);
    expect(list!.entries.map((entry) => entry.rank)).toEqual([11, 12, 13, 14, 15, 16, 17]);
    expect(list!.entries.slice(0, 6).every((entry) => entry.change === 'same')).toBe(true);
    expect(list!.entries[6]).toMatchObject({ canonicalUrl: 'https://x.com/1', change: { moved: -16 }, previousRank: 1 });
    expect(list!.dropped.map((dropped) => dropped.previousRank)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 18, 19, 20]);
  });

  it('makes every entry new when last month has no list, and gives no list for what this month has not seen', () => {
    const november = topListsOf(slotsOf('google', 'acme', 1, ['https://a.com/']));
    const october = topListsOf(slotsOf('bing', 'acme', 1, ['https://a.com/']));
    const changes = diffTopLists(november, october, { now: () => true, then: () => true });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ engine: 'google', previousObserved: false, dropped: [] });
    expect(changes[0]!.entries[0]).toMatchObject({ change: 'new', previousRank: null, newNegative: true });
    expect(diffTopLists([], october, noNegatives)).toEqual([]);
  });

  it('flags a new negative: negative now, and new to the list or relabeled since last month', () => {
    const october = topListsOf(slotsOf('google', 'acme', 1, ['https://old-bad.com/', 'https://relabeled.com/', 'https://fine.com/']));
    const november = topListsOf(
      slotsOf('google', 'acme', 1, ['https://old-bad.com/', 'https://relabeled.com/', 'https://fine.com/', 'https://fresh-bad.com/']),
    );
    const negativeNow = new Set(['https://old-bad.com/', 'https://relabeled.com/', 'https://fresh-bad.com/']);
    const negativeThen = new Set(['https://old-bad.com/', 'https://fresh-bad.com/']);
    const [list] = diffTopLists(november, october, { now: (url) => negativeNow.has(url), then: (url) => negativeThen.has(url) });
    expect(list!.entries.map((entry) => [entry.canonicalUrl, entry.newNegative])).toEqual([
      ['https://old-bad.com/', false],
      ['https://relabeled.com/', true],
      ['https://fine.com/', false],
      // Negative last month too, but not in last month's list: new to it.
      ['https://fresh-bad.com/', true],
    ]);
  });
});

describe('labels then and now', () => {
  const [novemberStart] = monthBounds('2026-11');
  const mention = (mark: Mention['mark'], suggested: Mention['suggested']) => ({ mark, suggested });
  const suggestedNeutral = { label: 'neutral' as const, score: 0, recommends: false };
  const everySuggestion = { minSuggestionConfidence: 0 };

  it('a mark set before the month stands; one set during it replaced the suggestion it was set over', () => {
    const markedInOctober = mention({ sentiment: 'negative', recommends: false, at: novemberStart - 1, suggestedAtMark: 'neutral' }, suggestedNeutral);
    expect(labelStateBefore(markedInOctober, novemberStart, everySuggestion)).toBe('marked:negative');
    const relabeledInNovember = mention({ sentiment: 'negative', recommends: false, at: novemberStart + 1, suggestedAtMark: 'neutral' }, suggestedNeutral);
    expect(labelStateBefore(relabeledInNovember, novemberStart, everySuggestion)).toBe('suggested:neutral');
    const recommendsOnly = mention({ sentiment: null, recommends: true, at: novemberStart + 1, suggestedAtMark: null }, suggestedNeutral);
    expect(labelStateBefore(recommendsOnly, novemberStart, everySuggestion)).toBe('suggested:neutral');
    expect(labelStateBefore(mention(null, null), novemberStart, everySuggestion)).toBe('unlabeled');
    expect(labelStateBefore(undefined, novemberStart, everySuggestion)).toBe('unlabeled');
  });

  it('the suggestion a mark replaced counted only if sure enough, judged by the confidence of the suggestion now', () => {
    const unsureNow = { label: 'positive' as const, score: 0.1, recommends: false, confidence: 0.3 };
    const relabeledInNovember = mention({ sentiment: 'positive', recommends: false, at: novemberStart + 1, suggestedAtMark: 'negative' }, unsureNow);
    expect(labelStateBefore(relabeledInNovember, novemberStart, everySuggestion)).toBe('suggested:negative');
    expect(labelStateBefore(relabeledInNovember, novemberStart, { minSuggestionConfidence: 0.4 })).toBe('unlabeled');
    expect(labelStateBefore(relabeledInNovember, novemberStart + 2, { minSuggestionConfidence: 0.4 })).toBe('marked:positive');
  });

  it('a suggested negative counts only while suggestions count', () => {
    expect(countsNegative('marked:negative', false)).toBe(true);
    expect(countsNegative('suggested:negative', true)).toBe(true);
    expect(countsNegative('suggested:negative', false)).toBe(false);
    expect(countsNegative('marked:irrelevant', true)).toBe(false);
  });
});

describe('share of voice', () => {
  const domains = { clientDomains: ['acme.com'], competitorDomains: ['rival.com', 'shop.rival.com', 'other.org'] };

  it('counts competitor domains and their subdomains against all filled slots, per query, per engine and per competitor', () => {
    const october: Aggregate['slots'] = {
      ...slotsOf('google', 'acme', 1, [
        'https://acme.com/',
        'https://blog.rival.com/post',
        'https://shop.rival.com/cart',
        'https://reviews.example/acme',
      ]),
      // An engine with only four results, and a look-alike domain that is no competitor.
      ...slotsOf('bing', 'acme', 1, ['https://rival.com/', 'https://notrival.com/', 'https://acme.com/about', 'https://forum.example/t/1']),
      ...slotsOf('google', 'acme jobs', 11, ['https://other.org/jobs', 'https://jobs.example/acme']),
    };
    const [acme, jobs] = shareOfVoice([{ month: '2026-10', slots: october }], domains);
    expect(acme!.query).toBe('acme');
    expect(acme!.months).toEqual([
      {
        month: '2026-10',
        competitors: 3 / 8,
        client: 2 / 8,
        byCompetitor: { 'rival.com': 2 / 8, 'shop.rival.com': 1 / 8, 'other.org': 0 },
        byEngine: {
          bing: { competitors: 1 / 4, client: 1 / 4, byCompetitor: { 'rival.com': 1 / 4, 'shop.rival.com': 0, 'other.org': 0 } },
          google: { competitors: 2 / 4, client: 1 / 4, byCompetitor: { 'rival.com': 1 / 4, 'shop.rival.com': 1 / 4, 'other.org': 0 } },
        },
      },
    ]);
    // Seen only on page 2: its two slots are the whole denominator.
    expect(jobs!.months[0]).toMatchObject({ competitors: 1 / 2, client: 0, byCompetitor: { 'other.org': 1 / 2 } });
  });

  it('gives a series month over month, with no share where a month has no slot of the query', () => {
    const series = shareOfVoice(
      [
        { month: '2026-11', slots: slotsOf('google', 'acme', 1, ['https://rival.com/', 'https://acme.com/']) },
        { month: '2026-09', slots: slotsOf('google', 'acme', 1, ['https://acme.com/']) },
        { month: '2026-10', slots: {} },
      ],
      domains,
    );
    expect(series).toHaveLength(1);
    expect(series[0]!.months.map(({ month, competitors, client }) => [month, competitors, client])).toEqual([
      ['2026-09', 0, 1],
      ['2026-10', null, null],
      ['2026-11', 0.5, 0.5],
    ]);
    expect(series[0]!.months[1]).toMatchObject({ byCompetitor: {}, byEngine: {} });
    expect(shareOfVoice([], domains)).toEqual([]);
  });

  it('a domain that is the client’s and a competitor’s counts as the client’s, like the competitor badge', () => {
    const [acme] = shareOfVoice(
      [{ month: '2026-11', slots: slotsOf('google', 'acme', 1, ['https://acme.com/']) }],
      { clientDomains: ['acme.com'], competitorDomains: ['acme.com'] },
    );
    expect(acme!.months[0]).toMatchObject({ competitors: 0, client: 1 });
  });
});
