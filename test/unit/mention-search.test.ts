import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, testService, type TestService } from '../support/service';
import { AggregateRepository } from '@/lib/db/aggregates';
import type { LensDatabase } from '@/lib/db/database';
import { projectKeyRange } from '@/lib/db/stores';
import { rebuildAggregates } from '@/lib/kpi/aggregate';
import { rebuildPortalLinks } from '@/lib/kpi/portals';
import { normalizeQuery } from '@/lib/match/url';
import { type MentionRow, type RequestOf } from '@/lib/messaging';
import type { MarkSentiment } from '@/lib/schema';
import { seededRandom } from '../support/prng';


const OCTOBER = new Date(2026, 9, 15).getTime();
const NOVEMBER = new Date(2026, 10, 15).getTime();

const serp = (site: string, query: string) => ({ url: `https://${site}.example/search?q=${encodeURIComponent(query)}`, site, kind: 'serp' as const, query, firstRank: 1 });
const thread = { url: 'https://talk.example/viewtopic.php?t=7', site: 'phpbb', kind: 'forum' as const };

const result = (rank: number, url: string, title: string, snippet = '') => ({ rank, url, title, snippet });
const CLIENT = result(1, 'https://acmeclinic.com/', 'Acme Clinic — official site', 'Family doctors.');
const SCAM = result(2, 'https://reviews.example.org/acme', 'Acme Clinic is a scam', 'Terrible, rude staff. Avoid.');
const OTZOVIK = result(2, 'https://otzovik.com/reviews/acme', 'Отзывы о клинике Акме', 'Грубый персонал, ужасно.');
const BLOG = result(3, 'https://blog.example.net/acme-prices', 'Acme Clinic prices', 'Prices for a visit.');

let call: TestService['call'];
let db: LensDatabase;
let changes: string[];
let clock: number;

beforeEach(async () => {
  changes = [];
  clock = OCTOBER;
  ({ db, call } = await testService({ onDataChanged: (projectId) => changes.push(projectId), now: () => clock }));
});

async function saveAcme(): Promise<string> {
  const saved = await call('projects.save', {
    input: { name: 'Acme', clientDomains: ['acmeclinic.com'], brandTerms: ['Acme Clinic', 'Акме'], keyQueries: ['acme clinic'] },
  });
  if (!saved.saved) throw new Error('project not saved');
  return saved.project.id;
}

/** October: google and yandex results; November: google again, and a forum thread. */
async function observeTwoMonths() {
  await call('page.observe', { page: serp('google', 'acme clinic'), items: [CLIENT, SCAM, BLOG] }, CONTENT_SCRIPT);
  await call('page.observe', { page: serp('yandex', 'acme clinic'), items: [{ ...OTZOVIK, rank: 1 }, SCAM] }, CONTENT_SCRIPT);
  clock = NOVEMBER;
  await call('page.observe', { page: serp('google', 'acme clinic'), items: [CLIENT, OTZOVIK] }, CONTENT_SCRIPT);
  await call('page.observe', {
    page: thread,
    items: [{ url: `${thread.url}#p1`, title: 'Acme Clinic thread', snippet: 'Acme Clinic was great, see acmeclinic.com', text: 'Acme Clinic was great, see acmeclinic.com', linkedUrls: ['https://acmeclinic.com/'] }],
  }, CONTENT_SCRIPT);
}

type Search = { rows: MentionRow[]; total: number };
const search = (filter: RequestOf<'mentions.search'>['filter'], page = { offset: 0, limit: 50 }): Promise<Search> =>
  call('mentions.search', { filter, ...page });
const urlsOf = (answer: Search) => answer.rows.map((row) => row.canonicalUrl);

async function kpi(key: string, month: string) {
  const { report } = await call('kpi.get', { month });
  return { ...report!.kpis.find((entry) => entry.key === key)!, markedCount: report!.markedCount };
}

