import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../lib/db/database';
import { fixture, launchWithExtension, sendMessage, type Harness } from './harness';

const REVIEWS_URL = 'https://www.google.com/search?q=acme+clinic+reviews';

describe('a database written by a newer build', () => {
  let harness: Harness;
  let control: Page;

  beforeAll(async () => {
    harness = await launchWithExtension([{ url: REVIEWS_URL, file: fixture('google-acme-reviews.html') }]);
    control = await harness.extensionPage('manifest.json');
    await sendMessage(control, 'projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic reviews'] } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a database of a newer version is left untouched, and the popup says to update the extension', async () => {
    // What a newer build of the extension leaves behind: the running background steps aside for it.
    const newerVersion = DB_VERSION + 1;
    await control.evaluate(
      (name, version) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name, version);
          request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
          request.onblocked = () => reject(new Error('the background kept the database open'));
        }),
      DB_NAME,
      newerVersion,
    );
    const popup = await harness.extensionPage('popup.html');
    await popup.waitForSelector('.error');
    expect(await popup.$eval('.error', (element) => element.textContent)).toMatch(/newer version of Reputation Lens.*nothing was changed/);
    const projects = await control.evaluate(
      (name) =>
        new Promise<string[]>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const all = request.result.transaction('projects').objectStore('projects').getAll();
            all.onsuccess = () => {
              resolve((all.result as { name: string }[]).map((project) => project.name));
              request.result.close();
            };
          };
          request.onerror = () => reject(request.error);
        }),
      DB_NAME,
    );
    expect(projects).toEqual(['Acme']);
    await popup.close();
  });
});
