import { describe, expect, it } from 'vitest';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository, type MentionDraft } from '@/lib/db/repository';
import { rebuildAggregates } from '@/lib/kpi/aggregate';
import { normalizeQuery } from '@/lib/match/url';

function draft(url: string, kind: MentionDraft['kind'] = 'serp-result'): MentionDraft {
  return {
    canonicalUrl: url,
    url: `https://${url}`,
    domain: url.split('/')[0]!,
    kind,
    title: `About ${url}`,
    excerpt: 'Acme was fine',
    lang: 'en',
    suggested: { label: 'positive', score: 0.5, recommends: false },
    flags: { clientSite: false, linksToClient: false, mentionsClient: true },
  };
}

describe('clearing a project’s browsing history', () => {
  it('deletes its snapshots and unmarked mentions, keeps marks and other projects, and rebuilds the counters', async () => {
    const db = await openLensDatabase('history-clear');
    const repository = new LensRepository(db, normalizeQuery);
    const acme = await repository.projects.saveProject({ name: 'Acme', keyQueries: ['acme'] });
    const other = await repository.projects.saveProject({ name: 'Other', keyQueries: ['acme'] });
    const at = Date.UTC(2026, 10, 10);
    const items = ['a.org/1', 'b.org/2', 'c.org/3'].map((url) => draft(url));
    for (const project of [acme, other]) {
      await repository.mentions.observePage({ projectId: project.id, engine: 'google', serp: { query: 'acme', firstRank: 1 }, items, at });
    }
    await repository.mentions.setMark(acme.id, items[1]!, { sentiment: 'negative', recommends: false }, at + 1);

    expect(await repository.history.clear(acme.id)).toEqual({ snapshots: 1, mentions: 2 });
    const kept = await repository.mentions.getMentions(acme.id, items.map((item) => item.canonicalUrl));
    expect(kept.map((mention) => mention?.mark?.sentiment)).toEqual([undefined, 'negative', undefined]);
    expect(await db.countFromIndex('snapshots', 'byProject', acme.id)).toBe(0);
    // What the counters say is what a rebuild from the remaining records says, and the mark is still counted.
    const report = await repository.aggregates.kpiReport(acme.id, '2026-11');
    expect(report.markedCount).toBe(1);
    expect(await repository.aggregates.getAggregates(acme.id)).toEqual(rebuildAggregates(acme, [], kept.filter((mention) => mention !== undefined), normalizeQuery));
    // The other project saw the same page and keeps all of it.
    expect(await db.countFromIndex('snapshots', 'byProject', other.id)).toBe(1);
    expect((await repository.mentions.getMentions(other.id, items.map((item) => item.canonicalUrl))).every((mention) => mention !== undefined)).toBe(true);
    db.close();
  });
});
