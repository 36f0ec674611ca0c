// The test Chromium shared by the e2e tests and the benchmarks: the system Chromium, headless, over a pipe,
// every page served at its real URL from memory through request interception, every other request aborted
// and recorded, and the extension's service worker watched through CDP (its traffic never passes a page's
// interception). It can also start without the extension: the baseline the benchmarks measure against.
import { existsSync } from 'node:fs';
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

export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
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

