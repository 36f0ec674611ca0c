import { describe, expect, it } from 'vitest';
import { extractPage, findSite } from '../../lib/sites';
import { pageExtraction } from './page';

const { parse, extract, extractFixture } = pageExtraction('google');

/** One result in the 2023+ desktop markup. */
const result = (href: string, title: string, snippet = 'A snippet long enough to read.'): string =>
  `<div class="MjjYud"><div class="g"><div class="yuRUbf"><a href="${href}"><h3 class="LC20lb">${title}</h3></a></div>
   <div class="VwiC3b"><span>${snippet}</span></div></div></div>`;
const page = (body: string): string => `<html><body><div id="search"><div id="rso">${body}</div></div></body></html>`;

describe('google', () => {
  it('recognises results pages on country domains and nothing else of Google', () => {
    expect(findSite('https://www.google.co.jp/search?q=a')?.id).toBe('google');
    expect(findSite('https://google.com.br/search?q=a&start=10')?.id).toBe('google');
    expect(findSite('https://www.google.com/maps/search/acme')).toBeUndefined();
    expect(findSite('https://support.google.com/search?q=a')).toBeUndefined();
    expect(extract(page(result('https://a.example/', 'A')), 'https://www.google.com/maps?q=a')).toBeNull();
  });

  it('continues ranks from start=, whatever the page size', () => {
    const html = page(result('https://a.example/', 'A') + result('https://b.example/', 'B'));
    const hundred = extract(html, 'https://www.google.ru/search?q=acme&num=100&start=100&hl=ru');
    expect(hundred?.firstRank).toBe(101);
    expect(hundred?.items.map((item) => item.rank)).toEqual([101, 102]);
    expect(extract(html, 'https://www.google.com/search?q=acme')?.items.map((item) => item.rank)).toEqual([1, 2]);
  });

  it('reads the query as typed, including old fragment URLs', () => {
    expect(extract(page(''), 'https://www.google.com/search?q=%D0%B0%D0%BA%D0%BC%D0%B5+%20widgets')?.query).toBe('акме  widgets');
    // Instant-search era: the typed query lives in the fragment, the query string keeps settings.
    expect(extract(page(''), 'https://www.google.com/search?hl=en#q=acme+reviews&start=0')?.query).toBe('acme reviews');
  });

  it('reads the query from the search box when the URL has none (advanced search), as served', () => {
    const box = '<form action="/search" role="search"><textarea name="q">&quot;acme widgets&quot; -spam</textarea></form>';
    const advanced = 'https://www.google.com/search?as_q=&as_epq=acme+widgets&as_oq=&as_eq=spam&lr=&as_qdr=all';
    const document = parse(box + page(result('https://a.example/', 'A')), advanced);
    const textarea = document.querySelector('textarea');
    if (textarea) (textarea as HTMLTextAreaElement).value = 'acme wid';
    const extracted = extractPage(document, advanced);
    expect(extracted?.query).toBe('"acme widgets" -spam');
    expect(extracted?.firstRank).toBe(1);
    // The URL wins: as_eq= narrows the search, the query typed stays the one recorded.
    expect(extract(box + page(''), 'https://www.google.com/search?q=%22acme+widgets%22&as_eq=spam')?.query).toBe('"acme widgets"');
    // Before 2023 the box was an input.
    const oldBox = '<form action="/search" id="tsf"><input type="text" name="q" value="&quot;acme widgets&quot; -spam"></form>';
    expect(extract(oldBox + page(result('https://a.example/', 'A')), advanced)?.query).toBe('"acme widgets" -spam');
  });

  it('counts result blocks it could not read, so a markup change is visible', () => {
    const broken = page(
      ['a', 'b', 'c'].map((name) => `<div class="MjjYud"><div class="g"><span class="h3-was-here">${name}</span></div></div>`).join(''),
    );
    const extracted = extract(broken, 'https://www.google.com/search?q=acme');
    expect(extracted?.items).toEqual([]);
    expect(extracted?.blocksSeen).toBe(3);
  });

  it('keeps results whose target is a Google site page, drops links back into the results', () => {
    const html = page(
      result('https://www.google.com/search/howsearchworks/', 'How Search works') +
        result('/search?q=acme+reviews&sa=X', 'acme reviews') +
        result('/url?q=https://maps.google.com/&sa=U', 'Google Maps') +
        result('/aclk?sa=l&adurl=https://ads.example/', 'Ad without container'),
    );
    expect(extract(html, 'https://www.google.com/search?q=google')?.items.map((item) => item.url)).toEqual([
      'https://www.google.com/search/howsearchworks/',
      'https://maps.google.com/',
    ]);
  });

  it('reads role=heading titles only when the page has no h3 result', () => {
    const module = `<div class="MjjYud"><div><div role="heading" aria-level="2">Discussions and forums</div>
      <a href="https://forum.example/t/1"><div role="heading" aria-level="3">Forum thread</div></a></div></div>`;
    const desktop = extract(page(result('https://a.example/', 'A') + module), 'https://www.google.com/search?q=acme');
    expect(desktop?.items.map((item) => item.url)).toEqual(['https://a.example/']);
    const mobile = extract(page(module.replace('Discussions and forums', 'Web')), 'https://www.google.com/search?q=acme');
    expect(mobile?.items.map((item) => item.url)).toEqual(['https://forum.example/t/1']);
  });
});

