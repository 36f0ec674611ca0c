import { describe, expect, it } from 'vitest';
import { findSite } from '../../lib/sites';
import { pageExtraction } from './page';

const { extract } = pageExtraction('bing');

const clickUrl = (target: string): string =>
  `https://www.bing.com/ck/a?!&amp;&amp;p=abc&amp;ptn=3&amp;u=a1${Buffer.from(target).toString('base64url')}&amp;ntb=1`;
const algo = (href: string, title: string): string =>
  `<li class="b_algo"><h2><a href="${href}">${title}</a></h2><div class="b_caption"><p>About ${title}.</p></div></li>`;
const page = (items: string): string => `<html><body><ol id="b_results">${items}</ol></body></html>`;

describe('bing', () => {
  it('recognises www, bare and cn hosts', () => {
    for (const url of ['https://www.bing.com/search?q=a', 'https://bing.com/search?q=a&first=11', 'https://cn.bing.com/search?q=a']) {
      expect(findSite(url)?.id, url).toBe('bing');
    }
    expect(findSite('https://www.bing.com/images/search?q=a')).toBeUndefined();
  });

  it('gives a result link as a browser follows it: no spaces around it, no tabs or newlines in it', () => {
    // Found by the fuzz (test/sites/fuzz): an absolute href with nothing to decode was given as written.
    const extracted = extract(
      page(algo('  https://spaces.example/path  ', 'A') + algo('https://tab\t.example/new\nline', 'B') + algo(clickUrl('https://c.example/'), 'C')),
      'https://www.bing.com/search?q=acme',
    );
    expect(extracted?.items.map(({ url }) => url)).toEqual(['https://spaces.example/path', 'https://tab.example/newline', 'https://c.example/']);
  });

  it('decodes ck/a links and takes first= as the rank of the first result', () => {
    const extracted = extract(
      page(algo(clickUrl('https://example.com/a?b=1&c=д'), 'A') + algo('https://plain.example/', 'B')),
      'https://www.bing.com/search?q=acme&first=21&FORM=PERE2',
    );
    expect(extracted?.items.map(({ rank, url }) => [rank, url])).toEqual([
      [21, 'https://example.com/a?b=1&c=%D0%B4'],
      [22, 'https://plain.example/'],
    ]);
  });

  it('drops counter links that cannot be decoded instead of reporting bing.com', () => {
    const undecodable = 'https://www.bing.com/ck/a?!&amp;&amp;p=abc&amp;ntb=1';
    expect(
      extract(page(algo(undecodable, 'Lost') + algo('https://kept.example/', 'Kept')), 'https://www.bing.com/search?q=acme')?.items.map(
        (item) => item.url,
      ),
    ).toEqual(['https://kept.example/']);
  });
});
