import { describe, expect, it } from 'vitest';
import { extractPage, findSite } from '../../lib/sites';
import { pageExtraction } from './page';

const { parse, extract } = pageExtraction('google');

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
