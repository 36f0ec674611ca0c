import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainText, queryAll, queryFirst } from '../../lib/sites/engine/dom';
import { COMMON_EXCLUDE } from '../../lib/sites/forum/extract';
import { extractPage, FORUM_ENGINES, type ForumDefinition, type Item, type PageExtract } from '../../lib/sites';
import { parsePage } from '../sites/page';

/**
 * Accuracy of extractPage over the shared forum corpus (../shared/corpus/forum/<engine>/), per the
 * corpus README ("Forum expected JSON"). Asserted for every engine whose definition is registered
 * (the others are printed, and start being asserted the day their definition is in SITES):
 * - the post count equals `postCount` on every page;
 * - the author matches on >= 95% of the posts that give one;
 * - the text: >= 95% of the posts share at least half of the words of the expected opening.
 *   The expected texts KEEP quoted text, ours leaves it out, so the words of the expected opening
 *   that occur only in what we excluded from that post's body (quotes, signature) are not asked
 *   of our text; at least half of the rest must be in it, and our text must not be empty (a post
 *   whose whole body was excluded fails, however well the excluded part matches).
 * A second block runs with every definition switched off: the generic finder alone must get the
 * count exact on >= 60% of the pages.
 */

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const FORUM_ROOT = path.join(CORPUS, 'forum');
const corpusExists = fs.existsSync(FORUM_ROOT);
if (!corpusExists) console.log(`Forum corpus not found at ${FORUM_ROOT}: forum accuracy test skipped.`);

const AUTHOR_FLOOR = 0.95;
const TEXT_FLOOR = 0.95;
const WORD_SHARE = 0.5;
const GENERIC_COUNT_FLOOR = 0.6;

interface ExpectedPost {
  index: number;
  author?: string;
  text?: string;
}

interface ExpectedPage {
  engine: string;
  pageUrl: string;
  threadTitle?: string;
  postCount: number;
  posts: ExpectedPost[];
}

interface CorpusPage {
  id: string;
  engine: string;
  html: string;
  expected: ExpectedPage;
}

