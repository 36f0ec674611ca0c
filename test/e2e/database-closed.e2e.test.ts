import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../lib/db/database';
import { clickTagButton, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

/**
 * The database closed under the worker and unavailable for a while, as when another copy of the extension starts
 * an upgrade and gives it up: the worker steps aside at once, a mark made meanwhile waits for the database and is
 * stored once it opens again, with no browser restart and nothing lost.
 */
describe('the database closed under the worker', () => {
  let harness: Harness;
  let control: Page;
  let projectId: string;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
    control = await harness.extensionPage('manifest.json');
    projectId = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic reviews'] } })).project.id;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('recovers without a browser restart: marks before, during and after are all stored', async () => {
    const page = await harness.open(REVIEWS_URL);
    await page.bringToFront();
    await waitForTagRow(page, rankSelector(2), (row) => row.suggested !== null);
    await clickTagButton(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(1), 'positive');

    // An upgrade to a newer version that holds the database for two seconds, then is abandoned.
    const upgradeStarted = await control.evaluate(
      (name, version) =>
        new Promise<boolean>((started) => {
          const request = indexedDB.open(name, version);
          (globalThis as unknown as { upgradeOutcome: Promise<string> }).upgradeOutcome = new Promise<string>((settled) => {
            request.onupgradeneeded = () => {
              started(true);
              const upgrade = request.transaction!;
              const until = performance.now() + 2000;
              const hold = () => {
                if (performance.now() < until) upgrade.objectStore('projects').count().onsuccess = hold;
                else upgrade.abort();
              };
              hold();
            };
            request.onsuccess = () => settled('opened');
            request.onerror = () => settled(request.error?.name ?? 'failed');
            request.onblocked = () => settled('blocked: the worker kept the database open');
          });
        }),
      DB_NAME,
      DB_VERSION + 1,
    );
    expect(upgradeStarted).toBe(true);
    // The worker's connection is gone and the database busy: this mark waits for it.
    await clickTagButton(page, rankSelector(2), 'negative');
    expect(await control.evaluate(() => (globalThis as unknown as { upgradeOutcome: Promise<string> }).upgradeOutcome)).toBe('AbortError');
    await waitForTagMark(page, rankSelector(2), 'negative', 20_000);

    await clickTagButton(page, rankSelector(1), 'neutral');
    await waitForTagMark(page, rankSelector(1), 'neutral');
    const marked = await sendMessage<{ rows: { item: { mark: { sentiment: string } | null } }[] }>(control, 'mentions.search', {
      projectId,
      filter: { state: 'marked' },
      offset: 0,
      limit: 50,
    });
    expect(marked.rows.map((row) => row.item.mark?.sentiment).sort()).toEqual(['negative', 'neutral']);
    expect((await sendMessage<{ report: { markedCount: number } }>(control, 'kpi.get', { projectId })).report.markedCount).toBe(2);
    const version = await control.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            resolve(request.result.version);
            request.result.close();
          };
          request.onerror = () => reject(request.error);
        }),
      DB_NAME,
    );
    expect(version).toBe(DB_VERSION);
    await page.close();
  });
});
