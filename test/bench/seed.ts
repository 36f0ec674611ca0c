// A year of a busy project's records (100k mentions by default), built in Node with the product's own code and
// written straight into the extension's IndexedDB in the browser.
//
// Why not through the message protocol: page.observe stores about a thousand items a second here, so 100k
// mentions would take the whole time budget of the bench. Instead each mention is derived by the background's
// own `draftMention` (canonical URL, client flags, suggested label), the month aggregates by the repository's
// own `rebuildAggregates` (which a unit test proves equal to the incremental updates), records are checked
// against the zod schemas, and only then stored. What the popup and the dashboard read is therefore what the
// background would have written; the one thing left out is the learned suggestion model, which only changes
// future suggestions and is not read by the KPI path.
import type { Page } from 'puppeteer';
import { draftMention } from '../../lib/background/service.ts';
import type { MentionDraft } from '../../lib/db/repository.ts';
import { markedCountKey } from '../../lib/db/repository.ts';
import { seededRandom } from '../support/prng.ts';
import { rebuildAggregates, splitAggregate } from '../../lib/kpi/aggregate.ts';
import { canonicalizeUrl, hostnameOf, normalizeQuery } from '../../lib/match/url.ts';
import {
  AggregateSchema,
  MentionSchema,
  SnapshotSchema,
  monthOf,
  type Aggregate,
  type MarkSentiment,
  type Mention,
  type Month,
  type Project,
  type Snapshot,
} from '../../lib/schema/index.ts';
import { inKeyOrder } from '../../lib/schema/key-order.ts';
import { BENCH_BRAND, BENCH_DOMAIN } from './pages.ts';

export interface SeedStore {
  mentions: Mention[];
  snapshots: Snapshot[];
  aggregates: Aggregate[];
  /** The counters the background keeps beside the aggregates (the marked-mention count). */
  settings: { key: string; value: unknown }[];
  months: Month[];
}

export const SEED_ENGINES = ['google', 'yandex', 'duckduckgo', 'brave'] as const;
const FORUM_SHARE = 0.3;
const MARKED_SHARE = 0.2;
const THIRD_PARTY_DOMAINS = 2000;

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

const OPENINGS = ['I visited', 'My family tried', 'We went to', 'Last month I booked', 'A friend recommended'];
const VERDICTS = [
  'and the staff were friendly and careful, highly recommended',
  'and waited two hours, the bill was wrong, avoid',
  'for a routine check-up, nothing special to report',
  'and the treatment was painless, excellent work',
  'and the reception was rude, never again',
  'to compare prices for implants and crowns',
];

/** The last `count` months up to and including the month of `now`, oldest first. */
export function monthsUpTo(now: number, count: number): Month[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, index) => monthOf(new Date(date.getFullYear(), date.getMonth() - (count - 1 - index), 15).getTime()));
}

function timeIn(month: Month, random: () => number): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(year, monthNumber - 1, 1 + Math.floor(random() * 27), Math.floor(random() * 24)).getTime();
}

/**
 * `mentionCount` mentions spread over `monthCount` months (30% forum posts, 20% marked by the user) and, for
 * every month, engine and key query, snapshots of result pages 1 and 2 whose URLs are mentions seen that month.
 */
