import type { Page, WebWorker } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFromExtensionPage } from '../bench/browser';
import { clickTagButton, rankSelector, waitForTagMark, type TagAction } from '../support/browser';
import { fixture, launchWithExtension, type Harness } from './harness';

// The same key query observed in two months: in October one page of results, in November another.
const OCTOBER_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const NOVEMBER_URL = 'https://www.google.com/search?q=acme+clinic+reviews&hl=en';
const OCTOBER = new Date(2026, 9, 15, 12).getTime();
const NOVEMBER = new Date(2026, 10, 15, 12).getTime();

/** Moves the background's clock (the service reads Date.now at every request). */
async function setWorkerClock(harness: Harness, at: number): Promise<void> {
  const target = await harness.browser.waitForTarget(
    (candidate) => candidate.type() === 'service_worker' && candidate.url().includes(harness.extensionId),
  );
  const worker = (await target.worker()) as WebWorker;
  // A string, not a function: the test's compiled functions call a helper that only pages are given.
  await worker.evaluate(`Date.now = () => ${at};`);
}

async function markAndWait(page: Page, rank: number, action: TagAction): Promise<void> {
  await clickTagButton(page, rankSelector(rank), action);
  await waitForTagMark(page, rankSelector(rank), action);
}

const attribute = (page: Page, selector: string, name: string) => page.$eval(selector, (element, key) => element.getAttribute(key), name);

describe('two months of marks: month over month in the popup, the history chart and the report', () => {
  let harness: Harness;
  let projectId: string;

  beforeAll(async () => {
    harness = await launchWithExtension([
      { url: OCTOBER_URL, file: fixture('google-acme-reviews.html') },
      { url: NOVEMBER_URL, file: fixture('google-acme-reviews-later.html') },
    ]);
    const control = await harness.extensionPage('manifest.json');
    // The worker answers once before its clock is moved, so the clock is set in the worker that stays.
    await sendFromExtensionPage(control, [{ type: 'projects.list', payload: {} }]);
    await setWorkerClock(harness, OCTOBER);
    const { replies } = await sendFromExtensionPage(control, [
      {
        type: 'projects.save',
        payload: {
          input: {
            name: 'Acme Clinic',
            clientDomains: ['acmeclinic.com'],
            brandTerms: ['Acme Clinic'],
            keyQueries: ['acme clinic reviews'],
            // Only the user's marks count, so every expected value below is worked out by hand.
            suggestionsCountInKpis: false,
          },
        },
      },
    ]);
    projectId = (replies[0] as { ok: true; data: { project: { id: string } } }).data.project.id;
    await control.close();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('counts each month on its own and shows the change', async () => {
    const october = await harness.open(OCTOBER_URL);
    await markAndWait(october, 1, 'positive');
    await markAndWait(october, 2, 'negative');
    await october.close();

    await setWorkerClock(harness, NOVEMBER);
    const november = await harness.open(NOVEMBER_URL);
    // The client's site keeps its mark from October: a mark belongs to the URL.
    await waitForTagMark(november, rankSelector(1), 'positive');
    await markAndWait(november, 2, 'positive');
    await november.close();

    // October: 1 positive of 2; November: 2 of 2.
    const popup = await harness.extensionPage('popup.html');
    await popup.waitForSelector('[data-testid="kpi-serp-positivity"][data-value="1"]');
    const card = await popup.$eval('[data-testid="kpi-serp-positivity"]', (element) => element.textContent ?? '');
    expect(card).toContain('▲ 50 pt vs last month');
    expect(await attribute(popup, '[data-testid="kpi-serp-positivity-status"]', 'data-status')).toBe('met');
    expect(await popup.$eval('.score-caption time', (element) => element.getAttribute('datetime'))).toBe('2026-11');
    // The sparkline has both months.
    expect(await popup.$eval('[data-testid="kpi-serp-positivity"] .sparkline', (element) => element.getAttribute('aria-label'))).toMatch(/from 50% to 100%/);
    const popupScore = await attribute(popup, '[data-testid="kpi-score"]', 'data-value');
    await popup.close();

    const dashboard = await harness.extensionPage('options.html');
    const row = (month: string) => `[data-testid="trend-serp-positivity"] tr[data-month="${month}"]`;
    await dashboard.waitForSelector(row('2026-11'));
    expect(await attribute(dashboard, row('2026-10'), 'data-value')).toBe('0.5');
    expect(await attribute(dashboard, row('2026-11'), 'data-value')).toBe('1');
    expect(await dashboard.$$eval('[data-testid="trend-serp-positivity"] .value-line', (paths) => paths.length)).toBe(1);
    await dashboard.close();

    const report = await harness.extensionPage(`report.html?project=${encodeURIComponent(projectId)}&month=2026-11`);
    await report.waitForSelector('[data-testid="report"]');
    expect(await attribute(report, '[data-testid="kpi-serp-positivity"]', 'data-value')).toBe('1');
    expect(await attribute(report, '[data-testid="kpi-score"]', 'data-value')).toBe(popupScore);
    expect(await report.$eval('[data-testid="report-changes"]', (element) => element.textContent ?? '')).toMatch(/dropped out \(was 2\)/);
    expect(await report.$eval('[data-testid="report-negatives"]', (element) => element.textContent ?? '')).toMatch(/No negative mention was seen/);
    await report.close();
  });

  it('made no network request of its own', () => {
    expect(harness.blocked.filter((request) => request.fromExtension)).toEqual([]);
  });
});
