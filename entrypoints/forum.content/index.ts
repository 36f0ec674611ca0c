import browser from 'webextension-polyfill';
import tagCss from '@/assets/tags.css?inline';
import { annotatePage } from '@/lib/annotate/content-script';
import { extractForumPage } from '@/lib/sites/forum/forum-engines';
import { DOM_QUERIES } from '@/lib/sites/forum/page-index';

/**
 * Forum posts on the sites the user audited. Never in the manifest: the background registers it per
 * granted origin (lib/background/site-access.ts) and the popup injects it once right after the grant.
 * Injected again into the same page, WXT invalidates the earlier instance, whose rows are removed first.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    await annotatePage({
      ctx,
      window,
      transport: (message) => browser.runtime.sendMessage(message),
      tagCss,
      // Search engine origins are never audited, and the user's selector overrides are for search engines only.
      // The browser's own selector engine answers the queries faster than indexing the page in script.
      reader: { extract: (doc, url) => extractForumPage(doc, url, { queries: DOM_QUERIES }), takesOverrides: false },
    });
  },
});
