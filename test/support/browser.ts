// The test Chromium shared by the e2e tests and the benchmarks: the system Chromium, headless, over a pipe,
// every page served at its real URL from memory through request interception, every other request aborted
// and recorded, and the extension's service worker watched through CDP (its traffic never passes a page's
// interception). It can also start without the extension: the baseline the benchmarks measure against.
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer';

export interface BlockedRequest {
  url: string;
  fromExtension: boolean;
}

export interface TestBrowser {
  browser: Browser;
  /** Null for the baseline browser that runs without the extension. */
  extensionId: string | null;
  /** Every request that was not a served page: aborted (no network), and kept for the report. */
  blocked: BlockedRequest[];
  /** Extension service workers whose traffic is recorded (so "no requests" is never vacuous). */
  watchedWorkers: ReadonlySet<string>;
  /** A tab with interception on, not navigated yet (so tracing can start before the navigation). */
  newTab(): Promise<Page>;
  extensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const NO_BROWSER_MESSAGE =
  'No Chromium found: install one (apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary';

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((directory) => path.join(directory, name))
    .find((candidate) => existsSync(candidate));
}

/** Puppeteer's own cache (~/.cache/puppeteer): empty unless someone ran `npx puppeteer browsers install`. */
function puppeteerCachedBrowser(): string | undefined {
  try {
    const cached = puppeteer.executablePath();
    return existsSync(cached) ? cached : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The browser the tests drive: PUPPETEER_EXECUTABLE_PATH when set, else a system Chrome/Chromium on the PATH,
 * else one in puppeteer's cache. Throws one line that says how to get a browser when there is none.
 */
export function chromiumExecutable(): string {
  const configured = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PUPPETEER_EXECUTABLE_PATH is ${configured}, which does not exist. ${NO_BROWSER_MESSAGE}`);
    return configured;
  }
  const found = SYSTEM_BROWSER_NAMES.map(onPath).find(Boolean) ?? puppeteerCachedBrowser();
  if (!found) throw new Error(NO_BROWSER_MESSAGE);
  return found;
}

const isExtensionUrl = (url: string | undefined): boolean => Boolean(url?.startsWith('chrome-extension://'));

/** Launches Chromium serving `pages` (URL -> HTML) at their real URLs, with the extension in `extensionDir` if given. */
export async function launchTestBrowser(options: {
  pages: ReadonlyMap<string, string | Buffer>;
  extensionDir?: string;
}): Promise<TestBrowser> {
  const browser = await puppeteer.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    pipe: true,
    enableExtensions: options.extensionDir !== undefined,
    args: LAUNCH_ARGS,
  });
  const blocked: BlockedRequest[] = [];

  // The service worker's own traffic never passes a page's interception, so CDP records it.
  const watched = new Set<string>();
  const watchWorker = async (target: Target) => {
    if (target.type() !== 'service_worker' || !isExtensionUrl(target.url()) || watched.has(target.url())) return;
    watched.add(target.url());
    const session = await target.createCDPSession();
    session.on('Network.requestWillBeSent', (event) => blocked.push({ url: event.request.url, fromExtension: true }));
    await session.send('Network.enable');
  };
  browser.on('targetcreated', (target: Target) => void watchWorker(target).catch(() => undefined));
  const extensionId = options.extensionDir ? await browser.installExtension(options.extensionDir) : null;
  for (const target of browser.targets()) await watchWorker(target).catch(() => undefined);

  const newTab = async () => {
    const page = await browser.newPage();
    // tsx compiles this file with esbuild's keepNames, which wraps functions passed to page.evaluate in calls to
    // a `__name` helper that only exists in Node; every tab gets an identity stand-in (same in both browsers).
    await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (isExtensionUrl(url) || url.startsWith('data:') || url === 'about:blank') {
        void request.continue();
        return;
      }
      const body = options.pages.get(url);
      if (body !== undefined) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
        return;
      }
      blocked.push({ url, fromExtension: isExtensionUrl(request.frame()?.url()) || isExtensionUrl(page.url()) });
      void request.abort('blockedbyclient');
    });
    return page;
  };

  return {
    browser,
    extensionId,
    blocked,
    watchedWorkers: watched,
    newTab,
    async extensionPage(file) {
      if (!extensionId) throw new Error('This browser runs without the extension');
      const page = await newTab();
      await page.goto(`chrome-extension://${extensionId}/${file}`, { waitUntil: 'load' });
      return page;
    },
    close: () => browser.close(),
  };
}


/**
 * Allows the extension on `origin` the way a user does on chrome://extensions (site access), through that page's
 * private API: the browser's permission prompt cannot be clicked headless, and once the origin is allowed there,
 * the extension's own `permissions.request` for it resolves at once without a prompt.
 */
export async function allowSiteAccess(testBrowser: TestBrowser, origin: string): Promise<void> {
  if (!testBrowser.extensionId) throw new Error('This browser runs without the extension');
  const settings = await testBrowser.browser.newPage();
  try {
    await settings.goto('chrome://extensions/', { waitUntil: 'load' });
    await settings.evaluate(
      (extensionId, pattern) =>
        (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome
          .developerPrivate.addHostPermission(extensionId, pattern),
      testBrowser.extensionId,
      `${origin}/*`,
    );
  } finally {
    await settings.close();
  }
}

/**
 * "Audit this site" without the popup (the benchmark has no tab to open it for): allows the origin, then, in an
 * extension page and within a real click, requests the permission and sends `sites.audit` as the popup does.
 */
export async function auditSite(testBrowser: TestBrowser, origin: string): Promise<void> {
  await allowSiteAccess(testBrowser, origin);
  const page = await testBrowser.extensionPage('manifest.json');
  try {
    await page.evaluate((siteOrigin) => {
      const chrome = (globalThis as unknown as {
        chrome: { permissions: { request(request: { origins: string[] }): Promise<boolean> }; runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } };
      }).chrome;
      const button = document.createElement('button');
      button.id = 'rl-audit';
      button.textContent = 'audit';
      button.addEventListener('click', () => {
        void chrome.permissions
          .request({ origins: [`${siteOrigin}/*`] })
          .then((granted) => (granted ? chrome.runtime.sendMessage({ type: 'sites.audit', payload: { origin: siteOrigin } }) : { ok: false, error: 'not granted' }))
          .then((reply) => button.setAttribute('data-result', reply.ok ? 'ok' : String(reply.error)), (error: unknown) => button.setAttribute('data-result', String(error)));
      });
      document.body.append(button);
    }, origin);
    await page.click('#rl-audit');
    const result = await page.waitForSelector('#rl-audit[data-result]').then((button) => button!.evaluate((element) => element.getAttribute('data-result')));
    if (result !== 'ok') throw new Error(`Auditing ${origin} failed: ${result}`);
  } finally {
    await page.close();
  }
}
