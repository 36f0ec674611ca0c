import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('made no network request of its own', () => {
    expect(harness.watchedWorkers.size).toBeGreaterThan(0);
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
