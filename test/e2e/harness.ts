import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { launchTestBrowser, type TestBrowser } from '../support/browser';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXTENSION_DIR = path.resolve(here, '../../.output/chrome-mv3');

/** A page served at its real URL from a local file. */
export interface Route {
  url: string;
  file: string;
}

export interface Harness extends TestBrowser {
  extensionId: string;
  /** A new tab on `url`, served from its route. */
  open(url: string): Promise<Page>;
}

/** Chromium with the built extension installed, serving `routes` and aborting every other request. */
export async function launchWithExtension(routes: readonly Route[]): Promise<Harness> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "wxt build" first (npm run test:e2e does).`);
  }
  const pages = new Map(routes.map((route) => [route.url, readFileSync(route.file)]));
  const browser = await launchTestBrowser({ pages, extensionDir: EXTENSION_DIR });
  const extensionId = browser.extensionId!;
  return {
    ...browser,
    extensionId,
    async open(url) {
      const page = await browser.newTab();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
  };
}

/** Clicks a mark button inside an item's open shadow root. */
export async function clickMark(page: Page, rank: number, action: string): Promise<void> {
  const button = await page.waitForSelector(
    `[data-rl-rank="${rank}"] > rl-tags >>> button[data-action="${action}"]:not([disabled])`,
  );
  await button!.click();
}

export function fixture(name: string): string {
  return path.resolve(here, '../fixtures/e2e', name);
}
