import { describe, expect, it } from 'vitest';
import { detectForum, extractPage, FORUM_ENGINES } from '../../lib/sites';
import { loadForumFixtures, pageExtraction } from './page';

const { parse } = pageExtraction('forum');

/** Where a tag row must never go: page chrome and the quick-reply box. */
const CHROME = 'nav, header, footer, [role="navigation"], [role="banner"], [role="contentinfo"], form[id*="quick_reply" i], form[id*="quickreply" i], form[id^="qr_"], form#postmodify, form.js-quickReply, #quickreply';

describe.each(FORUM_ENGINES.map((engine) => [engine.id] as const))('%s fixtures', (engineId) => {
  const fixtures = loadForumFixtures(engineId);

  it('has fixture pages', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s gives the expected posts', (_name, fixture) => {
    const document = parse(fixture.html, fixture.expected.pageUrl);
    const extract = extractPage(document, fixture.expected.pageUrl);
    expect(extract?.site).toBe(engineId);
    expect(extract?.kind).toBe('forum');
    const items = extract?.items ?? [];
    expect(items.map(({ element: _element, ...fields }) => fields)).toEqual(fixture.expected.items);
    for (const item of items) {
      expect(document.contains(item.element)).toBe(true);
      expect(item.element.closest(CHROME), item.url).toBeNull();
      expect(item.snippet).toBe((item.text ?? '').slice(0, 300));
    }
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s is recognised by its markup on any domain', (_name, fixture) => {
    const elsewhere = 'https://another-host.example/some/thread';
    const document = parse(fixture.html, elsewhere);
    expect(detectForum(document)?.id).toBe(engineId);
    expect(extractPage(document, elsewhere)?.items.length).toBe(fixture.expected.items.length);
  });
});

describe('forum post text', () => {
  const fixtures = FORUM_ENGINES.flatMap((engine) => loadForumFixtures(engine.id));

  it('leaves quotes out: a reply quoting praise and calling it a lie keeps only its own words', () => {
    const replies = fixtures.flatMap((fixture) => fixture.expected.items).filter((item) => /lie|неправда/i.test(item.text ?? ''));
    expect(replies.length).toBeGreaterThanOrEqual(4);
    for (const reply of replies) {
      expect(reply.text, reply.url).not.toMatch(/great|wonderful|five stars|рекомендую|refunded me|best service/i);
    }
  });

  it('leaves signatures and edit notices out, and links in them are not the post’s links', () => {
    for (const item of fixtures.flatMap((fixture) => fixture.expected.items)) {
      expect(item.text, item.url).not.toMatch(/blog|garage|my shop|Ride safe|Последний раз редактировалось|lena\.example/);
      for (const url of item.linkedUrls ?? []) expect(url, item.url).not.toMatch(/olga|dana|nina|tom\.example|lena|kate|ben\.example/);
    }
  });

  it('decodes redirect-wrapped links to the client', () => {
    const linked = fixtures.flatMap((fixture) => fixture.expected.items).flatMap((item) => item.linkedUrls ?? []);
    for (const url of ['https://romashka.example/delivery', 'https://acme.example/store', 'https://acme.example/offer', 'https://acme.example/support']) {
      expect(linked).toContain(url);
    }
    expect(linked.some((url) => /proxy\.php|redirect/.test(url))).toBe(false);
  });
});

describe('recognition order', () => {
  it('gives null for a page nothing recognises, and never throws on odd input', () => {
    const document = parse('<html><body><nav><a href="/">Home</a></nav><p>Just a page.</p></body></html>', 'https://example.com/about');
    const extract = extractPage(document, 'https://example.com/about');
    expect(extract === null || extract.items.length === 0).toBe(true);
    expect(extractPage(document, 'not a url')).toBeNull();
  });

  it('switching every definition off leaves the generic finder (site "generic") or nothing', () => {
    const [fixture] = loadForumFixtures('xenforo');
    if (!fixture) throw new Error('xenforo fixture missing');
    const document = parse(fixture.html, fixture.expected.pageUrl);
    const extract = extractPage(document, fixture.expected.pageUrl, { forumEngines: [] });
    expect(extract === null || extract.site === 'generic').toBe(true);
    for (const item of extract?.items ?? []) expect(item.element.closest(CHROME)).toBeNull();
  });

  it('keeps search engines owned by URL even when the page carries forum markup', () => {
    const [fixture] = loadForumFixtures('phpbb');
    if (!fixture) throw new Error('phpbb fixture missing');
    const url = 'https://www.google.com/search?q=acme';
    expect(extractPage(parse(fixture.html, url), url)?.kind).toBe('serp');
  });
});
