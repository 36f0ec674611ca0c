import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankSelector, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, type Harness } from './harness';

const URL_NEW_MARKUP = 'https://www.google.com/search?q=acme+clinic+hours';

async function siteState(harness: Harness, site: string): Promise<{ state: string | null; text: string }> {
  const dashboard = await harness.extensionPage('options.html');
  const row = await dashboard.waitForSelector(`[data-testid="site-status-${site}"]`);
  const result = await row!.evaluate((element) => ({ state: element.getAttribute('data-state'), text: element.textContent ?? '' }));
  await dashboard.close();
  return result;
}

async function settle(page: Page) {
  // The content script reports after its first scan; give it a moment on a page where nothing gets tagged.
  await page.waitForNetworkIdle({ idleTime: 300 }).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 700));
}

describe('when an engine changes its markup', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: URL_NEW_MARKUP, file: fixture('google-new-markup.html') }]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('the page gets no tags and no errors, and the dashboard says it was not recognised', async () => {
    const page = await harness.open(URL_NEW_MARKUP);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await settle(page);
    expect(await page.$$('[data-rl-item], rl-tags')).toHaveLength(0);
    expect(errors).toEqual([]);
    const status = await siteState(harness, 'google');
    expect(status.state).toBe('broken');
    expect(status.text).toMatch(/not recognised/);
    await page.close();
  });

  it('pasted selector overrides are validated, saved, and applied on the next page load', async () => {
    const dashboard = await harness.extensionPage('options.html');
    // Folded under "Advanced": a setting nobody needs day to day.
    await dashboard.waitForSelector('[data-testid="advanced"]:not([open])');
    await dashboard.click('[data-testid="advanced"] summary');
    await dashboard.waitForSelector('[data-testid="overrides-text"]', { visible: true });
    await dashboard.type('[data-testid="overrides-text"]', '{"google": {"resultRoot": ["section.r30-item["]}}');
    await dashboard.click('[data-testid="overrides-save"]');
    const error = await dashboard.waitForSelector('[data-testid="overrides-error"]');
    expect(await error!.evaluate((element) => element.textContent)).toMatch(/google\.resultRoot\[0\]/);

    await dashboard.$eval('[data-testid="overrides-text"]', (element) => (element as HTMLTextAreaElement).select());
    await dashboard.keyboard.press('Backspace');
    await dashboard.type(
      '[data-testid="overrides-text"]',
      '{"google": {"resultRoot": ["section.r30-item"], "link": ["a.r30-link"], "title": [".r30-title"], "snippet": [".r30-text"]}}',
    );
    await dashboard.click('[data-testid="overrides-save"]');
    await dashboard.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('overrides saved'));
    await dashboard.close();

    const page = await harness.open(URL_NEW_MARKUP);
    await waitForTagRow(page, rankSelector(2));
    const items = await page.$$eval('[data-rl-item="serp"]', (elements) => elements.map((element) => element.getAttribute('data-rl-url')));
    expect(items).toEqual(['https://acmeclinic.com/hours', 'https://city-guide.example/acme-clinic']);
    const status = await siteState(harness, 'google');
    expect(status.state).toBe('ok');
    await page.close();
  });

  it('made no network request of its own', () => {
    expect(harness.watchedWorkers.size).toBeGreaterThan(0);
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
