import { describe, expect, it } from 'vitest';
import { extractPage, findSite, type PageExtract } from '../../lib/sites';
import { pageExtraction } from './page';

const { parse, extractOrFail: extractHtml, extractFixture, fixtureHtml } = pageExtraction('duckduckgo');

const urlsOf = (extract: PageExtract): string[] => extract.items.map((item) => item.url);

const JS_URL = 'https://duckduckgo.com/?q=acme+widgets&t=h_&ia=web';
const HTML_PAGE2_URL = 'https://html.duckduckgo.com/html/?q=acme%20widgets&s=10&dc=11&kl=wt-wt';

/** One result of the no-JS page, its link wrapped in `/l/?uddg=` as DuckDuckGo serves it. */
function htmlResult(target: string, title: string): string {
  const href = `//duckduckgo.com/l/?uddg=${encodeURIComponent(target)}&rut=abc`;
  return `<div class="result results_links results_links_deep web-result"><div class="links_main result__body">
    <h2 class="result__title"><a class="result__a" href="${href}">${title}</a></h2></div></div>`;
}

const htmlPage = (results: string): string => `<html><body><div id="links" class="results">${results}</div></body></html>`;

describe('duckduckgo: which pages', () => {
  it.each([
    'https://duckduckgo.com/?q=acme',
    'https://duckduckgo.com/?t=h_&q=acme&ia=web',
    'https://html.duckduckgo.com/html/?q=acme',
    'https://html.duckduckgo.com/html/',
  ])('reads %s as a DuckDuckGo results page', (url) => {
    expect(findSite(url)?.id).toBe('duckduckgo');
  });

  it.each(['https://duckduckgo.com/', 'https://duckduckgo.com/about', 'https://help.duckduckgo.com/?q=x'])(
    'leaves %s alone',
    (url) => {
      expect(findSite(url)?.id).not.toBe('duckduckgo');
    },
  );
});

describe('duckduckgo: JavaScript page', () => {
  const extract = extractFixture('js-2024.html', JS_URL);
  const urls = urlsOf(extract);

  it('takes the query from q=', () => {
    expect(extract.query).toBe('acme widgets');
  });

  it('reads only the organic layout items, ranked in page order across the infinite scroll', () => {
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://www.acme.example/widgets/'],
      [2, 'https://forum.widgetfans.example/t/acme-widgets-broke/123'],
      [3, 'https://en.wikipedia.org/wiki/Acme_Corporation'],
      [4, 'https://reviews.example.org/acme'],
    ]);
  });

  it('skips the ad, the Search Assist answer, news, videos, related searches and the sidebar', () => {
    expect(urls.some((url) => url.includes('y.js') || url.includes('widgetmart'))).toBe(false);
    expect(urls.filter((url) => url === 'https://en.wikipedia.org/wiki/Acme_Corporation')).toHaveLength(1);
    expect(urls.some((url) => url.includes('news.example.com') || url.includes('youtube.com'))).toBe(false);
    expect(urls).not.toContain('https://www.acme.example/');
  });
});

describe('duckduckgo: no-JS page', () => {
  const extract = extractFixture('html-page2.html', HTML_PAGE2_URL);

  it('starts page 2 at the rank dc= gives and skips the ad', () => {
    expect(extract.firstRank).toBe(11);
    expect(extract.items.map((item) => item.rank)).toEqual([11, 12, 13]);
    expect(urlsOf(extract).some((url) => url.includes('widgetmart'))).toBe(false);
  });

  it('unwraps /l/?uddg= links to the real target, query string and non-ASCII path intact', () => {
    expect(urlsOf(extract)).toEqual([
      'https://www.widgetcompare.example/acme?ref=ddg&page=2',
      'https://blog.example.net/2024/05/%D0%B0%D0%BA%D0%BC%D0%B5-widgets',
      'http://old-widgets.example.org/acme.html',
    ]);
  });

  it.each([
    ['https://html.duckduckgo.com/html/?q=acme&s=30', 31],
    ['https://html.duckduckgo.com/html/?q=acme&s=30&dc=26', 26],
    ['https://html.duckduckgo.com/html/?q=acme', 1],
  ])('%s starts at rank %i (dc is the first rank, s the results skipped)', (url, firstRank) => {
    const extract = extractHtml(htmlPage(htmlResult('https://a.example/', 'A')), url);
    expect(extract.items[0]?.rank).toBe(firstRank);
  });
});