export function buildSeedStore(project: Project, options: { mentionCount: number; monthCount: number; now: number }): SeedStore {
  const random = seededRandom(20_240_601);
  const months = monthsUpTo(options.now, options.monthCount);
  const mentions: Mention[] = [];
  const serpByMonth = new Map<Month, string[]>(months.map((month) => [month, []]));
  // Suggestion, language and client flags depend only on the text, the kind and whether the URL is the
  // client's; deriving them once per combination keeps 100k mentions from costing 100k sentiment analyses.
  const drafts = new Map<string, MentionDraft>();
  for (let index = 0; index < options.mentionCount; index++) {
    const forum = random() < FORUM_SHARE;
    const client = index % 100 === 0;
    const domain = client ? BENCH_DOMAIN : `site${Math.floor(random() * THIRD_PARTY_DOMAINS)}.example.org`;
    const url = forum ? `https://forum.${domain}/thread/${index}/post/${index % 40}` : `https://${domain}/northwind/${index}`;
    const snippet = `${pick(random, OPENINGS)} ${BENCH_BRAND} ${pick(random, VERDICTS)}`;
    const key = [snippet, forum, client].join('|');
    let template = drafts.get(key);
    if (!template) {
      const page = forum
        ? { url: `https://forum.${domain}/thread/${index}`, site: 'forum', kind: 'forum' as const }
        : { url: 'https://www.google.com/search?q=northwind', site: 'google', kind: 'serp' as const, query: 'northwind' };
      template = draftMention({ url, title: `${BENCH_BRAND} review`, snippet, linkedUrls: [] }, page, project);
      drafts.set(key, template);
    }
    const draft: MentionDraft = { ...template, url, canonicalUrl: canonicalizeUrl(url), domain: hostnameOf(url) ?? '' };
    const firstMonthIndex = Math.floor(random() * months.length);
    const seenIn = months.slice(firstMonthIndex, firstMonthIndex + 1 + Math.floor(random() * 3));
    const firstSeen = timeIn(seenIn[0]!, random);
    const lastSeen = Math.max(firstSeen, timeIn(seenIn.at(-1)!, random));
    const marked = random() < MARKED_SHARE;
    const sentiment: MarkSentiment = marked && random() < 0.1 ? 'irrelevant' : (draft.suggested?.label ?? 'neutral');
    // Stored as the background stores a mention: keys in order.
    mentions.push(inKeyOrder({
      ...draft,
      projectId: project.id,
      months: seenIn,
      firstSeen,
      lastSeen,
      mark: marked
        ? { sentiment, recommends: random() < 0.1, at: lastSeen, suggestedAtMark: draft.suggested?.label ?? null }
        : null,
    }));
    if (!forum) for (const month of seenIn) serpByMonth.get(month)!.push(draft.canonicalUrl);
  }

  const snapshots: Snapshot[] = [];
  for (const month of months) {
    const seen = serpByMonth.get(month)!;
    for (const engine of SEED_ENGINES) {
      for (const query of project.keyQueries) {
        for (const firstRank of [1, 11]) {
          snapshots.push({
            projectId: project.id,
            engine,
            query: normalizeQuery(query),
            firstRank,
            capturedAt: timeIn(month, random),
            month,
            urls: Array.from({ length: 10 }, () => pick(random, seen)),
          });
        }
      }
    }
  }
  const aggregates = rebuildAggregates(project, snapshots, mentions, normalizeQuery);
  // The records must be what the background itself would accept; a schema change makes this throw, not mislead.
  for (const mention of mentions.slice(0, 1000)) MentionSchema.parse(mention);
  for (const snapshot of snapshots) SnapshotSchema.parse(snapshot);
  for (const aggregate of aggregates) AggregateSchema.parse(aggregate);
  const settings = [{ key: markedCountKey(project.id), value: mentions.filter((mention) => mention.mark !== null).length }];
  return { mentions, snapshots, aggregates, settings, months };
}

const CHUNK = 5000;

/** Stores the records in the extension's database from one of its pages (same origin as the service worker). */
export async function writeSeedStore(extensionPage: Page, databaseName: string, store: SeedStore): Promise<void> {
  const put = (storeName: string, records: readonly unknown[]) =>
    extensionPage.evaluate(
      async (name, target, batch) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          // Relaxed: the seed need not survive a crash, and the default flush per transaction only slows it down.
          const tx = db.transaction(target, 'readwrite', { durability: 'relaxed' });
          for (const record of batch) tx.objectStore(target).put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      databaseName,
      storeName,
      records as unknown[],
    );
  for (let start = 0; start < store.mentions.length; start += CHUNK) await put('mentions', store.mentions.slice(start, start + CHUNK));
  await put('snapshots', store.snapshots);
  const stored = store.aggregates.map(splitAggregate);
  await put('aggregates', stored.map((aggregate) => aggregate.counts));
  await put('topSlots', stored.map((aggregate) => aggregate.slots));
  await put('settings', store.settings);
}
