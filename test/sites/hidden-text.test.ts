import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPage, FORUM_ENGINES, type PageExtract } from '../../lib/sites';
import { plainText } from '../../lib/sites/engine/dom';
import { loadForumFixtures, pageExtraction } from './page';

/**
 * What a page hides from readers never reaches a title, a snippet or a post's text (engine/dom.ts
 * `readText`): a hostile page cannot change what is stored by injecting text nobody sees.
 */

const { parse, extractOrFail } = pageExtraction('hidden-text');

const GOOGLE_URL = 'https://www.google.com/search?q=acme';
const FORUM_URL = 'https://forum.example.org/viewtopic.php?t=7';

/** A 2024 desktop result whose title and snippet may carry extra markup. */
const googleResult = (title: string, snippet: string, href = 'https://acme.example/'): string =>
  `<div class="MjjYud"><div class="g"><div class="yuRUbf"><a href="${href}"><h3 class="LC20lb">${title}</h3>
     <cite>${href}</cite></a></div><div class="VwiC3b"><span>${snippet}</span></div></div></div>`;
const googlePage = (results: string): string => `<html><body><div id="search"><div id="rso">${results}</div></div></body></html>`;

/** The ways a page hides an element, each wrapping `text`. */
const HIDING = [
  (text: string) => `<span hidden>${text}</span>`,
  (text: string) => `<span hidden="until-found">${text}</span>`,
  (text: string) => `<span aria-hidden="true">${text}</span>`,
  (text: string) => `<span style="display:none">${text}</span>`,
  (text: string) => `<span style="color: red; DISPLAY: None !important">${text}</span>`,
  (text: string) => `<span style="visibility: hidden">${text}</span>`,
  (text: string) => `<span style="visibility:collapse;">${text}</span>`,
  (text: string) => `<template><span>${text}</span></template>`,
  (text: string) => `<noscript>${text}</noscript>`,
  (text: string) => `<script>document.title = "${text}";</script>`,
  (text: string) => `<style>.x::after { content: "${text}" }</style>`,
];

const firstItem = (extract: PageExtract) => {
  const [item] = extract.items;
  if (!item) throw new Error('no item');
  return item;
};

describe('hidden text in search results', () => {
  const clean = firstItem(extractOrFail(googlePage(googleResult('Acme widgets', 'Great widgets, fast delivery.')), GOOGLE_URL));

  it.each(HIDING.map((hide, index) => [index, hide] as const))('leaves hidden text out of titles and snippets (way %i)', (_index, hide) => {
    const injected = googlePage(googleResult(`Acme ${hide('terrible scam')}widgets`, `Great widgets, ${hide('terrible scam')}fast delivery.`));
    const item = firstItem(extractOrFail(injected, GOOGLE_URL));
    expect(item.title).toBe(clean.title);
    expect(item.snippet).toBe(clean.snippet);
  });

  it('keeps the snippet when a hostile page puts a hidden copy of the snippet element first', () => {
    const html = googlePage(googleResult('Acme widgets', 'Great widgets, fast delivery.')).replace(
      '<div class="VwiC3b">',
      '<div class="VwiC3b" style="display: none"><span>Acme is a terrible scam, avoid.</span></div><div class="VwiC3b">',
    );
    expect(firstItem(extractOrFail(html, GOOGLE_URL)).snippet).toBe(clean.snippet);
  });

  it('does not let hidden text win the longest-text fallback snippet', () => {
    const html = googlePage(`<div class="MjjYud"><div class="g"><a href="https://acme.example/"><h3>Acme widgets</h3></a>
      <div class="date">Mar 2, 2024 <span hidden>terrible scam terrible scam terrible scam terrible scam</span></div>
      <div class="text">Great widgets, fast delivery, friendly support.</div></div></div>`);
    expect(firstItem(extractOrFail(html, GOOGLE_URL)).snippet).toBe('Great widgets, fast delivery, friendly support.');
  });

  it('keeps words apart where decoration is hidden from assistive technology', () => {
    const html = googlePage(googleResult('Acme widgets', 'Rating<span aria-hidden="true">·</span>4 reviews'));
    expect(firstItem(extractOrFail(html, GOOGLE_URL)).snippet).toBe('Rating 4 reviews');
  });
});

