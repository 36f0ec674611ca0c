import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickTagButton, rankSelector, waitForTagMark, waitForTagRow } from '../support/browser';
import { fixture, launchWithExtension, sendMessage, type Harness, storedMarks } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';
const FILLER_DB = 'storage-full-test-filler';

/**
 * A disk of its own for the browser profile, small enough to fill: a tmpfs (the tests run as root, as CI does).
 * Chromium refuses writes with QuotaExceededError when the profile's disk runs out of room, as on a full disk;
 * the DevTools quota override (Storage.overrideQuotaForOrigin) is not applied to what pages and workers write.
 */
function smallDisk(megabytes: number): { dir: string; release(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-full-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The storage-full test puts the browser profile on a ${megabytes} MB tmpfs and could not mount one (it needs root): ${mounted.stderr.trim()}`);
  }
  return {
    dir,
    release() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the profile's disk from an extension page (the extension's own origin) until not even a kilobyte fits. */
function fillDisk(page: Page): Promise<number> {
  return page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore('filler');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let key = 0;
    for (let size = 1024 * 1024; size >= 1024; size /= 4) {
      // Random bytes: storage may compress what repeats.
      const chunk = new Uint8Array(size);
      for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(chunk.subarray(offset, offset + 65_536));
      for (;;) {
        const tx = db.transaction('filler', 'readwrite');
        tx.objectStore('filler').put(chunk, key++);
        const outcome = await new Promise<string>((resolve) => {
          tx.oncomplete = () => resolve('stored');
          tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
        });
        if (outcome === 'QuotaExceededError') break;
        if (outcome !== 'stored') throw new Error(`Filling the disk: ${outcome}`);
      }
    }
    db.close();
    return key;
  }, FILLER_DB);
}

const freeDisk = (page: Page) =>
  page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    FILLER_DB,
  );

describe('storage full', () => {
  let disk: ReturnType<typeof smallDisk>;
  let harness: Harness;
  let control: Page;
  let acme: string;

  beforeAll(async () => {
    disk = smallDisk(48);
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }], { userDataDir: path.join(disk.dir, 'profile') });
    control = await harness.extensionPage('manifest.json');
    acme = (await sendMessage<{ project: { id: string } }>(control, 'projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic reviews'] } }))
      .project.id;
  });

  afterAll(async () => {
    await harness?.close();
    disk?.release();
  });

  it('a mark is refused visibly and whole, kept, and written once there is room; reading and export go on', async () => {
    const page = await harness.open(REVIEWS_URL);
    await page.bringToFront();
    await waitForTagRow(page, rankSelector(2), (row) => row.suggested !== null);
    await clickTagButton(page, rankSelector(1), 'positive');
    await waitForTagMark(page, rankSelector(1), 'positive');
    const before = await storedMarks(control, acme);
    const reportBefore = await sendMessage(control, 'kpi.get', { projectId: acme });

    expect(await fillDisk(control)).toBeGreaterThan(1);
    await clickTagButton(page, rankSelector(2), 'negative');
    const refused = await waitForTagRow(page, rankSelector(2), (row) => row.parts.some((part) => /no room left/.test(part.text)), 30_000);
    expect(refused.parts.some((part) => /kept and will be saved/.test(part.text))).toBe(true);
    expect(refused.marked).toBeNull();
    // Nothing partial: the mentions, the month counters and the marked count are as they were, and can be read.
    expect(await storedMarks(control, acme)).toEqual(before);
    expect(await sendMessage(control, 'kpi.get', { projectId: acme })).toEqual(reportBefore);
    // The transfer cache has no room either: the backup comes in the answer.
    const exported = await sendMessage<{ fileName: string; text?: string }>(control, 'files.export', { file: 'backup', projectId: acme });
    expect(JSON.parse(exported.text ?? '{}')).toMatchObject({ format: 'reputation-lens-backup', mentions: expect.any(Array) });

    await freeDisk(control);
    // The next write that finds room (the next mark on the page) writes the kept one first.
    await clickTagButton(page, rankSelector(1), 'neutral');
    await waitForTagMark(page, rankSelector(1), 'neutral');
    expect(Object.values(await storedMarks(control, acme)).sort()).toEqual(['negative', 'neutral']);
    await page.close();
  });
});
