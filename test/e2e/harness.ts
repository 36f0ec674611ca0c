import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'puppeteer';
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

interface ShadowNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: ShadowNode[];
  shadowRoots?: ShadowNode[];
}

const attributeOf = (node: ShadowNode, name: string): string | undefined => {
  const attributes = node.attributes ?? [];
  const index = attributes.findIndex((value, position) => position % 2 === 0 && value === name);
  return index >= 0 ? attributes[index + 1] : undefined;
};

function* descendants(node: ShadowNode): Generator<ShadowNode> {
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    yield child;
    yield* descendants(child);
  }
}

/**
 * The mark button `action` of the `index`-th tagged post (0-based, page order), found through the DevTools
 * protocol with shadow roots pierced: it reaches open and closed roots alike (DESIGN.md section 5).
 */
async function postMarkButton(page: Page, index: number, action: string): Promise<{ node: ShadowNode; session: CDPSession }> {
  const session = await page.createCDPSession();
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: ShadowNode };
  const posts = [...descendants(root)].filter((node) => attributeOf(node, 'data-rl-item') === 'post');
  const post = posts[index];
  const button = post
    ? [...descendants(post)].find((node) => node.nodeName === 'BUTTON' && attributeOf(node, 'data-action') === action)
    : undefined;
  if (!button) {
    await session.detach();
    throw new Error(`No "${action}" button on tagged post ${index} (${posts.length} tagged posts)`);
  }
  return { node: button, session };
}

/** Clicks a post's mark button with real mouse input at its coordinates (a script-made click does nothing). */
export async function clickPostMark(page: Page, index: number, action: string): Promise<void> {
  const { node, session } = await postMarkButton(page, index, action);
  try {
    await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
    const { model } = await session.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
  } finally {
    await session.detach();
  }
}

/** Waits until a post's mark button says it is the user's mark (`aria-pressed="true"`). */
export async function waitForPostMark(page: Page, index: number, action: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { node, session } = await postMarkButton(page, index, action);
    await session.detach();
    if (attributeOf(node, 'aria-pressed') === 'true') return;
    if (Date.now() > deadline) throw new Error(`Post ${index} never showed "${action}" as marked`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