/** A phpBB (prosilver) thread with one post whose body is `body`. */
const phpbbThread = (body: string): string => `<html><head><meta name="generator" content="phpBB"></head><body>
  <h2 class="topic-title">Acme widgets</h2>
  <div id="p1" class="post"><div class="postbody">
    <p class="author"><a href="./viewtopic.php?p=1#p1">Post</a> by <a class="username" href="./memberlist.php?mode=viewprofile&u=2">anna</a> » Mon Mar 2, 2024 10:00 am</p>
    <div class="content">${body}</div>
  </div></div></body></html>`;

describe('what a selector matches under a hidden element of a result', () => {
  // Found by the fuzz (test/sites/fuzz): a title, snippet or link selector matching inside a hidden
  // wrapper of the block read what the wrapper hid, since only the match and its descendants were asked.
  const BING_URL = 'https://www.bing.com/search?q=acme';
  const bingResult = (inside: string) => `<html><body><ol id="b_results"><li class="b_algo">
    <h2>${inside}<a href="https://acme.example/">Acme widgets</a></h2>
    <div class="b_caption"><div aria-hidden="true"><p style="display: block">Acme is a terrible scam.</p></div><p>Great widgets, fast delivery.</p></div>
  </li></ol></body></html>`;

  it.each(HIDING.slice(0, 7).map((hide, index) => [index, hide] as const))('passes over a hidden link and a hidden snippet copy (way %i)', (_index, hide) => {
    const item = firstItem(extractOrFail(bingResult(hide('<a href="https://smear.example/">Acme scam</a>')), BING_URL));
    expect(item.url).toBe('https://acme.example/');
    expect(item.title).toBe('Acme widgets');
    expect(item.snippet).toBe('Great widgets, fast delivery.');
  });

  it('passes over a title link copy under a hidden wrapper of the result', () => {
    const html = googlePage(googleResult('Acme widgets', 'Great widgets, fast delivery.')).replace(
      '<a href="https://acme.example/">',
      '<div hidden><a href="https://smear.example/"><h3 class="LC20lb">Acme is a scam</h3></a></div><a href="https://acme.example/">',
    );
    const items = extractOrFail(html, GOOGLE_URL).items;
    expect(items.map((item) => [item.url, item.title])).toEqual([['https://acme.example/', 'Acme widgets']]);
  });
});

describe('hidden text in forum posts', () => {
  const postOf = (body: string) => {
    const extract = extractPage(parse(phpbbThread(body), FORUM_URL), FORUM_URL);
    const [post] = extract?.items ?? [];
    if (!post) throw new Error('no post');
    return post;
  };

  it.each(HIDING.map((hide, index) => [index, hide] as const))('leaves hidden text and links out of a post (way %i)', (_index, hide) => {
    const post = postOf(`My widget works well. ${hide('Acme is a terrible scam, see <a href="https://smear.example/">this</a>.')}Would buy again.`);
    expect(post.text).toBe('My widget works well. Would buy again.');
    expect(post.snippet).toBe(post.text);
    expect(post.linkedUrls).toEqual([]);
  });

  it('passes over a hidden copy of the author line, the date and the text', () => {
    // Found by the fuzz: author, date and body selectors matched inside a hidden wrapper of the post.
    const html = phpbbThread('My widget works well.').replace(
      '<p class="author">',
      `<div style="display: none"><p class="author"><a href="./viewtopic.php?p=9#p9">Post</a> by <a class="username" href="./memberlist.php?mode=viewprofile&u=9">mallory</a> » Sun Jan 1, 2023 0:00 am</p>
        <div class="content">Acme is a terrible scam.</div></div><p class="author">`,
    );
    const [post] = extractPage(parse(html, FORUM_URL), FORUM_URL)?.items ?? [];
    expect(post?.author).toBe('anna');
    expect(post?.date).toBe('Mon Mar 2, 2024 10:00 am');
    expect(post?.url).toBe('https://forum.example.org/viewtopic.php?p=1#p1');
    expect(post?.text).toBe('My widget works well.');
  });

  it('passes over a hidden copy of the thread title, or one under a hidden wrapper', () => {
    // Found by the fuzz: the thread title, which every post's mention carries, was read from the first match.
    for (const hidden of ['<h2 class="topic-title" hidden>Acme is a scam</h2>', '<div style="display: none"><h2 class="topic-title">Acme is a scam</h2></div>']) {
      const html = phpbbThread('My widget works well.').replace('<h2 class="topic-title">', `${hidden}<h2 class="topic-title">`);
      expect(extractPage(parse(html, FORUM_URL), FORUM_URL)?.items[0]?.title).toBe(postOf('My widget works well.').title);
    }
    expect(postOf('My widget works well.').title).toContain('Acme widgets');
  });

  it('reads a spoiler: the author’s own words, one click away', () => {
    const post = postOf(`Spoiler below. <div class="spoiler"><div class="spoiler-title">Show</div>
      <div class="spoiler-content" style="display: none">The ending is great.</div></div>`);
    expect(post.text).toBe('Spoiler below. Show The ending is great.');
  });
});

