import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer';

export const EXTENSION_DIR = path.resolve(__dirname, '../../.output/chrome-mv3');

/** The system Chromium; puppeteer's own download is only a fallback where one was possible. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

/** A page served at its real URL from a local file. */
export interface Route {
  url: string;
  file: string;
}

export interface Harness {
  browser: Browser;
  extensionId: string;
  /** Requests that were not fixture routes: aborted, and kept here for the assertions. */
  blocked: { url: string; fromExtension: boolean }[];
  /** Extension service workers whose network traffic is being recorded (so "no requests" is not vacuous). */
  watchedWorkers: Set<string>;
  open(url: string): Promise<Page>;
  extensionPage(file: 'popup.html' | 'options.html'): Promise<Page>;
  close(): Promise<void>;
}

function isExtensionUrl(url: string | undefined): boolean {
  return Boolean(url?.startsWith('chrome-extension://'));
}

export async function launchWithExtension(routes: readonly Route[]): Promise<Harness> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "wxt build" first (npm run test:e2e does).`);
  }
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const blocked: Harness['blocked'] = [];
  const watchedWorkers = new Set<string>();
  const bodies = new Map(routes.map((route) => [route.url, readFileSync(route.file)]));

  // The service worker's own traffic is watched through CDP: it never goes through a page's interception.
  const watchWorker = async (target: Target) => {
    if (target.type() !== 'service_worker' || !isExtensionUrl(target.url()) || watchedWorkers.has(target.url())) return;
    watchedWorkers.add(target.url());
    const session = await target.createCDPSession();
    session.on('Network.requestWillBeSent', (event) => blocked.push({ url: event.request.url, fromExtension: true }));
    await session.send('Network.enable');
  };
  browser.on('targetcreated', (target: Target) => void watchWorker(target).catch(() => undefined));

  const extensionId = await browser.installExtension(EXTENSION_DIR);
  for (const target of browser.targets()) await watchWorker(target).catch(() => undefined);

  const intercept = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url === 'about:blank') {
        void request.continue();
        return;
      }
      const body = bodies.get(url);
      if (body) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
        return;
      }
      blocked.push({ url, fromExtension: isExtensionUrl(request.frame()?.url()) || isExtensionUrl(page.url()) });
      void request.abort('blockedbyclient');
    });
  };

  return {
    browser,
    extensionId,
    blocked,
    watchedWorkers,
    async open(url) {
      const page = await browser.newPage();
      await intercept(page);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async extensionPage(file) {
      const page = await browser.newPage();
      await intercept(page);
      await page.goto(`chrome-extension://${extensionId}/${file}`, { waitUntil: 'load' });
      return page;
    },
    close: () => browser.close(),
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
  return path.resolve(__dirname, '../fixtures/e2e', name);
}
