import type { ItemState } from '@/lib/messaging';
import type { PageExtract } from '@/lib/sites';

/** Reads a test page whose results are `.result` blocks, each with its link, ranked in page order. */
export function extractResults(doc: Document, url: string): PageExtract | null {
  const query = new URL(url).searchParams.get('q') ?? undefined;
  const items = [...doc.querySelectorAll('.result')].map((element, index) => ({
    rank: index + 1,
    url: element.querySelector('a')!.getAttribute('href')!,
    title: element.querySelector('a')!.textContent ?? '',
    snippet: '',
    element,
  }));
  return { site: 'test', kind: 'serp', query, firstRank: 1, items };
}

/** The background's answer for an item: suggested neutral, unmarked, the client's own site when its URL says so. */
export function itemState(url: string, overrides: Partial<ItemState> = {}): ItemState {
  return {
    canonicalUrl: url,
    suggested: { label: 'neutral', score: 0.1, recommends: false },
    mark: null,
    flags: { clientSite: url.includes('client'), linksToClient: false, mentionsClient: false },
    ...overrides,
  };
}
