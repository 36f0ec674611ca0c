// The bench's Chromium: the same launch as the e2e harness (system Chromium, headless, pipe, request
// interception), with two differences the measurements need: it can start WITHOUT the extension (the baseline
// the added main-thread time is measured against), and it serves pages generated in memory rather than files.
// test/e2e/harness.ts cannot be imported here: it reads `__dirname`, which does not exist when tsx runs this
// package's .ts files as ES modules.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer';

export interface BlockedRequest {
  url: string;
  fromExtension: boolean;
}

export interface BenchBrowser {
  browser: Browser;
  /** Null for the baseline browser that runs without the extension. */
  extensionId: string | null;
  /** Every request that was not a served page: aborted (no network), and kept for the report. */
  blocked: BlockedRequest[];
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
export async function launchBenchBrowser(options: { pages: ReadonlyMap<string, string>; extensionDir?: string }): Promise<BenchBrowser> {
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

/** The background's reply envelope (lib/messaging). */
export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/**
 * Sends protocol messages to the background from one of the extension's pages, `inFlight` at a time, and
 * returns the replies in order with the wall time the whole batch took (measured inside the page).
 */
export async function sendFromExtensionPage(
  page: Page,
  messages: readonly { type: string; payload: unknown }[],
  inFlight = 1,
): Promise<{ replies: Reply[]; elapsedMs: number }> {
  return page.evaluate(
    async (batch, parallel) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome
        .runtime;
      const replies: unknown[] = new Array(batch.length);
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < batch.length) {
          const index = next++;
          replies[index] = await runtime.sendMessage(batch[index]);
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, batch.length) }, worker));
      return { replies: replies as never, elapsedMs: performance.now() - started };
    },
    messages as { type: string; payload: unknown }[],
    inFlight,
  );
}

/** Throws with the first refusal: a benchmark over refused writes would measure nothing. */
export function expectAllOk(replies: readonly Reply[], what: string): void {
  const refused = replies.find((reply) => !reply.ok);
  if (refused && !refused.ok) throw new Error(`${what}: the background refused a message: ${refused.error}`);
}
