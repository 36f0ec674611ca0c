import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';
import { expectAllOk, sendFromExtensionPage } from '../bench/browser';
import { launchTestBrowser, type TestBrowser } from '../support/browser';

export { allowSiteAccess } from '../support/browser';

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
export async function launchWithExtension(routes: readonly Route[], options: { userDataDir?: string } = {}): Promise<Harness> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "wxt build" first (npm run test:e2e does).`);
  }
  const pages = new Map(routes.map((route) => [route.url, readFileSync(route.file)]));
  const browser = await launchTestBrowser({ pages, extensionDir: EXTENSION_DIR, ...options });
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

export function fixture(name: string): string {
  return path.resolve(here, '../fixtures/e2e', name);
}

/** Clicks the toolbar button for `tab` (CDP Extensions.triggerAction) and returns the real action popup. */
export async function openActionPopup(harness: Harness, tab: Page): Promise<Page> {
  const extension = (await harness.browser.extensions()).get(harness.extensionId);
  if (!extension) throw new Error('The extension is not installed');
  const popupUrl = `chrome-extension://${harness.extensionId}/popup.html`;
  const opened = harness.browser.waitForTarget((target) => target.url().startsWith(popupUrl));
  await tab.bringToFront();
  await tab.triggerExtensionAction(extension);
  const popup = await (await opened).asPage();
  await popup.waitForSelector('.popup');
  return popup;
}

/** Sends one protocol message from an extension page and unwraps the answer; a refusal throws with its reason. */
export async function sendMessage<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const { replies } = await sendFromExtensionPage(page, [{ type, payload }]);
  expectAllOk(replies, type);
  return (replies[0] as { ok: true; data: T }).data;
}

/** The marks the background has stored for the project, canonical URL -> sentiment (null: a recommendation alone). */
export async function storedMarks(control: Page, projectId: string): Promise<Record<string, string | null>> {
  const found = await sendMessage<{ rows: { url: string; item: { mark: { sentiment: string | null } | null } }[] }>(control, 'mentions.search', {
    projectId,
    filter: { state: 'marked' },
    offset: 0,
    limit: 50,
  });
  return Object.fromEntries(found.rows.map((row) => [row.url, row.item.mark?.sentiment ?? null]));
}

/** Tagged posts and drawn rows on the page, as the page itself can count them. */
export async function taggedPosts(page: Page): Promise<{ posts: number; rows: number }> {
  return page.evaluate(() => ({
    posts: document.querySelectorAll('[data-rl-item="post"]').length,
    rows: document.querySelectorAll('[data-rl-item="post"] rl-tags').length,
  }));
}

/** Waits until `count` posts have a row, then a little longer, and counts again: the test checks nothing more came. */
export async function settledTaggedPosts(page: Page, count: number): Promise<{ posts: number; rows: number }> {
  // Rows beyond a frame's drawing budget are drawn in animation frames, which a background tab never gets
  // (another tab was opened since): the user looks at the page, and so does the test.
  await page.bringToFront();
  await page.waitForFunction((expected) => document.querySelectorAll('[data-rl-item="post"] rl-tags').length >= expected, { timeout: 20_000, polling: 100 }, count);
  // Settled: a later mutation pass must not add a second row or tag a block that is not a post.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return taggedPosts(page);
}
