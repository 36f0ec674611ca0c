import { describe, expect, it } from 'vitest';
import { extractPage } from '../../lib/sites';
import { reddit } from '../../lib/sites/reddit';
import { redditOld } from '../../lib/sites/reddit-old';
import { loadForumFixtures, pageExtraction } from './page';

const mine = [reddit, redditOld];
const { parse } = pageExtraction('reddit');

describe.each(mine.map((definition) => [definition.id, definition] as const))('%s fixtures', (id, definition) => {
  const fixtures = loadForumFixtures(id);
  it('has fixture pages', () => expect(fixtures.length).toBeGreaterThan(0));

  for (const { name, html, expected } of fixtures) {
    it(`${name}: every post and reply, each with its own text only`, () => {
      const result = extractPage(parse(html, expected.pageUrl), expected.pageUrl);
      expect(result?.site).toBe(id);
      expect(result?.items.map(({ element: _element, ...item }) => item)).toEqual(expected.items);
    });

    it(`${name}: the tag row goes beside the post's own text, not below its replies`, () => {
      const items = extractPage(parse(html, expected.pageUrl), expected.pageUrl)?.items ?? [];
      const rootOf = (item: (typeof items)[number]) => item.element.closest(definition.post.join(', '));
      const replyHolder = items.find((item) => items.some((other) => other !== item && rootOf(item)?.contains(other.element)));
      if (!replyHolder) throw new Error('the fixture needs a post with a nested reply');
      const mount = replyHolder.element;
      const root = rootOf(replyHolder);
      expect(mount !== root && root?.contains(mount)).toBe(true);
      expect(items.some((item) => item !== replyHolder && mount?.contains(item.element))).toBe(false);
    });
  }
});

describe('reddit (new)', () => {
  it('takes a link post without text body by its title', () => {
    const html =
      '<shreddit-post permalink="/r/a/comments/1/x/" author="amy"><a slot="credit-bar" class="author-name" href="/user/amy/">amy</a>' +
      '<h1 slot="title">Acme opens a store downtown</h1></shreddit-post>';
    const url = 'https://www.reddit.com/r/a/comments/1/x/';
    const items = extractPage(parse(html, url), url)?.items ?? [];
    expect(items.map((item) => [item.url, item.text])).toEqual([[url, 'Acme opens a store downtown']]);
  });
});

describe('reddit (old)', () => {
  it('does not count a link submission without self text, nor "load more comments" stubs', () => {
    const fixture = loadForumFixtures('reddit-old')[0];
    if (!fixture) throw new Error('reddit-old fixture missing');
    const doc = parse(fixture.html, fixture.expected.pageUrl);
    doc.querySelector('.thing.link .expando')?.remove();
    const items = extractPage(doc, fixture.expected.pageUrl)?.items ?? [];
    expect(items.map((item) => item.author)).toEqual(['cable_guy', 'netnewbie', 'troll_9000']);
  });
});
