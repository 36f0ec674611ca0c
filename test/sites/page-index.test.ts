import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORUM_ENGINES } from '../../lib/sites';
import { COMMON_EXCLUDE } from '../../lib/sites/forum/extract';
import { PageIndex } from '../../lib/sites/forum/page-index';
import { FIXTURE_ROOT, parsePage } from './page';

/**
 * The page index answers the forum definitions' queries by narrowing candidates and letting `matches` decide.
 * The narrowing must never drop a match: on our fixture pages it must give exactly the scope's descendants that
 * match, in document order, for every selector any definition uses, from the document and from every post root.
 * The reference is `matches` over the descendants rather than happy-dom's querySelectorAll, which (unlike the
 * standard and every browser) ignores the ancestors outside the scope: `#posts .post .post_author` queried from
 * inside a post finds the author in a browser and nothing in happy-dom.
 */
function standardQueryAll(scope: ParentNode, selector: string): Element[] {
  // `:scope` means the query's scope, which `matches` cannot know: the index hands those to the DOM as well.
  if (selector.includes(':scope')) return [...scope.querySelectorAll(selector)];
  return [...scope.querySelectorAll('*')].filter((element) => element.matches(selector));
}
const SELECTORS = [
  ...new Set(
    FORUM_ENGINES.flatMap((definition) => [
      ...(definition.detect.selectors ?? []),
      ...definition.post,
      ...definition.author,
      ...definition.date,
      ...definition.body,
      ...definition.exclude,
      ...definition.permalink,
      ...definition.threadTitle,
    ]).concat(COMMON_EXCLUDE, ['title', 'h1', 'a[href]', '[id^="post"]', '[class$="content"]', 'div > p', 'a:not([href])']),
  ),
];

const pages = fs
  .readdirSync(path.join(FIXTURE_ROOT, 'forum'))
  .flatMap((engine) =>
    fs
      .readdirSync(path.join(FIXTURE_ROOT, 'forum', engine))
      .filter((file) => file.endsWith('.html'))
      .map((file) => path.join(FIXTURE_ROOT, 'forum', engine, file)),
  );

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('page index', () => {
  it.each(pages.map((file) => [path.relative(FIXTURE_ROOT, file), file] as const))('%s: same answers as the DOM', (_name, file) => {
    const json = JSON.parse(fs.readFileSync(file.replace(/\.html$/, '.json'), 'utf8')) as { pageUrl: string };
    const { document, close } = parsePage(fs.readFileSync(file, 'utf8'), json.pageUrl);
    closers.push(close);
    const index = new PageIndex(document);
    const postRoots = FORUM_ENGINES.flatMap((definition) => definition.post.flatMap((selector) => [...document.querySelectorAll(selector)]));
    expect(postRoots.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const scope of [document, ...new Set(postRoots)]) {
      for (const selector of SELECTORS) {
        const native = standardQueryAll(scope, selector);
        const indexed = index.all(scope, selector);
        const same = native.length === indexed.length && native.every((element, position) => element === indexed[position]);
        if (!same || (native[0] ?? null) !== index.one(scope, selector)) mismatches.push(`${selector} (${native.length} vs ${indexed.length})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('knows which selectors cannot match a page at all', () => {
    const { document, close } = parsePage('<div class="post"><p id="p1">x</p></div>', 'https://forum.example.org/t/1');
    closers.push(close);
    const index = new PageIndex(document);
    expect(index.mayMatch('.post #p1')).toBe(true);
    expect(index.mayMatch('article.message--post')).toBe(false);
    expect(index.matchable(['.nothing', 'div.post', '#p2'])).toEqual(['div.post']);
  });
});