describe('duckduckgo: no-JS pages reached by the POSTing search box and "Next" button', () => {
  const POSTED_URL = 'https://html.duckduckgo.com/html/';
  const postedHtml = fixtureHtml;
  const pageOne = extractHtml(postedHtml('html-post-page1.html'), POSTED_URL);
  const pageTwo = extractHtml(postedHtml('html-post-page2.html'), POSTED_URL);

  /** Page two's DOM, edited before extraction. */
  function editedPageTwo(edit: (document: Document) => void, url = POSTED_URL): PageExtract | null {
    const document = parse(postedHtml('html-post-page2.html'), url);
    edit(document);
    return extractPage(document, url);
  }

  it('reads the query from the page when the URL has none', () => {
    expect(pageOne.query).toBe('globex gadget reviews');
    expect(pageTwo.query).toBe('globex gadget reviews');
  });

  it('starts a page without a "Previous" form at rank 1, whatever its "Next" form says', () => {
    expect(pageOne.firstRank).toBe(1);
    expect(pageOne.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('continues page 2 where page 1 ended: the "Next" form holds the next page\'s start, not this one\'s', () => {
    const lastOfPageOne = pageOne.items[pageOne.items.length - 1]?.rank ?? 0;
    expect(pageTwo.firstRank).toBe(lastOfPageOne + 1);
    expect(pageTwo.items.map((item) => item.rank)).toEqual([6, 7, 8, 9]);
  });

  it('falls back to the "Next" form\'s s= when it carries no dc=', () => {
    const extract = editedPageTwo((document) => {
      for (const field of Array.from(document.querySelectorAll('input[name="dc"]'))) field.remove();
    });
    expect(extract?.firstRank).toBe(6);
  });

  it('lets the URL win for each value it states', () => {
    const both = extractHtml(postedHtml('html-post-page2.html'), 'https://html.duckduckgo.com/html/?q=other+query&s=20&dc=21');
    expect([both.query, both.firstRank]).toEqual(['other query', 21]);
    const queryOnly = extractHtml(postedHtml('html-post-page2.html'), 'https://html.duckduckgo.com/html/?q=other+query');
    expect([queryOnly.query, queryOnly.firstRank]).toEqual(['other query', 6]);
  });

  it('reads the query as served, not as the user has since edited the search box', () => {
    const extract = editedPageTwo((document) => {
      const box = document.querySelector<HTMLInputElement>('#search_form_input_homepage');
      if (box) box.value = 'globex gadget rev';
      for (const field of Array.from(document.querySelectorAll('.nav-link input[name="q"]'))) field.remove();
    });
    expect(extract?.query).toBe('globex gadget reviews');
  });

  it('gives neither query nor ranks for a later page whose start nothing states (the last page has no "Next")', () => {
    const lastPage = editedPageTwo((document) => {
      document.querySelector('input[type="submit"][value="Next"]')?.closest('form')?.remove();
    });
    expect(lastPage?.items).toHaveLength(4);
    expect(lastPage?.query).toBeUndefined();
    expect(lastPage?.firstRank).toBeUndefined();
    expect(lastPage?.items.map((item) => item.rank)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('distrusts a "Next" start that would put a later page at rank 1 or before', () => {
    const extract = editedPageTwo((document) => {
      document.querySelector('input[value="Next"] ~ input[name="dc"]')?.setAttribute('value', '5');
      document.querySelector('input[value="Next"] ~ input[name="s"]')?.setAttribute('value', '4');
    });
    expect(extract?.firstRank).toBeUndefined();
    expect(extract?.query).toBeUndefined();
  });

  it('gives no query for the bare search page, whose box is empty', () => {
    const home = `<html><body class="body--html"><form class="header__form" action="/html/" method="post">
      <input name="q" class="search__input" type="text" value="" /></form></body></html>`;
    const extract = extractHtml(home, POSTED_URL);
    expect(extract.query).toBeUndefined();
    expect(extract.items).toEqual([]);
  });
});
