import { afterAll, describe, expect, it } from 'vitest';
import { extractPage, SITES, type PageExtract } from '../../lib/sites';
import { loadFixtures, parsePage, type Fixture } from './page';
import { seededRandom } from '../support/prng';

/**
 * Hostile and broken pages: every fixture of every site, mutated many times with a seeded PRNG
 * (so a failure reproduces), must extract without throwing, and titles/snippets must stay plain
 * text: markup and script source injected into the page never leak into them.
 */

const ROUNDS = 30;
const SCRIPT_MARKER = 'RL_SCRIPT_BODY';
const STYLE_MARKER = 'RL_STYLE_BODY';
const TAG_MARKUP = /<\/?[a-z][^>]*>/i;

function seedOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

type Random = () => number;
const pick = <T,>(random: Random, list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];

function elementsOf(document: Document): Element[] {
  return Array.from(document.body?.querySelectorAll('*') ?? []);
}

const mutations: ReadonlyArray<(document: Document, random: Random) => void> = [
  function removeNodes(document, random) {
    for (let count = 0; count < 1 + Math.floor(random() * 4); count += 1) pick(random, elementsOf(document))?.remove();
  },
  function stripAttributes(document, random) {
    for (const element of elementsOf(document)) {
      if (random() < 0.2) {
        const attribute = pick(random, Array.from(element.attributes));
        if (attribute) element.removeAttribute(attribute.name);
      }
    }
  },
  function shuffleAttributes(document, random) {
    const elements = elementsOf(document);
    for (let count = 0; count < 10; count += 1) {
      const [from, to] = [pick(random, elements), pick(random, elements)];
      const name = pick(random, ['class', 'href', 'id', 'role', 'data-hveid']);
      if (!from || !to || !name) continue;
      const value = from.getAttribute(name);
      if (value === null) to.removeAttribute(name);
      else to.setAttribute(name, value);
    }
  },
  function garbleHrefs(document, random) {
    for (const link of Array.from(document.querySelectorAll('a[href]'))) {
      if (random() < 0.3) {
        link.setAttribute(
          'href',
          pick(random, ['', '#', 'javascript:void(0)', '/url?q=', '/url?q=%E0%A4%A', 'https://www.bing.com/ck/a?u=a1%%%', 'http://[::1', '//']) ?? '',
        );
      }
    }
  },
  function moveNodes(document, random) {
    for (let count = 0; count < 5; count += 1) {
      const elements = elementsOf(document);
      const [node, parent] = [pick(random, elements), pick(random, elements)];
      if (node && parent && !node.contains(parent)) parent.appendChild(node);
    }
  },
  function insertHugeText(document, random) {
    const target = pick(random, elementsOf(document));
    target?.appendChild(document.createTextNode(`${'review widget отзыв '.repeat(20_000)} `));
  },
  function injectMarkupIntoTitles(document, random) {
    for (const title of Array.from(document.querySelectorAll('h2, h3, [role="heading"], a, p, span, cite'))) {
      if (random() < 0.5) {
        const bold = document.createElement('b');
        bold.textContent = 'bold';
        title.appendChild(bold);
        const script = document.createElement('script');
        script.textContent = `${SCRIPT_MARKER} <b>x</b><img src=x onerror=alert(1)>`;
        title.insertBefore(script, title.firstChild);
        const style = document.createElement('style');
        style.textContent = `${STYLE_MARKER} a::before { content: "<i>" }`;
        title.appendChild(style);
      }
    }
  },
];

const fixtures: Array<{ siteId: string; fixture: Fixture }> = SITES.flatMap((site) =>
  loadFixtures(site.kind, site.id).map((fixture) => ({ siteId: site.id, fixture })),
);
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('extractPage on mutated pages', () => {
  it.each(fixtures.map(({ fixture }) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const random = seededRandom(seedOf(`${fixture.name}#${round}`));
      const { document, close } = parsePage(fixture.html, fixture.expected.pageUrl);
      closers.push(close);
      const applied = mutations.filter(() => random() < 0.5);
      for (const mutate of applied) mutate(document, random);
      const context = `${fixture.name} round ${round} (${applied.map((mutate) => mutate.name).join(', ')})`;
      let extract: PageExtract | null = null;
      let thrown: unknown = null;
      try {
        extract = extractPage(document, fixture.expected.pageUrl);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, context).toBeNull();
      for (const [index, item] of (extract?.items ?? []).entries()) {
        for (const text of [item.title, item.snippet]) {
          expect(text.includes(SCRIPT_MARKER) || text.includes(STYLE_MARKER), context).toBe(false);
          expect(TAG_MARKUP.test(text), `${context}: ${text.slice(0, 80)}`).toBe(false);
        }
        expect(item.title.length, context).toBeGreaterThan(0);
        // A later page whose position the (mutated) page no longer states has no ranks at all.
        expect(item.rank, context).toBe(extract?.firstRank === undefined ? undefined : extract.firstRank + index);
        expect(/^https?:\/\//.test(item.url), `${context}: ${item.url}`).toBe(true);
      }
    }
  }, 120_000);

  it('gives null, not an exception, for URLs no site owns or that are not URLs', () => {
    const { document, close } = parsePage('<html><body><h3><a href="https://example.com">x</a></h3></body></html>', 'https://example.com/');
    closers.push(close);
    for (const url of ['', 'not a url', 'https://example.com/search?q=a', 'ftp://www.google.com/search?q=a']) {
      expect(extractPage(document, url), url).toBeNull();
    }
  });
});
