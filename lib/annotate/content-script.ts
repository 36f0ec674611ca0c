import { browser } from 'wxt/browser';
import tagCss from '@/assets/tags.css?inline';
import { storedUiLocale, type UiLocale } from '../i18n';
import { send, type Transport } from '../messaging/send';
import type { SiteOverrides } from '../sites/overrides';
import type { KnownItems, PageExtract } from '../sites/types';
import { PageAnnotator } from './controller';
import { takeOverPage } from './script-lifetime';
import { shadowTagRowViews } from './shadow-view';

/**
 * How a content script reads its pages. Each script brings its own, so it bundles only its own sites.
 * The user's selector overrides are fetched from the background only for an extractor that takes them.
 */
export type PageExtractor =
  | { extract: (doc: Document, url: string, known: KnownItems) => PageExtract | null; takesOverrides: false }
  | { extract: (doc: Document, url: string, overrides: SiteOverrides | undefined, known: KnownItems) => PageExtract | null; takesOverrides: true };

/**
 * The whole life of a content script on a page, shared by the search and the forum scripts: the
 * annotator wired to the background, items added later picked up by its observer, in-page navigation
 * rescanned, everything removed when a newer instance of the script takes over (reinjection, update).
 * Nothing of it is visible to the page but the item attributes and the rows of the page-DOM contract.
 */
export async function annotatePage(scriptName: string, reader: PageExtractor): Promise<void> {
  const lifetime = takeOverPage(scriptName);
  // The browser's own promise-based runtime (`browser` in Firefox, `chrome` in Chrome), not the
  // polyfill: sending messages is all a content script does with it, and the polyfill's code would be
  // compiled on every page load.
  const transport: Transport = (message) => browser.runtime.sendMessage(message);
  const [extract, locale] = await Promise.all([extractorWithOverrides(reader, transport), interfaceLanguage()]);
  // A newer instance (the script injected again) may have taken over while the answer was on its way.
  if (!lifetime.isInCharge()) return;
  const annotator = new PageAnnotator(window.document, {
    extract,
    createView: shadowTagRowViews(tagCss, undefined, () => locale),
    isInCharge: () => lifetime.isInCharge(),
    locale,
    backend: {
      observe: (page, items) => send(transport, 'page.observe', { page, items }),
      mark: async (page, item, sentiment, recommends, seen) =>
        (await send(transport, 'mark.set', { page, item, sentiment, recommends, projectId: seen.projectId, seenMarkAt: seen.markAt })).item,
      openDashboard: () => void send(transport, 'dashboard.open', {}),
      reportStatus: (status) => void send(transport, 'page.status', status).catch(() => undefined),
    },
  });
  annotator.start();
  watchLocation(() => annotator.scheduleScan(), lifetime.signal);
  lifetime.signal.addEventListener('abort', () => annotator.stop(), { once: true });
}

/** The language the user chose in the dashboard, else the browser's (read once, beside the first request). */
function interfaceLanguage(): Promise<UiLocale> {
  return storedUiLocale(browser.storage.local, navigator.languages);
}

/**
 * Calls `onChange` on in-page navigation (single-page sites such as search engines, Discourse and new
 * Reddit change the URL without a load): through the Navigation API where the browser has it, else by
 * looking at the URL once a second. Only listening: the page is told nothing.
 */
function watchLocation(onChange: () => void, signal: AbortSignal): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigate', onChange, { signal });
    return;
  }
  let last = location.href;
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

async function extractorWithOverrides(
  reader: PageExtractor,
  transport: Transport,
): Promise<(doc: Document, url: string, known: KnownItems) => PageExtract | null> {
  if (!reader.takesOverrides) {
    // The first scan in a task of its own, not in the one the browser evaluates the script in: the two together
    // made one long task on a big thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return reader.extract;
  }
  // Selector overrides the user pasted in the dashboard (validated there) win over the built-in ones.
  const overrides = await send(transport, 'overrides.get', {})
    .then((answer) => answer.overrides as SiteOverrides)
    .catch(() => undefined);
  return (doc, url, known) => reader.extract(doc, url, overrides, known);
}
