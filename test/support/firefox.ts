// The test Firefox: the system Firefox (Debian's firefox-esr) driven over WebDriver BiDi, headless, with the built
// Firefox extension installed as a temporary add-on, and tabs prepared as in the test Chromium (test-tab.ts).
//
// Firefox differs from Chromium where the tests reach in:
// - The extension's origin is moz-extension://<a UUID the profile assigns>. The profile's own mapping
//   (`extensions.webextensions.uuids`) is set before the install, so the origin is known in advance.
// - `page.goto` to an extension page never settles over BiDi (puppeteer issue #14314): the navigation is started and
//   the page polled until it has loaded. Extension pages also refuse `Function()` (their CSP), so polling is done
//   from here with `page.evaluate` (poll.ts), never with `waitForFunction`.
// - Closed shadow roots are reached through BiDi's serialisation of the host node, which names its shadow root
//   whatever its mode, as DevTools does: no page script can do the same.
// - Requests the background makes pass no page's interception; the profile sends every request not answered by
//   interception to a proxy that does not exist, so nothing can reach the network.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer';
import { pollUntil } from './poll';
import { onPath, pollTagRow, tagRowReading, type RowNode, type TagRowReading } from './browser';
import { openTestTab, type BlockedRequest } from './test-tab';

const NO_FIREFOX_MESSAGE = 'No Firefox found: install one (apt-get install -y firefox-esr) or set FIREFOX_EXECUTABLE to a Firefox binary';

/** FIREFOX_EXECUTABLE when set, else firefox-esr or firefox on the PATH; one line on how to get one when there is none. */
export function firefoxExecutable(): string {
  const configured = process.env.FIREFOX_EXECUTABLE;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`FIREFOX_EXECUTABLE is ${configured}, which does not exist. ${NO_FIREFOX_MESSAGE}`);
    return configured;
  }
  const found = ['firefox-esr', 'firefox'].map(onPath).find(Boolean);
  if (!found) throw new Error(NO_FIREFOX_MESSAGE);
  return found;
}

/** Any fixed UUID: Firefox makes the extension's origin from it. */
const EXTENSION_UUID = '5f1c2a7e-3b4d-4e8f-9a6b-7c8d9e0f1a2b';
const DEAD_PROXY = { host: '127.0.0.1', port: 9 };

export interface TestFirefox {
  browser: Browser;
  /** moz-extension://<uuid>, no trailing slash. */
  extensionOrigin: string;
  /** Every request of a tab that was not a served page: aborted, and kept for the report. */
  blocked: BlockedRequest[];
  /** A tab with interception on, not navigated yet. */
  newTab(): Promise<Page>;
  /** A tab on one of the extension's pages, loaded. */
  extensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/** Firefox serving `pages` (URL -> body) at their real URLs, with the extension built in `extensionDir` installed. */
export async function launchFirefoxWithExtension(options: { pages: ReadonlyMap<string, string | Buffer>; extensionDir: string }): Promise<TestFirefox> {
  const manifest = JSON.parse(readFileSync(path.join(options.extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${options.extensionDir}/manifest.json names no Gecko id: is it the Firefox build?`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': DEAD_PROXY.host,
      'network.proxy.http_port': DEAD_PROXY.port,
      'network.proxy.ssl': DEAD_PROXY.host,
      'network.proxy.ssl_port': DEAD_PROXY.port,
      'network.proxy.no_proxies_on': '',
      // Optional permissions are granted without the prompt a headless test cannot click, as the Chromium tests allow an
      // origin under Site access first.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(options.extensionDir);
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  const isExtensionUrl = (url: string | undefined): boolean => Boolean(url?.startsWith('moz-extension://'));
  const blocked: BlockedRequest[] = [];

  const newTab = () => openTestTab(browser, options.pages, blocked, isExtensionUrl);

  return {
    browser,
    extensionOrigin,
    blocked,
    newTab,
    async extensionPage(file) {
      const page = await newTab();
      const url = `${extensionOrigin}/${file}`;
      // Never settles for an extension page; it rejects when the tab closes.
      void page.goto(url, { timeout: 0 }).catch(() => undefined);
      await pollUntil(
        () => page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url).catch(() => false),
        (loaded) => loaded,
        20_000,
        `The load of ${url}`,
      );
      return page;
    },
    close: () => browser.close(),
  };
}

/** What puppeteer's BiDi element handles carry beside the public API: the node as BiDi serialised it. */
interface BidiNodeHandle {
  remoteValue(): { value?: { shadowRoot?: unknown } };
  realm: unknown;
  constructor: { from(value: unknown, realm: unknown): ElementHandle<ShadowRoot> };
}

/** The closed shadow root of `host`, or null when it has none. */
function closedRootOf(host: ElementHandle<Element>): ElementHandle<ShadowRoot> | null {
  const node = host as unknown as BidiNodeHandle;
  const shadowRoot = node.remoteValue().value?.shadowRoot;
  return shadowRoot ? node.constructor.from(shadowRoot, node.realm) : null;
}

/** The `.row` in the closed root of the item's `<rl-tags>`, or null while it has none. */
async function tagRowHandle(page: Page, itemSelector: string): Promise<ElementHandle<Element> | null> {
  const host = await page.$(`${itemSelector} > rl-tags`);
  const root = host && closedRootOf(host);
  return root ? root.$('.row') : null;
}

/** What the tag row of the first item matching `itemSelector` shows, read in its closed root. */
export async function readFirefoxTagRow(page: Page, itemSelector: string): Promise<TagRowReading | null> {
  const row = await tagRowHandle(page, itemSelector);
  if (!row) return null;
  const node = await row.evaluate((element) => {
    const serialise = (node: Node): RowNode => ({
      nodeType: node.nodeType,
      localName: node instanceof Element ? node.localName : '',
      nodeValue: node.nodeValue ?? '',
      attributes: node instanceof Element ? [...node.attributes].flatMap((attribute) => [attribute.name, attribute.value]) : undefined,
      children: [...node.childNodes].map(serialise),
    });
    return serialise(element);
  });
  return tagRowReading(node);
}

/** Waits until the item's row satisfies `until` (by default: the row is drawn). */
export function waitForFirefoxTagRow(
  page: Page,
  itemSelector: string,
  until: (row: TagRowReading) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<TagRowReading> {
  return pollTagRow(() => readFirefoxTagRow(page, itemSelector), itemSelector, until, timeoutMs);
}

/** Clicks the item's button for `action` with the real mouse (puppeteer scrolls it into view first). */
export async function clickFirefoxTagButton(page: Page, itemSelector: string, action: string): Promise<void> {
  const row = await tagRowHandle(page, itemSelector);
  const button = row && (await row.$(`button[data-action="${action}"]:not([disabled])`));
  if (!button) throw new Error(`No enabled "${action}" button in the tag row of ${itemSelector}`);
  await button.click();
}
