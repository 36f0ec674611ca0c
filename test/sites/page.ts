import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { extractPage, type Item, type PageExtract } from '../../lib/sites';

import { parsePage } from '../support/parse-page';
import { FIXTURE_ROOT, loadFixtures } from './fixture-files';

export { parsePage };
export { FIXTURE_ROOT, loadFixtures, type Fixture, type FixtureExpectation, type FixtureItem } from './fixture-files';

/** A forum fixture's expected post: every Item field but the element. */
export type ForumFixtureItem = Omit<Item, 'element'>;

export interface ForumFixtureExpectation {
  pageUrl: string;
  site: string;
  kind: 'forum';
  items: ForumFixtureItem[];
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
