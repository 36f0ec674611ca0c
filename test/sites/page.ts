import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { extractPage, type Item, type PageExtract } from '../../lib/sites';

import { parsePage } from '../support/parse-page';

export { parsePage };

export interface FixtureItem {
  rank: number;
  url: string;
  title: string;
  snippet: string;
}

export interface FixtureExpectation {
  pageUrl: string;
  site: string;
  query?: string;
  firstRank?: number;
  items: FixtureItem[];
}

/** A forum fixture's expected post: every Item field but the element. */
export type ForumFixtureItem = Omit<Item, 'element'>;

export interface ForumFixtureExpectation {
  pageUrl: string;
  site: string;
  kind: 'forum';
  items: ForumFixtureItem[];
}

export interface Fixture {
  name: string;
  htmlPath: string;
  html: string;
  expected: FixtureExpectation;
}

export const FIXTURE_ROOT = path.resolve(__dirname, '../fixtures');

/** Every `<name>.html` with its `<name>.json` under test/fixtures/<kind>/<site>/. */
export function loadFixtures(kind: string, siteId: string): Fixture[] {
  const folder = path.join(FIXTURE_ROOT, kind, siteId);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const htmlPath = path.join(folder, file);
      const expected = JSON.parse(fs.readFileSync(htmlPath.replace(/\.html$/, '.json'), 'utf8')) as FixtureExpectation;
      return { name: `${siteId}/${file}`, htmlPath, html: fs.readFileSync(htmlPath, 'utf8'), expected };
    });
}

/** Every `<name>.html` with its expected posts under test/fixtures/forum/<engine>/. */
export function loadForumFixtures(engineId: string): Array<{ name: string; html: string; expected: ForumFixtureExpectation }> {
  return loadFixtures('forum', engineId).map(({ name, html, expected }) => ({
    name,
    html,
    expected: expected as unknown as ForumFixtureExpectation,
  }));
}

/**
 * Extraction helpers for one test file: every page it parses is closed after the file's tests.
 * `extract` may give null (an unknown URL); `extractOrFail` and `extractFixture` expect a page they know.
 */
export function pageExtraction(engine: string) {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
  });
  /** A parsed page to edit before extracting it. */
  const parse = (html: string, url: string): Document => {
    const { document, close } = parsePage(html, url);
    closers.push(close);
    return document;
  };
  const extract = (html: string, url: string): PageExtract | null => extractPage(parse(html, url), url);
  const extractOrFail = (html: string, url: string): PageExtract => {
    const result = extract(html, url);
    if (!result) throw new Error(`no extract for ${url}`);
    return result;
  };
  const extractFixture = (name: string, url: string): PageExtract => extractOrFail(fixtureHtml(name), url);
  const fixtureHtml = (name: string): string => fs.readFileSync(path.join(FIXTURE_ROOT, 'serp', engine, name), 'utf8');
  return { parse, extract, extractOrFail, extractFixture, fixtureHtml };
}
