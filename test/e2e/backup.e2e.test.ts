import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_CACHE } from '../../lib/backup/transfer';
import { sendFromExtensionPage, type Reply } from '../bench/browser';
import { clickTagButton, rankSelector, waitForTagMark } from '../support/browser';
import { fixture, launchWithExtension, type Harness } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

async function request<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const { replies } = await sendFromExtensionPage(page, [{ type, payload }]);
  const reply = replies[0] as Reply;
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.data as T;
}

/** Clicks one of the dashboard's download buttons and reads the file the browser saved. */
async function download(harness: Harness, dashboard: Page, testId: string): Promise<{ fileName: string; text: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-download-'));
  const browser = await harness.browser.target().createCDPSession();
  try {
    await browser.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
    const fileName = new Promise<string>((resolve) => browser.once('Browser.downloadWillBegin', (event) => resolve(event.suggestedFilename)));
    const saved = new Promise<void>((resolve, reject) =>
      browser.on('Browser.downloadProgress', (event) => {
        if (event.state === 'completed') resolve();
        if (event.state === 'canceled') reject(new Error('The download was canceled'));
      }),
    );
    await dashboard.click(`[data-testid="${testId}"]`);
    await saved;
    return { fileName: await fileName, text: readFileSync(path.join(dir, await fileName), 'utf8') };
  } finally {
    await browser.detach();
  }
}

/** Entries left in the transfer cache: every file is deleted once it is taken. */
const transfersLeft = (page: Page) => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, TRANSFER_CACHE);

async function kpi(harness: Harness, key: string): Promise<string | null> {
  const popup = await harness.extensionPage('popup.html');
  await popup.waitForSelector(`[data-testid="kpi-${key}"]`);
  const value = await popup.$eval(`[data-testid="kpi-${key}"]`, (element) => element.getAttribute('data-value'));
  await popup.close();
  return value;
}

describe('Backup: export, wipe, import from the dashboard', () => {
  let harness: Harness;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-backup-'));

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('gives back the same file and the same KPIs, and refuses a broken file saying where', async () => {
    const dashboard = await harness.extensionPage('options.html');
    await request(dashboard, 'projects.save', {
      input: { name: 'Acme Clinic', clientDomains: ['acmeclinic.com'], brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic reviews'] },
    });
    const page = await harness.open(REVIEWS_URL);
    await clickTagButton(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(1), 'positive');
    await clickTagButton(page, rankSelector(2), 'negative');
    await waitForTagMark(page, rankSelector(2), 'negative');
    await page.close();
    const positivity = await kpi(harness, 'serp-positivity');
    expect(positivity).toBe('0.5');

    const exported = await download(harness, dashboard, 'backup-export-all');
    expect(exported.fileName).toMatch(/^reputation-lens-all-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.text).toMatch(/^\{"format": "reputation-lens-backup"/);
    const { projects } = await request<{ projects: { id: string }[] }>(dashboard, 'projects.list', {});
    for (const project of projects) await request(dashboard, 'projects.delete', { id: project.id });

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, exported.text.replace('"mentions": [', '"mentions": [,'));
    await dashboard.reload();
    const input = (await dashboard.waitForSelector('[data-testid="backup-import"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(broken);
    const refusal = await dashboard.waitForSelector('[data-testid="backup-error"]');
    expect(await refusal!.evaluate((element) => element.textContent)).toMatch(/Backup not imported\. This is not valid JSON: “,” at line \d+, column \d+ does not belong there\./);
    expect((await request<{ projects: unknown[] }>(dashboard, 'projects.list', {})).projects).toEqual([]);

    const good = path.join(dir, exported.fileName);
    writeFileSync(good, exported.text);
    await input.uploadFile(good);
    const done = await dashboard.waitForSelector('[data-testid="backup-result"]');
    expect(await done!.evaluate((element) => element.textContent)).toMatch(/^Imported\. projects: 1 written, 0 kept/);
    expect((await download(harness, dashboard, 'backup-export-all')).text).toBe(exported.text);
    expect(await transfersLeft(dashboard)).toBe(0);
    expect(await kpi(harness, 'serp-positivity')).toBe(positivity);
    await dashboard.close();
  });
});
