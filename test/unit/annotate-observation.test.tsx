// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ITEMS_PER_MESSAGE, chunksOf, toObservedPage, toPageItem } from '@/lib/annotate/observation';
import { protocol } from '@/lib/messaging';
import type { Item, PageExtract } from '@/lib/sites';

const element = () => document.createElement('div');

function item(overrides: Partial<Item> = {}): Item {
  return { rank: 1, url: 'https://a.example/', title: 'A', snippet: 'a', element: element(), ...overrides };
}

const extract = (overrides: Partial<PageExtract> = {}): PageExtract => ({ site: 'google', kind: 'serp', query: 'acme', firstRank: 1, items: [], ...overrides });

describe('what the content script sends of an item', () => {
  it('cuts every text of a hostile item so that the background accepts it', () => {
    const huge = 'x'.repeat(300_000);
    const sent = toPageItem(
      item({
        title: huge,
        snippet: huge,
        text: huge,
        author: huge,
        date: huge,
        linkedUrls: ['mailto:someone@example.org', `https://long.example/${huge}`, ...Array.from({ length: 1000 }, (_, index) => `https://l${index}.example/`)],
      }),
    )!;
    const page = toObservedPage('https://www.google.com/search?q=acme', extract({ query: huge }))!;
    expect(() => protocol['page.observe'].request.parse({ page, items: [sent] })).not.toThrow();
    expect(() => protocol['mark.set'].request.parse({ page, item: sent, sentiment: 'positive', recommends: false })).not.toThrow();
    expect(sent.text!.length).toBeGreaterThanOrEqual(10_000);
    expect(sent.linkedUrls).toHaveLength(200);
    expect(sent.linkedUrls![0]).toBe('https://l0.example/');
  });

  it('never leaves half of a surrogate pair at a cut', () => {
    const sent = toPageItem(item({ title: `${'a'.repeat(999)}😀😀` }))!;
    expect(sent.title).toBe('a'.repeat(999));
  });

  it('drops a machine-readable date that does not fit rather than cutting it into another date', () => {
    expect(toPageItem(item({ dateIso: '2024-04-10T16:01:00Z' }))!.dateIso).toBe('2024-04-10T16:01:00Z');
    expect(toPageItem(item({ dateIso: `2024-04-10${' '.repeat(200)}` }))!.dateIso).toBeUndefined();
  });

  it('leaves out an item whose URL or rank the background would refuse', () => {
    expect(toPageItem(item({ url: '' }))).toBeNull();
    expect(toPageItem(item({ url: 'javascript:alert(1)' }))).toBeNull();
    expect(toPageItem(item({ url: 'not a url' }))).toBeNull();
    expect(toPageItem(item({ url: `https://a.example/${'x'.repeat(9000)}` }))).toBeNull();
    expect(toPageItem(item({ rank: 0 }))).toBeNull();
    expect(toPageItem(item({ rank: 1e20 }))).toBeNull();
    expect(toPageItem(item({ rank: undefined }))).not.toBeNull();
  });

  it('does not observe a page whose own URL or first rank the background would refuse', () => {
    expect(toObservedPage(`https://www.google.com/search?q=${'x'.repeat(9000)}`, extract())).toBeNull();
    expect(toObservedPage('https://www.google.com/search?q=acme&start=1e20', extract({ firstRank: 1e20 }))).toBeNull();
    expect(toObservedPage('https://www.google.com/search?q=acme', extract())).toEqual({
      url: 'https://www.google.com/search?q=acme',
      site: 'google',
      kind: 'serp',
      query: 'acme',
      firstRank: 1,
    });
  });

  it(`sends a full message of ${ITEMS_PER_MESSAGE} items that the background accepts`, () => {
    const items = Array.from({ length: ITEMS_PER_MESSAGE }, (_, index) => toPageItem(item({ rank: index + 1, url: `https://r${index}.example/` }))!);
    const page = toObservedPage('https://www.google.com/search?q=acme', extract())!;
    expect(() => protocol['page.observe'].request.parse({ page, items })).not.toThrow();
  });

  it('splits a batch into chunks in order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
  });
});
