import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The site fixtures on disk, without vitest: test/sites/page.ts re-exports these for the tests, and
 * the fuzz's worker threads (test/sites/fuzz/) load them outside the test runner.
 */

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

export interface Fixture {
  name: string;
  htmlPath: string;
  html: string;
  expected: FixtureExpectation;
}

export const FIXTURE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

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
