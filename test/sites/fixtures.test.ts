import { afterAll, describe, expect, it } from 'vitest';
import { extractPage, SITES } from '../../lib/sites';
import { loadFixtures, parsePage } from './page';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe.each(SITES.filter((site) => site.kind === 'serp').map((site) => [site.id, site] as const))('%s fixtures', (_id, site) => {
  it.each(loadFixtures(site.kind, site.id).map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const { document, close } = parsePage(fixture.html, fixture.expected.pageUrl);
    closers.push(close);
    const extract = extractPage(document, fixture.expected.pageUrl);
    expect(extract).not.toBeNull();
    expect(extract?.site).toBe(fixture.expected.site);
    expect(extract?.kind).toBe(site.kind);
    expect(extract?.query).toBe(fixture.expected.query);
    expect(extract?.firstRank).toBe(fixture.expected.firstRank);
    const items = extract?.items.map(({ rank, url, title, snippet }) => ({ rank, url, title, snippet }));
    expect(items).toEqual(fixture.expected.items);
    for (const item of extract?.items ?? []) {
      expect(document.contains(item.element)).toBe(true);
    }
  });
});
