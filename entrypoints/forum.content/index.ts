import { annotatePage } from '@/lib/annotate/content-script';
import { extractForumPage } from '@/lib/sites/forum/forum-engines';

/**
 * Forum posts on the sites the user audited. Never in the manifest: the background registers it per
 * granted origin (lib/background/site-access.ts) and the popup injects it once right after the grant.
 * Injected again into the same page, the new instance takes over from the earlier one, whose rows are
 * removed first (lib/annotate/script-lifetime.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // No context from WXT: its start-up message and event would tell the page the extension is there
  // (lib/annotate/inert-script-context.ts).
  async main() {
    // Search engine origins are never audited, and the user's selector overrides are for search engines only.
    await annotatePage('forum', { extract: (doc, url, known) => extractForumPage(doc, url, { known }), takesOverrides: false });
  },
});
