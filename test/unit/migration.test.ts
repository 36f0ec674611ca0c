import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openLensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { emptyLabelCounts } from '@/lib/schema';

const noLabels = emptyLabelCounts();

/** The stores and indexes exactly as version 1 created them. */
async function writeVersion1(name: string) {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      v1.createObjectStore('projects', { keyPath: 'id' });
      const mentions = v1.createObjectStore('mentions', { keyPath: ['projectId', 'canonicalUrl'] });
      mentions.createIndex('byProject', 'projectId');
      mentions.createIndex('byProjectMarkedAt', ['projectId', 'mark.at']);
      const snapshots = v1.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
      snapshots.createIndex('byProject', 'projectId');
      snapshots.createIndex('byProjectMonth', ['projectId', 'month']);
      v1.createObjectStore('aggregates', { keyPath: ['projectId', 'month'] }).createIndex('byProject', 'projectId');
      v1.createObjectStore('portals', { keyPath: ['projectId', 'domain'] }).createIndex('byProject', 'projectId');
      v1.createObjectStore('promotion', { keyPath: ['projectId', 'month'] }).createIndex('byProject', 'projectId');
      v1.createObjectStore('settings', { keyPath: 'key' });
    },
  });
  const at = new Date(2026, 9, 5).getTime();
  await db.put('projects', {
    id: 'p1',
    name: 'Acme',
    brandTerms: ['Acme'],
    clientDomains: ['acme.com'],
    competitorDomains: [],
    keyQueries: ['acme'],
    targets: { serpPositivity: 0.7, thirdPartyRecommend: 0.15, portalCoverage: 20, negativeTop10: 0 },
    monthlyBudget: null,
    suggestionsCountInKpis: true,
    baselineMonth: '2026-10',
    createdAt: at,
    updatedAt: at,
  });
  await db.put('settings', { key: 'activeProjectId', value: 'p1' });
  // A version-1 forum post: its key has no fragment and it has no stored links.
  await db.put('mentions', {
    projectId: 'p1',
    canonicalUrl: 'https://forum.example/t/1',
    url: 'https://forum.example/t/1',
    domain: 'forum.example',
    kind: 'forum-post',
    title: 'Acme?',
    excerpt: 'Acme was great',
    lang: 'en',
    suggested: { label: 'positive', score: 0.6, recommends: false },
    mark: { sentiment: 'positive', recommends: false, at, suggestedAtMark: 'positive' },
    flags: { clientSite: false, linksToClient: false, mentionsClient: true },
    months: ['2026-10'],
    firstSeen: at,
    lastSeen: at,
  });
  // Versions 1 and 2 kept a month's slots inside its aggregate.
  await db.put('aggregates', {
    projectId: 'p1',
    month: '2026-10',
    slots: { 'google\u0001acme\u00011': 'https://forum.example/t/1' },
    top20: { ...noLabels, 'marked:positive': 1 },
    top20ByEngine: { google: { ...noLabels, 'marked:positive': 1 } },
    top10: { ...noLabels, 'marked:positive': 1 },
    thirdPartyRecommends: { marked: 0, suggested: 0 },
    forum: { ...noLabels, 'marked:positive': 1 },
  });
  // Version 1 declared a portal shape that nothing wrote; an early build's record must not survive in it.
  await db.put('portals', { projectId: 'p1', domain: 'old.example', kind: 'forum', lastActivityAt: at, hasLinkToClient: true, mentionCounts: {} });
  db.close();
}

describe('database migrations', () => {
  it('version 1 -> 3: mentions get the domain index, the unused portal shape is dropped, slots move out of the counters, the rest is kept', async () => {
    await writeVersion1('migration-v1');
    const db = await openLensDatabase('migration-v1');
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(3);
    // Version 3 reads a project's mentions by key range; the byProject index only slowed every write.
    expect([...db.transaction('mentions').store.indexNames].sort()).toEqual(['byProjectDomain', 'byProjectMarkedAt']);
    expect(await db.count('portals')).toBe(0);
    const counts = await db.get('aggregates', ['p1', '2026-10']);
    expect(counts).not.toHaveProperty('slots');
    expect(counts?.top20['marked:positive']).toBe(1);
    expect(await db.get('topSlots', ['p1', '2026-10'])).toEqual({ projectId: 'p1', month: '2026-10', slots: { 'google\u0001acme\u00011': 'https://forum.example/t/1' } });

    const repository = new LensRepository(db, normalizeQuery);
    const onForum = await repository.mentions.mentionsOnDomain('p1', 'forum.example');
    expect(onForum.map((mention) => mention.excerpt)).toEqual(['Acme was great']);
    expect(await repository.projects.getActiveProjectId()).toBe('p1');
    // The drill-down reads the moved slots.
    const monthSlots = await repository.drilldown.monthSlots('p1', '2026-10', 1);
    expect(monthSlots.map((month) => Object.values(month.slots))).toEqual([['https://forum.example/t/1']]);
    // The old data keeps working with the new code: a rebuild counts the old post in October's forum tone.
    const [october] = await repository.aggregates.rebuild('p1');
    expect(october?.forum['marked:positive']).toBe(1);
    const report = await repository.aggregates.kpiReport('p1', '2026-10');
    expect(report.kpis.find((kpi) => kpi.key === 'forum-positive')?.value).toBe(1);
    db.close();
  });
});