function loadCorpus(): CorpusPage[] {
  if (!corpusExists) return [];
  return fs
    .readdirSync(FORUM_ROOT)
    .filter((engine) => fs.statSync(path.join(FORUM_ROOT, engine)).isDirectory())
    .sort()
    .flatMap((engine) =>
      fs
        .readdirSync(path.join(FORUM_ROOT, engine))
        .filter((file) => file.endsWith('.html'))
        .sort()
        .map((file) => {
          const htmlPath = path.join(FORUM_ROOT, engine, file);
          const expected = JSON.parse(fs.readFileSync(htmlPath.replace(/\.html$/, '.json'), 'utf8')) as ExpectedPage;
          return { id: file.replace(/\.html$/, ''), engine, html: fs.readFileSync(htmlPath, 'utf8'), expected };
        }),
    );
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const normalizeName = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();

/** What we left out of a post on purpose: the excluded parts of its body (generic: the whole post). */
function excludedTextOf(item: Item, definition: ForumDefinition | undefined): string {
  if (!definition) return plainText(item.element);
  const body = queryFirst(item.element, definition.body);
  if (!body) return '';
  return [...definition.exclude, ...COMMON_EXCLUDE].flatMap((selector) => queryAll(body, selector).map((element) => plainText(element))).join(' ');
}

function textMatches(expected: string, item: Item, definition: ForumDefinition | undefined): boolean {
  const excluded = new Set(words(excludedTextOf(item, definition)));
  const own = new Set(words(item.text ?? ''));
  const wanted = words(expected);
  if (wanted.length === 0) return true;
  // A post whose whole body we threw away must fail, however well its words match what we excluded.
  if (own.size === 0) return false;
  const ownPart = wanted.filter((word) => !excluded.has(word) || own.has(word));
  if (ownPart.length === 0) return true;
  return ownPart.filter((word) => own.has(word)).length / ownPart.length >= WORD_SHARE;
}

interface EngineTally {
  pages: number;
  countOk: number;
  authors: number;
  authorOk: number;
  texts: number;
  textOk: number;
  ms: number;
  /** `<page id> <ms>` per page, for the timing line of each engine. */
  pageMs: string[];
  failures: string[];
}

const newTally = (): EngineTally => ({ pages: 0, countOk: 0, authors: 0, authorOk: 0, texts: 0, textOk: 0, ms: 0, pageMs: [], failures: [] });

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

function tallyPage(tally: EngineTally, page: CorpusPage, extract: PageExtract | null, ms: number): void {
  const items = extract?.items ?? [];
  const definition = FORUM_ENGINES.find((engine) => engine.id === extract?.site);
  tally.pages += 1;
  tally.ms += ms;
  tally.pageMs.push(`${page.id} ${ms.toFixed(1)}`);
  if (items.length === page.expected.postCount) tally.countOk += 1;
  else tally.failures.push(`${page.id}: ${items.length} posts, expected ${page.expected.postCount} (site ${extract?.site ?? 'none'})`);
  for (const post of page.expected.posts) {
    const item = items[post.index];
    if (post.author !== undefined) {
      tally.authors += 1;
      if (item?.author !== undefined && normalizeName(item.author) === normalizeName(post.author)) tally.authorOk += 1;
      else tally.failures.push(`${page.id} #${post.index}: author ${JSON.stringify(item?.author)}, expected ${JSON.stringify(post.author)}`);
    }
    if (post.text !== undefined) {
      tally.texts += 1;
      if (item && textMatches(post.text, item, definition)) tally.textOk += 1;
      else tally.failures.push(`${page.id} #${post.index}: text ${JSON.stringify(item?.text?.slice(0, 80))}, expected ${JSON.stringify(post.text.slice(0, 80))}`);
    }
  }
}

const pages = loadCorpus();
const registered = new Set(FORUM_ENGINES.map((engine) => engine.id));
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

function run(page: CorpusPage, forumEngines?: readonly ForumDefinition[]): { extract: PageExtract | null; ms: number } {
  const { document, close } = parsePage(page.html, page.expected.pageUrl);
  closers.push(close);
  const started = performance.now();
  const extract = extractPage(document, page.expected.pageUrl, forumEngines ? { forumEngines } : undefined);
  return { extract, ms: performance.now() - started };
}

describe.skipIf(!corpusExists)('forum corpus accuracy', () => {
  const engines = [...new Set(pages.map((page) => page.engine))];

  it('reads every engine’s pages (asserted for registered engines)', () => {
    const tallies = new Map(engines.map((engine) => [engine, newTally()]));
    for (const page of pages) {
      const { extract, ms } = run(page);
      tallyPage(tallies.get(page.engine) as EngineTally, page, extract, ms);
    }
    const lines = ['engine          | pages | count ok | author  | text    | ms/page | asserted'];
    for (const [engine, tally] of tallies) {
      lines.push(
        [
          engine.padEnd(15),
          String(tally.pages).padStart(5),
          `${tally.countOk}/${tally.pages}`.padStart(8),
          percent(tally.authorOk, tally.authors).padStart(7),
          percent(tally.textOk, tally.texts).padStart(7),
          (tally.ms / tally.pages).toFixed(1).padStart(7),
          registered.has(engine) ? 'yes' : 'no (definition not registered)',
        ].join(' | '),
      );
    }
    const failures = [...tallies].flatMap(([engine, tally]) => (registered.has(engine) ? tally.failures : []));
    // One parse and one extraction per page on a shared machine: a rough figure, never asserted (test/bench/forum-extract.ts measures).
    const pageTimes = [...tallies].map(([engine, tally]) => `${engine}: ${tally.pageMs.join(', ')}`);
    console.log(
      `${lines.join('\n')}\nms per page (first extraction of a freshly parsed page):\n  ${pageTimes.join('\n  ')}\n${
        failures.length > 0 ? `misses:\n  ${failures.join('\n  ')}` : 'no misses'
      }`,
    );
    for (const [engine, tally] of tallies) {
      if (!registered.has(engine)) continue;
      expect(tally.countOk, `${engine}: pages with the right post count`).toBe(tally.pages);
      // Count-only pages give no authors or texts to compare.
      if (tally.authors > 0) expect(tally.authorOk / tally.authors, `${engine}: authors`).toBeGreaterThanOrEqual(AUTHOR_FLOOR);
      if (tally.texts > 0) expect(tally.textOk / tally.texts, `${engine}: texts`).toBeGreaterThanOrEqual(TEXT_FLOOR);
    }
  }, 300_000);

  it('finds posts with every definition switched off (generic finder alone)', () => {
    const lines: string[] = [];
    let countOk = 0;
    for (const page of pages) {
      const { extract } = run(page, []);
      const count = extract?.items.length ?? 0;
      if (count === page.expected.postCount) countOk += 1;
      lines.push(`${page.engine}/${page.id}: ${count} of ${page.expected.postCount}`);
    }
    console.log(`generic finder alone: count exact on ${countOk}/${pages.length} pages\n  ${lines.join('\n  ')}`);
    expect(countOk / Math.max(1, pages.length)).toBeGreaterThanOrEqual(GENERIC_COUNT_FLOOR);
  }, 300_000);
});
