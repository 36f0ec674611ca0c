import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_REPORT_KEY } from '../../lib/background/ready-report';
import { contentScriptEvaluator } from '../bench/browser';
import { clickTagButton, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, type Harness } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const ADDRESS_URL = 'https://www.google.com/search?q=acme+clinic+address&hl=en';

/** Waits until the result's row shows a suggestion (the background answered) and no mark. */
const waitForSuggestion = (page: Page, rank: number) => waitForTagRow(page, rankSelector(rank), (row) => row.suggested !== null && row.marked === null);

async function kpiValue(page: Page, key: string): Promise<string | null> {
  return page.$eval(`[data-testid="kpi-${key}"]`, (element) => element.getAttribute('data-value'));
}

describe('Google: project, one-click marks, popup KPI', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchWithExtension([
      { url: REVIEWS_URL, file: fixture('google-acme-reviews.html') },
      { url: ADDRESS_URL, file: fixture('google-acme-address.html') },
    ]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('tags organic results with suggestions before any project exists, and asks for one to mark', async () => {
    const page = await harness.open(REVIEWS_URL);
    const row = await waitForSuggestion(page, 1);
    expect(await page.$$eval('[data-rl-item="serp"]', (items) => items.length)).toBe(2);
    expect(await page.$$eval('#tads [data-rl-item], .related-question-pair [data-rl-item], g-section-with-header [data-rl-item]', (items) => items.length)).toBe(0);
    // One notice for the page says a project is needed (test/e2e/quiet.e2e.test.ts), not every row.
    expect(row.parts.map((part) => part.text).join(' ')).not.toMatch(/project/i);
    expect(await page.$$eval('rl-notice', (notices) => notices.length)).toBe(1);
    await page.close();
  });

  it('refuses an invalid project with messages beside the fields, then creates a valid one', async () => {
    const options = await harness.extensionPage('options.html');
    await options.waitForSelector('[data-testid="project-name"]');
    await options.type('[data-testid="project-domains"]', 'not a domain');
    await options.click('[data-testid="project-save"]');
    await options.waitForSelector('[data-testid="error-name"]');
    await options.waitForSelector('[data-testid="error-clientDomains"]');
    const list = await harness.extensionPage('popup.html');
    await list.waitForSelector('.popup');
    expect(await list.$('[data-testid="project-select"]')).toBeNull();
    await list.close();

    // Cleared the way a user does it, so the form's state sees the edit.
    await options.$eval('[data-testid="project-domains"]', (element) => (element as HTMLTextAreaElement).select());
    await options.keyboard.press('Backspace');
    await options.type('[data-testid="project-name"]', 'Acme Clinic');
    await options.type('[data-testid="project-domains"]', 'acmeclinic.com');
    await options.type('[data-testid="project-brands"]', 'Acme Clinic');
    await options.type('[data-testid="project-queries"]', 'acme clinic reviews');
    await options.click('[data-testid="project-save"]');
    await options.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('Saved'));
    await options.waitForSelector('[data-testid="project-row"]');
    expect(await options.$$eval('[data-testid="project-row"]', (rows) => rows.length)).toBe(1);
    await options.close();
  });

  it('marks with one click, keeps the marks across reloads and other queries, and the popup follows live', async () => {
    const popup = await harness.extensionPage('popup.html');
    await popup.waitForSelector('[data-testid="project-select"]');

    const page = await harness.open(REVIEWS_URL);
    const first = await waitForSuggestion(page, 1);
    expect(first.parts.find((part) => part.className === 'badge badge-client')?.text).toBe('client site');
    expect(await page.$eval('[data-rl-rank="2"]', (element) => element.getAttribute('data-rl-url'))).toBe(
      'https://reviews.example.org/acme-clinic?utm_source=google',
    );

    await clickTagButton(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(1), 'positive');
    await clickTagButton(page, rankSelector(2), 'negative');
    await waitForTagMark(page, rankSelector(2), 'negative');

    // The popup is a background tab here, where animation-frame polling would never run.
    await popup.waitForFunction(
      () => document.querySelector('[data-testid="kpi-serp-positivity"]')?.getAttribute('data-value') === '0.5',
      { polling: 200 },
    );
    expect(await kpiValue(popup, 'serp-positivity')).toBe('0.5');
    expect(await popup.$eval('[data-testid="marked-count"]', (element) => element.getAttribute('data-value'))).toBe('2');

    await page.reload({ waitUntil: 'load' });
    await waitForTagMark(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(2), 'negative');
    expect(await page.$$eval('rl-tags', (rows) => rows.length)).toBe(2);

    const other = await harness.open(ADDRESS_URL);
    await waitForTagMark(other, rankSelector(2), 'negative');
    // A result added after load is tagged too, once.
    await waitForSuggestion(other, 3);
    expect(await other.$$eval('rl-tags', (rows) => rows.length)).toBe(3);
    // A result never marked shows only its suggestion.
    await waitForSuggestion(other, 1);

    // The other query is not a key query: the KPI still counts only the key query's top-20.
    expect(await kpiValue(popup, 'serp-positivity')).toBe('0.5');
    await Promise.all([page.close(), other.close(), popup.close()]);
  });

  it('opens on the report the background worked out ahead, then draws its answer; no page can read that report', async () => {
    const control = await harness.extensionPage('manifest.json');
    type Kept = { report: { kpis: { key: string; value: number | null }[] } };
    type Extension = { chrome: { storage: { session: { get(key: string): Promise<Record<string, Kept>>; set(items: Record<string, Kept>): Promise<void> } } } };
    // Kept when the last popup asked, dropped at each mark, worked out again a second after the last one.
    await control.waitForFunction(
      async (key) => {
        const stored = await (globalThis as unknown as Extension).chrome.storage.session.get(key);
        return stored[key]?.report.kpis.find((kpi) => kpi.key === 'serp-positivity')?.value === 0.5;
      },
      { polling: 100 },
      READY_REPORT_KEY,
    );
    // Told apart from the answer: the kept report says 25%, the data 50%.
    await control.evaluate(async (key) => {
      const { session } = (globalThis as unknown as Extension).chrome.storage;
      const stored = await session.get(key);
      stored[key]!.report.kpis.find((kpi) => kpi.key === 'serp-positivity')!.value = 0.25;
      await session.set(stored);
    }, READY_REPORT_KEY);

    const popup = await harness.newTab();
    await popup.evaluateOnNewDocument(() => {
      const seen: (string | null)[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const value = document.querySelector('[data-testid="kpi-serp-positivity"]')?.getAttribute('data-value');
        if (value !== undefined && value !== seen.at(-1)) seen.push(value);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await popup.waitForFunction(() => (window as unknown as { seen: string[] }).seen.includes('0.5'), { polling: 100 });
    expect(await popup.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['0.25', '0.5']);
    await popup.close();

    // The kept report is the extension's own: not even our content script, which speaks for a hostile page, reads it.
    const page = await harness.open(REVIEWS_URL);
    await waitForTagMark(page, rankSelector(1), 'positive');
    const evaluate = await contentScriptEvaluator(page, 'Reputation Lens');
    const read = await evaluate(`Promise.resolve().then(() => chrome.storage.session.get(${JSON.stringify(READY_REPORT_KEY)})).then(
      (stored) => 'read ' + JSON.stringify(stored), (error) => 'refused: ' + error.message)`);
    expect(read).toMatch(/^refused: /);
    await Promise.all([page.close(), control.close()]);
  });

  it('made no network request of its own', () => {
    expect(harness.watchedWorkers.size).toBeGreaterThan(0);
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
