import { describe, expect, it } from 'vitest';
import { openLensDatabase } from '@/lib/db/database';
import { projectKeyRange } from '@/lib/db/stores';
import { LensRepository, type MentionDraft } from '@/lib/db/repository';
import { rebuildAggregates } from '@/lib/kpi/aggregate';
import { rebuildPortalLinks, type PortalObservation } from '@/lib/kpi/portals';
import { normalizeQuery } from '@/lib/match/url';
import type { Aggregate, MarkSentiment, Sentiment } from '@/lib/schema';
import { seededRandom } from '../support/prng';

const SENTIMENTS: Sentiment[] = ['positive', 'neutral', 'negative'];
const MARKS: (MarkSentiment | null)[] = ['positive', 'neutral', 'negative', 'irrelevant', null];

function draft(url: string, kind: MentionDraft['kind'], label: Sentiment, recommends: boolean, confidence?: number): MentionDraft {
  return {
    canonicalUrl: url,
    url: `https://${url}`,
    domain: url.split('/')[0]!,
    kind,
    title: url,
    excerpt: '',
    lang: 'en',
    suggested: { label, score: 0, recommends, confidence },
    flags: { clientSite: url.startsWith('client.com'), linksToClient: false, mentionsClient: false },
  };
}

function sorted(aggregates: Aggregate[]): Aggregate[] {
  return [...aggregates].sort((a, b) => a.month.localeCompare(b.month));
}

/** A portal visit as the background derives it from a forum page or a marked page. */
function visit(domain: string, kind: 'forum' | 'review-site' | null, at: number, random: () => number): PortalObservation {
  return {
    domain,
    kind,
    engine: kind === 'forum' ? 'phpbb' : null,
    threadUrl: `https://${domain}/t/${Math.floor(random() * 4)}`,
    newestPostAt: random() < 0.5 ? at - Math.floor(random() * 1e8) : null,
    at,
  };
}

/** How sure a suggestion is; some were made before confidences existed and have none. */
const confidenceOf = (random: () => number): number | undefined => (random() < 0.2 ? undefined : random());

/** A forum post or a marked page; some link to the client, and a post may lose or gain its link when edited. */
function portalDraft(url: string, kind: 'forum-post' | 'page', random: () => number): MentionDraft {
  return {
    ...draft(url, kind, SENTIMENTS[Math.floor(random() * 3)]!, random() < 0.2, confidenceOf(random)),
    flags: { clientSite: false, linksToClient: random() < 0.4, mentionsClient: random() < 0.5 },
  };
}

/** The project's confidence threshold starts at the first of `thresholds` and is saved as each next one in turn. */
async function runSequence(seed: number, steps: number, thresholds: readonly number[] = [0]) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const db = await openLensDatabase(`aggregates-${seed}-${thresholds.join('-')}`);
  const repository = new LensRepository(db, normalizeQuery);
  const input = { name: 'Acme', clientDomains: ['client.com'], keyQueries: ['Acme reviews', 'acme  price'] };
  let threshold = thresholds[0]!;
  const project = await repository.projects.saveProject({ ...input, minSuggestionConfidence: threshold });
  // Some results are pages of the portals too: a page mention and a search result can share a URL.
  const urls = Array.from({ length: 30 }, (_, i) => (i % 7 === 0 ? `client.com/p${i}` : i % 5 === 0 ? `reviews.org/r${i}` : `site${i}.org/page`));
  const forums = ['forum.net', 'talk.example'];
  const postUrl = () => `${pick(forums)}/t/${Math.floor(random() * 4)}#p${Math.floor(random() * 6)}`;
  const pageUrl = () => (random() < 0.5 ? pick(urls.filter((url) => url.startsWith('reviews.org'))) : `blog.example/${Math.floor(random() * 5)}`);
  const queries = ['acme reviews', 'acme price', 'something else'];
  const months = [Date.UTC(2026, 8, 15), Date.UTC(2026, 9, 15), Date.UTC(2026, 10, 15)];
  let clock = 0;
  for (let step = 0; step < steps; step++) {
    const next = thresholds[Math.floor((step * thresholds.length) / steps)]!;
    if (next !== threshold) {
      threshold = next;
      await repository.projects.saveProject({ ...input, minSuggestionConfidence: threshold }, project.id);
    }
    clock += 1000;
    const at = pick(months) + clock;
    const roll = random();
    if (roll < 0.35) {
      const firstRank = pick([1, 11]);
      const items = Array.from({ length: 10 }, () =>
        draft(pick(urls), 'serp-result', pick(SENTIMENTS), random() < 0.2, confidenceOf(random)),
      );
      await repository.mentions.observePage({
        projectId: project.id,
        engine: pick(['google', 'bing']),
        serp: { query: pick(queries), firstRank },
        items,
        at,
      });
    } else if (roll < 0.55) {
      const items = Array.from({ length: 3 }, () => portalDraft(postUrl(), 'forum-post', random));
      const portal = visit(items[0]!.domain, 'forum', at, random);
      await repository.mentions.observePage({ projectId: project.id, engine: 'phpbb', portal, items: items.map((item) => ({ ...item, domain: portal.domain })), at });
    } else if (roll < 0.7) {
      const page = portalDraft(pageUrl(), 'page', random);
      await repository.mentions.markPage(project.id, page, { sentiment: pick(MARKS), recommends: random() < 0.3 }, visit(page.domain, pick(['review-site', null]), at, random));
    } else {
      const roll2 = random();
      const url = roll2 < 0.7 ? pick(urls) : roll2 < 0.85 ? postUrl() : pageUrl();
      const kind = url.includes('#') ? 'forum-post' : 'serp-result';
      const marked = kind === 'forum-post' ? portalDraft(url, kind, random) : draft(url, kind, pick(SENTIMENTS), false, confidenceOf(random));
      const portal = kind === 'forum-post' ? visit(marked.domain, 'forum', at, random) : undefined;
      await repository.mentions.setMark(project.id, marked, { sentiment: pick(MARKS), recommends: random() < 0.3 }, at, portal);
    }
  }
  const incremental = sorted(await repository.aggregates.getAggregates(project.id));
  const portals = await db.getAllFromIndex('portals', 'byProject', project.id);
  const snapshots = await db.getAllFromIndex('snapshots', 'byProject', project.id);
  const mentions = await db.getAll('mentions', projectKeyRange(project.id));
  const fromRaw = rebuildAggregates((await repository.projects.getProject(project.id))!, snapshots, mentions, normalizeQuery);
  const markedCount = (await repository.aggregates.kpiReport(project.id, '2026-11')).markedCount;
  db.close();
  return {
    incremental,
    fromRaw,
    portals: { incremental: portals, fromRaw: rebuildPortalLinks(portals, mentions) },
    markedCount,
    markedMentions: mentions.filter((mention) => mention.mark !== null).length,
  };
}

