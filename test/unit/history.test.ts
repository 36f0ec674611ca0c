import { describe, expect, it, vi } from 'vitest';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository, type MentionDraft } from '@/lib/db/repository';
import { rebuildAggregates } from '@/lib/kpi/aggregate';
import { normalizeQuery } from '@/lib/match/url';
import { CONTENT_SCRIPT, testService } from '../support/service';

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

describe('retention of searches', () => {
  it('deletes searches older than the kept months, keeps marks, posts and every counter, and rebuilds leave old months alone', async () => {
    const db = await openLensDatabase('history-retention');
    const repository = new LensRepository(db, normalizeQuery);
    const project = await repository.projects.saveProject({ name: 'Acme', keyQueries: ['acme'], retentionMonths: 2 });
    const [august, october, november] = [Date.UTC(2026, 7, 10), Date.UTC(2026, 9, 10), Date.UTC(2026, 10, 10)];
    const serp = (at: number, urls: string[]) =>
      repository.mentions.observePage({ projectId: project.id, engine: 'google', serp: { query: 'acme', firstRank: 1 }, items: urls.map((url) => draft(url)), at });
    await serp(august, ['old.org/1', 'marked.org/2', 'again.org/3']);
    await repository.mentions.setMark(project.id, draft('marked.org/2'), { sentiment: 'negative', recommends: false }, august + 1);
    await repository.mentions.observePage({ projectId: project.id, engine: 'phpbb', items: [draft('forum.org/t/1#p1', 'forum-post')], at: august });
    await serp(november, ['again.org/3', 'new.org/4']);
    const before = await repository.aggregates.getAggregates(project.id);

    // Two months kept in November: October and November; August's searches go.
    expect(await repository.history.applyRetention(project.id, november)).toEqual({ snapshots: 1, mentions: 1, keptFrom: '2026-10' });
    const urls = ['old.org/1', 'marked.org/2', 'again.org/3', 'new.org/4', 'forum.org/t/1#p1'];
    expect((await repository.mentions.getMentions(project.id, urls)).map((mention) => mention !== undefined)).toEqual([false, true, true, true, true]);
    expect(await repository.aggregates.getAggregates(project.id)).toEqual(before);
    // A rebuild (here: another key query) recounts the kept months only; August keeps what it counted.
    await repository.projects.saveProject({ name: 'Acme', keyQueries: ['acme', 'acme prices'], retentionMonths: 2 }, project.id);
    expect((await repository.projects.getProject(project.id))?.searchesKeptFrom).toBe('2026-10');
    expect(await repository.aggregates.getAggregates(project.id)).toEqual(before);
    // Nothing more is old enough the same month.
    expect(await repository.history.applyRetention(project.id, october + 40 * 86_400_000)).toEqual({ snapshots: 0, mentions: 0, keptFrom: '2026-10' });
    db.close();
  });

  it('keeps everything without a retention', async () => {
    const db = await openLensDatabase('history-no-retention');
    const repository = new LensRepository(db, normalizeQuery);
    const project = await repository.projects.saveProject({ name: 'Acme', keyQueries: ['acme'] });
    await repository.mentions.observePage({ projectId: project.id, engine: 'google', serp: { query: 'acme', firstRank: 1 }, items: [draft('a.org/1')], at: Date.UTC(2020, 0, 1) });
    expect(await repository.history.applyRetention(project.id, Date.UTC(2026, 10, 1))).toEqual({ snapshots: 0, mentions: 0, keptFrom: null });
    db.close();
  });
});

describe('retention through the background', () => {
  it('is applied at the first stored page of a day', async () => {
    let clock = Date.UTC(2026, 7, 10);
    const service = await testService({ now: () => clock });
    await service.call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'], retentionMonths: 1 } });
    const page = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'acme clinic', firstRank: 1 };
    const observe = (url: string) => service.call('page.observe', { page, items: [{ rank: 1, url, title: 'Acme Clinic', snippet: '' }] }, CONTENT_SCRIPT);
    await observe('https://old.example/acme');
    clock = Date.UTC(2026, 10, 10);
    await observe('https://new.example/acme');
    // Applied after the page is answered.
    await vi.waitFor(async () => {
      const kept = await service.db.getAll('mentions');
      expect(kept.map((mention) => mention.canonicalUrl)).toEqual(['https://new.example/acme']);
      expect(await service.db.count('snapshots')).toBe(1);
    });
  });
});
