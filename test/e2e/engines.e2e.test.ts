import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTagButton, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { launchWithExtension, type Harness } from './harness';

/** Our own per-engine fixture pages (test/fixtures/serp), served at the URL recorded beside each. */
const ENGINES = [
  // A different mark per engine: the same URL on two engines carries one mark, and a second click on the
  // same mark would clear it.
  { engine: 'bing', fixture: 'bing/desktop-2024', mark: 'positive' },
  { engine: 'yandex', fixture: 'yandex/desktop-2023', mark: 'negative' },
  { engine: 'duckduckgo', fixture: 'duckduckgo/js-2024', mark: 'neutral' },
] as const;

interface Expected {
  pageUrl: string;
  query: string;
  items: { rank: number; url: string }[];
}

const fixtureDir = path.resolve(__dirname, '../fixtures/serp');
const expectedOf = (fixture: string): Expected =>
  JSON.parse(readFileSync(path.join(fixtureDir, `${fixture}.json`), 'utf8')) as Expected;

/** The same engine's page for another query, reached without a page load (history.pushState), as SPAs do. */
function inPageQueryUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  const param = url.searchParams.has('text') ? 'text' : 'q';
  url.searchParams.set(param, `${url.searchParams.get(param)} price`);
  return url.toString();
}

async function serpCounted(popup: Page): Promise<number> {
  return Number(await popup.$eval('[data-testid="kpi-serp-positivity"]', (element) => element.getAttribute('data-counted')));
}

describe('Bing, Yandex and DuckDuckGo in the real extension', () => {
  let harness: Harness;
  let popup: Page;

  beforeAll(async () => {
    harness = await launchWithExtension(
      ENGINES.map(({ fixture }) => ({ url: expectedOf(fixture).pageUrl, file: path.join(fixtureDir, `${fixture}.html`) })),
    );
    const options = await harness.extensionPage('options.html');
    await options.waitForSelector('[data-testid="project-name"]');
    await options.type('[data-testid="project-name"]', 'Acme');
    await options.type('[data-testid="project-domains"]', 'acme.example');
    const queries = ENGINES.flatMap(({ fixture }) => {
      const { query } = expectedOf(fixture);
      return [query, `${query} price`];
    });
    await options.type('[data-testid="project-queries"]', queries.join('\n'));
    await options.click('[data-testid="project-save"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('Saved'));
    await options.close();
    popup = await harness.extensionPage('popup.html');
    await popup.waitForSelector('[data-testid="kpi-serp-positivity"]');
  });

  afterAll(async () => {
    await harness?.close();
  });

  for (const { engine, fixture, mark } of ENGINES) {
    it(`${engine}: tags every organic result with its rank, a click persists, an in-page query change is a new snapshot`, async () => {
      const expected = expectedOf(fixture);
      const page = await harness.open(expected.pageUrl);
      const last = expected.items.at(-1)!;
      await waitForTagRow(page, rankSelector(last.rank));
      const tagged = await page.$$eval('[data-rl-item="serp"]', (items) =>
        items.map((item) => ({ rank: Number(item.getAttribute('data-rl-rank')), url: item.getAttribute('data-rl-url') })),
      );
      expect(tagged).toEqual(expected.items.map(({ rank, url }) => ({ rank, url })));
      expect(await page.$$eval('rl-tags', (rows) => rows.length)).toBe(expected.items.length);

      const first = expected.items[0]!.rank;
      await clickTagButton(page, rankSelector(first), mark);
      await waitForTagMark(page, rankSelector(first), mark);
      await page.reload({ waitUntil: 'load' });
      await waitForTagMark(page, rankSelector(first), mark);

      const countedBefore = await serpCounted(popup);
      // As a single-page engine does: the URL changes first, the results are replaced a moment later.
      await page.evaluate((url) => history.pushState(null, '', url), inPageQueryUrl(expected.pageUrl));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await serpCounted(popup)).toBe(countedBefore);
      await page.$eval(`[data-rl-rank="${last.rank}"]`, (element) => element.remove());
      await popup.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="kpi-serp-positivity"]')?.getAttribute('data-counted')) > before,
        // The popup is a background tab here, where animation-frame polling would never run.
        { polling: 200 },
        countedBefore,
      );
      // The new query's snapshot holds the page's results, each drawn again for it, and no row twice.
      await waitForTagRow(page, rankSelector(first));
      await page.waitForFunction((count) => document.querySelectorAll('rl-tags').length === count, { polling: 100 }, expected.items.length - 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await page.$$eval('rl-tags', (rows) => rows.length)).toBe(expected.items.length - 1);
      await page.close();
    });
  }

  it('made no network request of its own', () => {
    expect(harness.watchedWorkers.size).toBeGreaterThan(0);
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
