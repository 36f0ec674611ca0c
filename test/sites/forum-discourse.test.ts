import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/sites';
import { loadForumFixtures, pageExtraction } from './page';

const { parse } = pageExtraction('discourse');

describe('discourse fixtures', () => {
  const fixtures = loadForumFixtures('discourse');
  it('has fixture pages', () => expect(fixtures.length).toBeGreaterThanOrEqual(2));

  for (const { name, html, expected } of fixtures) {
    it(name, () => {
      const result = extractPage(parse(html, expected.pageUrl), expected.pageUrl);
      expect(result?.site).toBe('discourse');
      expect(result?.items.map(({ element: _element, ...item }) => item)).toEqual(expected.items);
    });
  }

  it('skips small-action rows, which are articles without a post id', () => {
    const topic = fixtures.find((fixture) => fixture.name.endsWith('topic.html'));
    if (!topic) throw new Error('topic.html fixture missing');
    const items = extractPage(parse(topic.html, topic.expected.pageUrl), topic.expected.pageUrl)?.items ?? [];
    expect(items.map((item) => item.element.id)).toEqual(['post_1', 'post_3', 'post_4']);
  });

  it('builds a crawler post permalink from its post number and the canonical topic address', () => {
    const html =
      '<html><head><meta name="generator" content="Discourse 2.9"><link rel="canonical" href="https://f.example.org/t/slug/12"></head>' +
      '<body><div id="post_7" class="topic-body crawler-post"><span class="creator"><span itemprop="name">ana</span></span>' +
      '<div class="post" itemprop="text"><p>Seventh.</p></div></div></body></html>';
    const url = 'https://f.example.org/t/slug/12?page=2';
    const items = extractPage(parse(html, url), url)?.items ?? [];
    expect(items.map((item) => item.url)).toEqual(['https://f.example.org/t/slug/12/7']);
  });
});