describe('month aggregates', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`incremental updates of aggregates and portals equal a rebuild from raw records (seed ${seed})`, async () => {
      const { incremental, fromRaw, portals, markedCount, markedMentions } = await runSequence(seed, 160);
      expect(incremental.length).toBeGreaterThan(0);
      expect(incremental).toEqual(fromRaw);
      expect(incremental.some((aggregate) => Object.values(aggregate.forum).some((count) => count > 0))).toBe(true);
      expect(portals.incremental.length).toBeGreaterThan(1);
      expect(portals.incremental.some((portal) => Object.keys(portal.linksByFirstMonth).length > 0)).toBe(true);
      expect(portals.incremental).toEqual(portals.fromRaw);
      expect(markedCount).toBe(markedMentions);
    });
  }

  for (const seed of [1, 2, 3, 4]) {
    it(`the same holds while a confidence threshold leaves unsure suggestions uncounted, and after it changes (seed ${seed})`, async () => {
      const { incremental, fromRaw, portals } = await runSequence(seed, 160, [0.4, 0.7]);
      // Every stored mention has a suggestion, so only the threshold leaves a result unlabeled.
      expect(incremental.some((aggregate) => aggregate.top20.unlabeled > 0)).toBe(true);
      expect(incremental).toEqual(fromRaw);
      expect(portals.incremental).toEqual(portals.fromRaw);
    });
  }

  it('counts an observed top-20 and a mark in the SERP counters', async () => {
    const db = await openLensDatabase('aggregates-basic');
    const repository = new LensRepository(db, normalizeQuery);
    const project = await repository.projects.saveProject({ name: 'Acme', keyQueries: ['acme'] });
    const at = Date.UTC(2026, 10, 10);
    await repository.mentions.observePage({
      projectId: project.id,
      engine: 'google',
      serp: { query: 'acme', firstRank: 1 },
      items: [draft('a.com/1', 'serp-result', 'neutral', false), draft('b.com/2', 'serp-result', 'negative', false)],
      at,
    });
    await repository.mentions.setMark(project.id, draft('a.com/1', 'serp-result', 'neutral', false), { sentiment: 'positive', recommends: true }, at);
    const [aggregate] = await repository.aggregates.getAggregates(project.id);
    expect(aggregate?.top20['marked:positive']).toBe(1);
    expect(aggregate?.top20['suggested:negative']).toBe(1);
    expect(aggregate?.top10['suggested:neutral']).toBe(0);
    expect(aggregate?.thirdPartyRecommends).toEqual({ marked: 1, suggested: 0 });
    db.close();
  });
});
