import { afterAll, describe, expect, it } from 'vitest';
import { unwrapRedirect } from '../../lib/match/url';
import { extractPage, SITES, type Item } from '../../lib/sites';
import { loadFixtures, parsePage } from './page';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

/** Whether the item's root holds a link to the item's own target (its title link or URL line). */
function holdsOwnLink(item: Item, pageUrl: string): boolean {
  return Array.from(item.element.querySelectorAll('a[href]')).some(
    (link) => unwrapRedirect(link.getAttribute('href') ?? '', pageUrl) === item.url,
  );
}

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
    // Each item's element is its result's own root: it holds the result's link, and neither holds
    // nor sits inside another result's root (the tag row mounted at its end sits under its result).
    for (const item of extract?.items ?? []) {
      expect(document.contains(item.element)).toBe(true);
      expect(holdsOwnLink(item, fixture.expected.pageUrl), `rank ${item.rank} holds its link`).toBe(true);
      const nested = extract?.items.filter((other) => other !== item && (item.element.contains(other.element) || other.element.contains(item.element)));
      expect(nested?.map((other) => other.rank), `rank ${item.rank} shares its root`).toEqual([]);
    }
  });
});