describe('google: results of the same site, 100-result pages, the top block', () => {
  const CLUSTER_URL = 'https://www.google.ru/search?q=%D0%B0%D0%BA%D0%BC%D0%B5+%D0%BE%D1%82%D0%B7%D1%8B%D0%B2%D1%8B&hl=ru';

  /** The links of the item's own root that carry a result title. */
  const titleLinksIn = (element: Element): string[] =>
    Array.from(element.querySelectorAll('a[href]'))
      .filter((link) => link.querySelector('h3'))
      .map((link) => link.getAttribute('href') ?? '');

  it('gives an indented second result of the same site its own item and rank, sitelinks none', () => {
    const extract = extractFixture('site-cluster-2022.html', CLUSTER_URL);
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://www.acme.example/'],
      [2, 'https://otzyvy.example.ru/reviews/acme_widget_2/'],
      [3, 'https://otzyvy.example.ru/reviews/acme_widget/'],
      [4, 'https://shop.acme-mebel.example/otzyvy/'],
      [5, 'https://shop.acme-mebel.example/catalog/bedroom/157/'],
      [6, 'https://shop.acme-mebel.example/products/411/'],
      [7, 'https://forum.example.net/t/acme-razvod/77'],
    ]);
  });

  it('roots each item at its own result: its title link, no other result’s', () => {
    const extract = extractFixture('site-cluster-2022.html', CLUSTER_URL);
    for (const item of extract.items) expect(titleLinksIn(item.element)).toEqual([item.url]);
    // The first result keeps its sitelinks.
    expect(extract.items[0]?.element.querySelector('a[href="https://www.acme.example/catalog/"]')).not.toBeNull();
  });

  it('reads every result of a 100-result page, however many share a wrapper', () => {
    const extract = extractFixture('desktop-100-2025.html', 'https://www.google.com/search?q=acme&num=100&hl=en');
    expect(extract.items.map((item) => item.rank)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(extract.items.map((item) => new URL(item.url).hostname)).toEqual(
      Array.from({ length: 100 }, (_, index) => `site${String(index + 1).padStart(3, '0')}.example.com`),
    );
    for (const item of extract.items) expect(titleLinksIn(item.element)).toEqual([item.url]);
  });

  it('counts a featured snippet whose page is listed below once, at the listing', () => {
    const extract = extractFixture('featured-snippet-2023.html', 'https://www.google.com/search?q=acme+widget+warranty&hl=en');
    expect(extract.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://www.acme.example/widgets/warranty'],
      [2, 'https://forum.widgetfans.example/t/warranty-claim-refused/88'],
      [3, 'https://support.acme.example/warranty'],
      [4, 'https://en.wikipedia.org/wiki/Warranty'],
    ]);
    expect(extract.items[2]?.element.closest('block-component')).toBeNull();
  });

  /** A featured snippet box in the 2023 markup, quoting `href`. */
  const featuredSnippet = (href: string, title: string): string =>
    `<div class="MjjYud"><block-component><div class="g wF4fFd g-blk"><div class="xpdopen"><div class="ifM9O"><div class="V3FYCf">
       <div class="LGOjhe" role="heading" aria-level="3"><span class="hgKElc">The quoted passage, long enough to read.</span></div>
       <div class="g"><div class="yuRUbf"><a href="${href}"><h3 class="LC20lb">${title}</h3><cite>${new URL(href).hostname}</cite></a></div></div>
     </div></div></div></div></block-component></div>`;

  it('counts a featured snippet whose page is not listed elsewhere as the first result', () => {
    const html = page(
      featuredSnippet('https://answers.example/why#:~:text=because', 'Why - Answers') +
        result('https://a.example/', 'A') +
        result('https://b.example/', 'B'),
    );
    expect(extract(html, 'https://www.google.com/search?q=why')?.items.map((item) => [item.rank, item.url])).toEqual([
      [1, 'https://answers.example/why#:~:text=because'],
      [2, 'https://a.example/'],
      [3, 'https://b.example/'],
    ]);
  });

  it('counts a featured snippet listed right below once, with the listing’s element and snippet', () => {
    const html = page(featuredSnippet('https://answers.example/why', 'Why - Answers') + result('https://answers.example/why', 'Why - Answers', 'The listing’s own snippet text.'));
    const extracted = extract(html, 'https://www.google.com/search?q=why');
    expect(extracted?.items.map((item) => [item.rank, item.url, item.snippet])).toEqual([
      [1, 'https://answers.example/why', 'The listing’s own snippet text.'],
    ]);
    expect(extracted?.items[0]?.element.closest('block-component')).toBeNull();
  });

  it('keeps two listings whose URLs differ beyond the fragment', () => {
    const html = page(result('https://google.com/', 'Google') + result('https://www.google.com/', 'Google'));
    expect(extract(html, 'https://www.google.com/search?q=google')?.items.map((item) => item.url)).toEqual([
      'https://google.com/',
      'https://www.google.com/',
    ]);
  });
});
