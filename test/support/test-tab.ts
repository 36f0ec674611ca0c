// A new tab as both test browsers (Chromium and Firefox) prepare it: pages are served from memory at their real URLs,
// the extension's own files and inert URLs load as usual, and every other request is aborted and recorded, so a
// test can say what would have gone to the network.
import type { Browser, Page } from 'puppeteer';

export interface BlockedRequest {
  url: string;
  fromExtension: boolean;
}

/** A new tab, not navigated yet, whose requests for `pages` (URL -> body) are answered and the rest aborted into `blocked`. */
export async function openTestTab(
  browser: Browser,
  pages: ReadonlyMap<string, string | Buffer>,
  blocked: BlockedRequest[],
  isExtensionUrl: (url: string | undefined) => boolean,
): Promise<Page> {
  const page = await browser.newPage();
  // tsx compiles the benchmarks with esbuild's keepNames, which wraps functions passed to page.evaluate in calls to
  // a `__name` helper that only exists in Node; every tab gets an identity stand-in.
  await page.evaluateOnNewDocument('globalThis.__name = (fn) => fn;');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (isExtensionUrl(url) || url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
      return;
    }
    const body = pages.get(url);
    if (body !== undefined) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      return;
    }
    blocked.push({ url, fromExtension: isExtensionUrl(request.frame()?.url()) || isExtensionUrl(page.url()) });
    void request.abort('blockedbyclient');
  });
  return page;
}
