import { annotatePage } from '@/lib/annotate/content-script';
import { extractForumPage } from '@/lib/sites/forum/forum-engines';

/**
 * Forum posts on the sites the user audited. Never in the manifest: the background registers it per
 * granted origin (lib/background/site-access.ts) and the popup injects it once right after the grant.
 * Injected again into the same page, WXT invalidates the earlier instance, whose rows are removed first.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    // Search engine origins are never audited, and the user's selector overrides are for search engines only.
    await annotatePage(ctx, { extract: (doc, url) => extractForumPage(doc, url), takesOverrides: false });
  },
});