describe('mention search', () => {
  it('pages through the project’s mentions newest first, filtered by text, label, engine, portal, kind, domain and month', async () => {
    await saveAcme();
    await observeTwoMonths();
    const all = await search({});
    expect(all.total).toBe(5);
    // Newest sighting first, then by URL among mentions seen at the same time.
    expect(urlsOf(all)).toEqual([
      'https://acmeclinic.com/',
      'https://otzovik.com/reviews/acme',
      'https://talk.example/viewtopic.php?t=7#p1',
      'https://blog.example.net/acme-prices',
      'https://reviews.example.org/acme',
    ]);
    expect(all.rows[2]).toMatchObject({ domain: 'talk.example', kind: 'forum-post', months: ['2026-11'] });
    expect(all.rows[1]).toMatchObject({ domain: 'otzovik.com', months: ['2026-10', '2026-11'] });

    const second = await search({}, { offset: 2, limit: 2 });
    expect(second.total).toBe(5);
    expect(urlsOf(second)).toEqual(urlsOf(all).slice(2, 4));

    expect(urlsOf(await search({ text: 'ОТЗЫВЫ' }))).toEqual(['https://otzovik.com/reviews/acme']);
    expect(urlsOf(await search({ engine: 'yandex' })).sort()).toEqual(['https://otzovik.com/reviews/acme', 'https://reviews.example.org/acme']);
    expect(urlsOf(await search({ portal: 'talk.example' }))).toEqual(['https://talk.example/viewtopic.php?t=7#p1']);
    expect(urlsOf(await search({ kind: 'forum-post' }))).toEqual(['https://talk.example/viewtopic.php?t=7#p1']);
    expect(urlsOf(await search({ domain: 'example.org' }))).toEqual(['https://reviews.example.org/acme']);
    expect((await search({ month: '2026-10' })).total).toBe(4);
    // An engine and a month: what that engine showed in that month (OTZOVIK was on google in November only).
    expect(urlsOf(await search({ label: 'negative', state: 'suggested', month: '2026-10', engine: 'google' }))).toEqual(['https://reviews.example.org/acme']);
    expect(urlsOf(await search({ month: '2026-11', engine: 'google' }))).toEqual(['https://acmeclinic.com/', 'https://otzovik.com/reviews/acme']);
    expect((await search({ state: 'marked' })).total).toBe(0);
    await expect(search({}, { offset: 0, limit: 501 })).rejects.toThrow(/limit/);
  });

  it('relabels three mentions seen in two months in one go: KPIs, marked count, agreement, and only what changed', async () => {
    const projectId = await saveAcme();
    await observeTwoMonths();
    const before = { october: await kpi('serp-positivity', '2026-10'), november: await kpi('serp-positivity', '2026-11') };
    expect(before.october).toMatchObject({ value: 0, confirmed: 0, markedCount: 0 });
    expect(before.november).toMatchObject({ value: 0, confirmed: 0 });
    changes = [];
    // SCAM: October only; OTZOVIK: both months; BLOG: October only, and CLIENT stays as suggested.
    const urls = ['https://reviews.example.org/acme', 'https://otzovik.com/reviews/acme', 'https://blog.example.net/acme-prices'];
    expect(await call('mentions.relabel', { canonicalUrls: urls, sentiment: 'positive' })).toEqual({ changed: 3 });
    expect(changes).toEqual([projectId]);
    const after = { october: await kpi('serp-positivity', '2026-10'), november: await kpi('serp-positivity', '2026-11') };
    // October's top-20 holds the client's site (suggested neutral) and four slots of the three relabelled URLs.
    expect(after.october).toMatchObject({ value: 0.8, confirmed: 4, markedCount: 3 });
    expect(after.november).toMatchObject({ value: 0.5, confirmed: 1 });

    const marked = await search({ state: 'marked' });
    expect(marked.total).toBe(3);
    const scam = marked.rows.find((row) => row.canonicalUrl === urls[0])!;
    expect(scam.item.mark).toMatchObject({ sentiment: 'positive', recommends: false, at: NOVEMBER, suggestedAtMark: 'negative' });
    // Three marks against our suggestions, counted in the month they were set.
    expect(await call('suggestions.agreement', {})).toMatchObject({ thisMonth: { agreed: 0, total: 3 } });

    // The same mark again changes nothing; "recommends" alone keeps the sentiment and what we suggested then.
    expect(await call('mentions.relabel', { canonicalUrls: urls, sentiment: 'positive' })).toEqual({ changed: 0 });
    expect(await call('mentions.relabel', { canonicalUrls: [urls[0]!, 'https://never.seen/'], recommends: true })).toEqual({ changed: 1 });
    expect((await search({ text: 'scam' })).rows[0]!.item.mark).toMatchObject({ sentiment: 'positive', recommends: true, suggestedAtMark: 'negative' });

    // Clearing takes the whole mark off: the KPIs go back to the suggestions.
    expect(await call('mentions.relabel', { canonicalUrls: urls, sentiment: null, recommends: false })).toEqual({ changed: 3 });
    expect(await kpi('serp-positivity', '2026-10')).toEqual(before.october);
    expect(await kpi('serp-positivity', '2026-11')).toEqual(before.november);
  });

  it('is for the extension’s own pages only, and a relabel names what to set', async () => {
    await saveAcme();
    await observeTwoMonths();
    const canonicalUrls = ['https://reviews.example.org/acme'];
    await expect(call('mentions.relabel', { canonicalUrls, sentiment: 'positive' }, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    await expect(call('mentions.search', { filter: {}, offset: 0, limit: 10 }, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    await expect(call('mentions.relabel', { canonicalUrls })).rejects.toThrow(/a label or “recommends”/);
    await expect(call('mentions.relabel', { canonicalUrls: Array.from({ length: 1001 }, (_, i) => `https://x.example/${i}`), sentiment: 'neutral' })).rejects.toThrow(/canonicalUrls/);
    expect((await search({ state: 'marked' })).total).toBe(0);
  });
});

describe('bulk relabel and the counters', () => {
  const SENTIMENTS: (MarkSentiment | null)[] = ['positive', 'neutral', 'negative', 'irrelevant', null];
  const ENGINES = ['google', 'yandex'];
  const QUERIES = ['acme clinic', 'acme  CLINIC', 'something else'];
  const MONTHS = [new Date(2026, 8, 10).getTime(), OCTOBER, NOVEMBER];

  /** Pages, single marks and bulk relabels in a random order, then the counters against a rebuild from the records. */
  async function runSequence(seed: number, steps: number) {
    const random = seededRandom(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const projectId = await saveAcme();
    const urls = Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? `https://acmeclinic.com/p${i}` : `https://site${i}.example/acme`));
    const snippets = ['Acme Clinic is great, friendly', 'Acme Clinic: rude and terrible', 'Acme Clinic prices'];
    const seen = new Set<string>();
    let relabels = 0;
    for (let step = 0; step < steps; step++) {
      clock = pick(MONTHS) + step * 1000;
      const roll = random();
      if (roll < 0.35) {
        const items = Array.from({ length: 6 }, (_, i) => result(i + 1, pick(urls), `Result ${i}`, pick(snippets)));
        const answer: { items: { canonicalUrl: string }[] } = await call('page.observe', { page: serp(pick(ENGINES), pick(QUERIES)), items }, CONTENT_SCRIPT);
        answer.items.forEach((item) => seen.add(item.canonicalUrl));
      } else if (roll < 0.55) {
        const text = pick(snippets);
        const items = Array.from({ length: 3 }, () => ({
          url: `${thread.url}#p${Math.floor(random() * 8)}`,
          title: 'Thread',
          snippet: text,
          text,
          linkedUrls: random() < 0.4 ? ['https://acmeclinic.com/'] : [],
        }));
        const answer: { items: { canonicalUrl: string }[] } = await call('page.observe', { page: thread, items }, CONTENT_SCRIPT);
        answer.items.forEach((item) => seen.add(item.canonicalUrl));
      } else if (roll < 0.7) {
        const item = result(1, pick(urls), 'Marked', pick(snippets));
        await call('mark.set', { page: serp(pick(ENGINES), pick(QUERIES)), item, sentiment: pick(SENTIMENTS), recommends: random() < 0.3 }, CONTENT_SCRIPT);
      } else if (seen.size > 0) {
        const canonicalUrls = [...seen].filter(() => random() < 0.4);
        if (canonicalUrls.length === 0) continue;
        const edit = pick<Pick<RequestOf<'mentions.relabel'>, 'sentiment' | 'recommends'>>([
          { sentiment: pick(SENTIMENTS) },
          { recommends: random() < 0.5 },
          { sentiment: pick(SENTIMENTS), recommends: random() < 0.5 },
        ]);
        await call('mentions.relabel', { canonicalUrls, ...edit });
        relabels += 1;
      }
    }
    const project = (await db.get('projects', projectId))!;
    const mentions = await db.getAll('mentions', projectKeyRange(projectId));
    const portals = await db.getAllFromIndex('portals', 'byProject', projectId);
    const sortByMonth = <T extends { month: string }>(records: T[]) => [...records].sort((a, b) => a.month.localeCompare(b.month));
    return {
      relabels,
      aggregates: {
        incremental: sortByMonth(await new AggregateRepository(db, normalizeQuery).getAggregates(projectId)),
        fromRaw: sortByMonth(rebuildAggregates(project, await db.getAllFromIndex('snapshots', 'byProject', projectId), mentions, normalizeQuery)),
      },
      portals: { incremental: portals, fromRaw: rebuildPortalLinks(portals, mentions) },
      markedCount: { incremental: (await kpi('score', '2026-11')).markedCount, fromRaw: mentions.filter((mention) => mention.mark !== null).length },
    };
  }

  for (const seed of [11, 12, 13, 14]) {
    it(`incremental counters equal a rebuild from the records after bulk relabels (seed ${seed})`, async () => {
      const { relabels, aggregates, portals, markedCount } = await runSequence(seed, 80);
      expect(relabels).toBeGreaterThan(3);
      expect(aggregates.incremental.length).toBeGreaterThan(0);
      expect(aggregates.incremental).toEqual(aggregates.fromRaw);
      expect(portals.incremental.length).toBeGreaterThan(0);
      expect(portals.incremental).toEqual(portals.fromRaw);
      expect(markedCount.incremental).toBe(markedCount.fromRaw);
    });
  }
});
