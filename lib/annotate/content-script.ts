import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import tagCss from '@/assets/tags.css?inline';
import { send, type Transport } from '../messaging/send';
import type { SiteOverrides } from '../sites/overrides';
import type { PageExtract } from '../sites/types';
import { PageAnnotator } from './controller';
import { shadowTagRowViews } from './shadow-view';

/**
 * How a content script reads its pages. Each script brings its own, so it bundles only its own sites.
 * The user's selector overrides are fetched from the background only for an extractor that takes them.
 */
export type PageExtractor =
  | { extract: (doc: Document, url: string) => PageExtract | null; takesOverrides: false }
  | { extract: (doc: Document, url: string, overrides: SiteOverrides | undefined) => PageExtract | null; takesOverrides: true };

/**
 * The whole life of a content script on a page, shared by the search and the forum scripts: the
 * annotator wired to the background, items added later picked up by its observer, in-page navigation
 * rescanned, everything removed when the script is invalidated (update, reinjection).
 */
export async function annotatePage(ctx: ContentScriptContext, reader: PageExtractor): Promise<void> {
  // The browser's own promise-based runtime (`browser` in Firefox, `chrome` in Chrome), not the
  // polyfill: sending messages is all a content script does with it, and the polyfill's code would be
  // compiled on every page load.
  const transport: Transport = (message) => browser.runtime.sendMessage(message);
  const extract = await extractorWithOverrides(reader, transport);
  // A newer instance (the script injected again) may have taken over while the answer was on its way.
  if (ctx.isInvalid) return;
  const annotator = new PageAnnotator(window.document, {
    extract,
    createView: shadowTagRowViews(tagCss),
    backend: {
      observe: (page, items) => send(transport, 'page.observe', { page, items }),
      mark: async (page, item, sentiment, recommends) =>
        (await send(transport, 'mark.set', { page, item, sentiment, recommends })).item,
      openDashboard: () => void send(transport, 'dashboard.open', {}),
      reportStatus: (status) => void send(transport, 'page.status', status).catch(() => undefined),
    },
  });
  annotator.start();
  // Single-page sites (search engines, Discourse, new Reddit) change the page without a load. The event
  // fires before the new URL is in place, so the scan waits for the next frame.
  ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());
  ctx.onInvalidated(() => annotator.stop());
}

async function extractorWithOverrides(reader: PageExtractor, transport: Transport): Promise<(doc: Document, url: string) => PageExtract | null> {
  if (!reader.takesOverrides) return reader.extract;
  // Selector overrides the user pasted in the dashboard (validated there) win over the built-in ones.
  const overrides = await send(transport, 'overrides.get', {})
    .then((answer) => answer.overrides as SiteOverrides)
    .catch(() => undefined);
  return (doc, url) => reader.extract(doc, url, overrides);
}
