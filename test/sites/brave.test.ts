import { describe, expect, it } from 'vitest';
import { findSite, type PageExtract } from '../../lib/sites';
import { pageExtraction } from './page';

const { extractOrFail: extractHtml, extractFixture } = pageExtraction('brave');

const urlsOf = (extract: PageExtract): string[] => extract.items.map((item) => item.url);

const WEB_2022_URL = 'https://search.brave.com/search?q=acme+widgets&source=web';
const PAGE2_URL = 'https://search.brave.com/search?q=acme+widgets&offset=1&source=web';

const webSnippet = (href: string, title: string): string =>
  `<div class="snippet" data-type="web"><a class="heading-serpresult" href="${href}"><div class="title">${title}</div></a></div>`;

describe('brave: which pages', () => {
  it('reads search.brave.com/search as a Brave results page', () => {
    expect(findSite('https://search.brave.com/search?q=acme&source=web')?.id).toBe('brave');
  });

  it.each(['https://search.brave.com/images?q=acme', 'https://brave.com/search/', 'https://search.brave.com/'])('leaves %s alone', (url) => {
    expect(findSite(url)?.id).not.toBe('brave');
  });
});

describe('brave: 2022 page', () => {
  const extract = extractFixture('web-2022.html', WEB_2022_URL);
  const urls = urlsOf(extract);

  it('takes the query from q= and counts the web snippets, typed or not, in page order', () => {
    expect(extract.query).toBe('acme widgets');
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://www.acme.example/widgets/'],
      [2, 'https://www.youtube.com/watch?v=acmewidget1'],
      [3, 'https://forum.widgetfans.example/t/acme-widgets-broke/123'],
    ]);
  });

  it('does not count the deep links of a result cluster as results of their own', () => {
    expect(urls).not.toContain('https://www.acme.example/widgets/blue');
    expect(urls).not.toContain('https://www.acme.example/support');
  });

  it('skips the infobox, news and video carousels, FAQ and discussions', () => {
    for (const skipped of [
      'https://en.wikipedia.org/wiki/Acme_Corporation',
      'https://news.example.com/acme-recall',
      'https://www.youtube.com/watch?v=acmewidget2',
      'https://help.example.com/acme-faq',
      'https://www.reddit.com/r/widgets/comments/abc/acme/',
    ]) {
      expect(urls).not.toContain(skipped);
    }
  });

  it('reads the title without the favicon and URL line of the header link', () => {
    expect(extract.items[0]?.title).toBe('Acme Widgets | Official Store');
  });
});

describe('brave: current markup, page 2', () => {
  const extract = extractFixture('page2-2025.html', PAGE2_URL);

  it('treats offset as the 0-based page of 20 results', () => {
    expect(extract.firstRank).toBe(21);
    expect(extract.items.map((item) => item.rank)).toEqual([21, 22]);
  });

  it('skips the ad and the AI summary with its sources', () => {
    const urls = urlsOf(extract);
    expect(urls.some((url) => url.includes('widgetmart') || url.includes('/a/redirect'))).toBe(false);
    expect(urls).not.toContain('https://reviews.example.org/acme');
    expect(urls).not.toContain('https://news.example.com/acme-earnings');
  });

  it.each([
    ['https://search.brave.com/search?q=acme', 1],
    ['https://search.brave.com/search?q=acme&offset=0', 1],
    ['https://search.brave.com/search?q=acme&offset=3', 61],
  ])('%s starts at rank %i', (url, firstRank) => {
    const html = `<html><body><div id="results">${webSnippet('https://a.example/', 'A')}</div></body></html>`;
    expect(extractHtml(html, url).items[0]?.rank).toBe(firstRank);
  });
});

describe('brave: web results outside #results', () => {
  it('reads them beside the ones inside, in page order', () => {
    const html = `<html><body><div id="results">${webSnippet('https://a.example/', 'A')}${webSnippet('https://b.example/', 'B')}</div>
      <div class="more-results">${webSnippet('https://c.example/', 'C')}</div></body></html>`;
    expect(urlsOf(extractHtml(html, WEB_2022_URL))).toEqual(['https://a.example/', 'https://b.example/', 'https://c.example/']);
  });
});
