import { describe, expect, it } from 'vitest';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository, type MentionDraft } from '@/lib/db/repository';
import { rebuildAggregates } from '@/lib/kpi/aggregate';
import { normalizeQuery } from '@/lib/match/url';
import type { Aggregate, MarkSentiment, Sentiment } from '@/lib/schema';
import { seededRandom } from '../support/prng';

const SENTIMENTS: Sentiment[] = ['positive', 'neutral', 'negative'];
const MARKS: (MarkSentiment | null)[] = ['positive', 'neutral', 'negative', 'irrelevant', null];

function draft(url: string, kind: MentionDraft['kind'], label: Sentiment, recommends: boolean): MentionDraft {
  return {
    canonicalUrl: url,
    url: `https://${url}`,
    domain: url.split('/')[0]!,
    kind,
    title: url,
    excerpt: '',
    lang: 'en',
    suggested: { label, score: 0, recommends },
    flags: { clientSite: url.startsWith('client.com'), linksToClient: false, mentionsClient: false },
  };
}

function sorted(aggregates: Aggregate[]): Aggregate[] {
  return [...aggregates].sort((a, b) => a.month.localeCompare(b.month));
}

async function runSequence(seed: number, steps: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const db = await openLensDatabase(`aggregates-${seed}`);
  const repository = new LensRepository(db, normalizeQuery);
  const project = await repository.saveProject({
    name: 'Acme',
    clientDomains: ['client.com'],
    keyQueries: ['Acme reviews', 'acme  price'],
  });
  const urls = Array.from({ length: 30 }, (_, i) => (i % 7 === 0 ? `client.com/p${i}` : `site${i}.org/page`));
  const queries = ['acme reviews', 'acme price', 'something else'];
  const months = [Date.UTC(2026, 8, 15), Date.UTC(2026, 9, 15), Date.UTC(2026, 10, 15)];
  let clock = 0;
  for (let step = 0; step < steps; step++) {
    clock += 1000;
    const at = pick(months) + clock;
    const roll = random();
    if (roll < 0.45) {
      const firstRank = pick([1, 11]);
      const items = Array.from({ length: 10 }, () =>
        draft(pick(urls), 'serp-result', pick(SENTIMENTS), random() < 0.2),
      );
      await repository.observePage({
        projectId: project.id,
        engine: pick(['google', 'bing']),
        serp: { query: pick(queries), firstRank },
        items,
        at,
      });
    } else if (roll < 0.6) {
      const items = Array.from({ length: 3 }, () => draft(`forum.net/t/${Math.floor(random() * 8)}`, 'forum-post', pick(SENTIMENTS), false));
      await repository.observePage({ projectId: project.id, engine: 'phpbb', items, at });
    } else {
      const url = random() < 0.8 ? pick(urls) : `forum.net/t/${Math.floor(random() * 10)}`;
      const kind = url.startsWith('forum.net') ? 'forum-post' : 'serp-result';
      await repository.setMark(project.id, draft(url, kind, pick(SENTIMENTS), false), {
        sentiment: pick(MARKS),
        recommends: random() < 0.3,
      }, at);
    }
  }
  const incremental = sorted(await repository.getAggregates(project.id));
  const snapshots = await db.getAllFromIndex('snapshots', 'byProject', project.id);
  const mentions = await db.getAllFromIndex('mentions', 'byProject', project.id);
  const fromRaw = rebuildAggregates((await repository.getProject(project.id))!, snapshots, mentions, normalizeQuery);
  const markedCount = (await repository.kpiReport(project.id, '2026-11')).markedCount;
  db.close();
  return { incremental, fromRaw, markedCount, markedMentions: mentions.filter((mention) => mention.mark !== null).length };
}

describe('month aggregates', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`incremental updates equal a rebuild from raw records (seed ${seed})`, async () => {
      const { incremental, fromRaw, markedCount, markedMentions } = await runSequence(seed, 120);
      expect(incremental.length).toBeGreaterThan(0);
      expect(incremental).toEqual(fromRaw);
      expect(markedCount).toBe(markedMentions);
    });
  }

  it('counts an observed top-20 and a mark in the SERP counters', async () => {
    const db = await openLensDatabase('aggregates-basic');
    const repository = new LensRepository(db, normalizeQuery);
    const project = await repository.saveProject({ name: 'Acme', keyQueries: ['acme'] });
    const at = Date.UTC(2026, 10, 10);
    await repository.observePage({
      projectId: project.id,
      engine: 'google',
      serp: { query: 'acme', firstRank: 1 },
      items: [draft('a.com/1', 'serp-result', 'neutral', false), draft('b.com/2', 'serp-result', 'negative', false)],
      at,
    });
    await repository.setMark(project.id, draft('a.com/1', 'serp-result', 'neutral', false), { sentiment: 'positive', recommends: true }, at);
    const [aggregate] = await repository.getAggregates(project.id);
    expect(aggregate?.top20['marked:positive']).toBe(1);
    expect(aggregate?.top20['suggested:negative']).toBe(1);
    expect(aggregate?.top10['suggested:neutral']).toBe(0);
    expect(aggregate?.thirdPartyRecommends).toEqual({ marked: 1, suggested: 0 });
    db.close();
  });
});