describe('hidden text in forum dates', () => {
  // Found by the fuzz (test/sites/fuzz): the hooks that trim a date element's text read its
  // textContent, script source and hidden text included.
  const withHooks = FORUM_ENGINES.filter((engine) => engine.hooks?.dateText);

  it.each(withHooks.flatMap((engine) => loadForumFixtures(engine.id).map((fixture) => [fixture.name, engine, fixture] as const)))(
    '%s: a date trimmed by its hook leaves out script source and hidden text',
    (_name, engine, fixture) => {
      const document = parse(fixture.html, fixture.expected.pageUrl);
      const dates = engine.post.flatMap((post) => engine.date.flatMap((date) => Array.from(document.querySelectorAll(`${post} ${date}`))));
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) {
        const script = document.createElement('script');
        script.textContent = 'var stamp = "<b>RL_SCRIPT</b>";';
        const hidden = document.createElement('span');
        hidden.setAttribute('style', 'display: none');
        hidden.textContent = 'terrible scam';
        date.insertBefore(script, date.firstChild);
        date.appendChild(hidden);
      }
      const extract = extractPage(document, fixture.expected.pageUrl);
      expect(extract?.items.map((item) => item.date)).toEqual(fixture.expected.items.map((item) => item.date));
    },
  );
});

describe('in a laid-out page (a browser tab)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The prototype that defines `checkVisibility` for the document's elements. */
  function checkVisibilityOwner(document: Document): { checkVisibility: (options?: CheckVisibilityOptions) => boolean } {
    let prototype: object | null = Object.getPrototypeOf(document.createElement('div'));
    while (prototype && !Object.prototype.hasOwnProperty.call(prototype, 'checkVisibility')) prototype = Object.getPrototypeOf(prototype);
    if (!prototype) throw new Error('no checkVisibility in this DOM');
    return prototype as { checkVisibility: (options?: CheckVisibilityOptions) => boolean };
  }

  it('also leaves out what style sheets hide, as checkVisibility() tells', () => {
    const document = parse(
      googlePage(googleResult('Acme widgets', 'Great widgets, <span class="sr-only-trap">terrible scam </span>fast delivery.')),
      GOOGLE_URL,
    );
    vi.spyOn(document.documentElement, 'getBoundingClientRect').mockReturnValue({ width: 1280, height: 800 } as DOMRect);
    const checkVisibility = vi
      .spyOn(checkVisibilityOwner(document), 'checkVisibility')
      .mockImplementation(function (this: Element) {
        return this.closest('.sr-only-trap') === null;
      });
    expect(firstItem(extractPage(document, GOOGLE_URL) as PageExtract).snippet).toBe('Great widgets, fast delivery.');
    expect(checkVisibility).toHaveBeenCalled();
  });

  it('drops a result the style sheets hide whole: it has no visible title', () => {
    const document = parse(
      googlePage(googleResult('Acme widgets', 'Great widgets.') + googleResult('Acme is a scam', 'Injected.', 'https://smear.example/').replace('class="g"', 'class="g fake"')),
      GOOGLE_URL,
    );
    vi.spyOn(document.documentElement, 'getBoundingClientRect').mockReturnValue({ width: 1280, height: 800 } as DOMRect);
    vi.spyOn(checkVisibilityOwner(document), 'checkVisibility').mockImplementation(function (this: Element) {
      return this.closest('.fake') === null;
    });
    expect(extractPage(document, GOOGLE_URL)?.items.map((item) => item.title)).toEqual(['Acme widgets']);
  });

  it('never asks checkVisibility() in a DOM without layout, where computed style is a guess', () => {
    const document = parse(googlePage(googleResult('Acme widgets', 'Great widgets.')), GOOGLE_URL);
    const checkVisibility = vi.spyOn(checkVisibilityOwner(document), 'checkVisibility');
    expect(plainText(document.querySelector('.VwiC3b'))).toBe('Great widgets.');
    expect(extractPage(document, GOOGLE_URL)?.items).toHaveLength(1);
    expect(checkVisibility).not.toHaveBeenCalled();
  });
});
