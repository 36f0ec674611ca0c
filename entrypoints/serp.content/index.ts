import { annotatePage } from '@/lib/annotate/content-script';
import { extractSearchPage, searchEngineMatchPatterns } from '@/lib/sites/engine/search-engines';

export default defineContentScript({
  matches: searchEngineMatchPatterns(),
  runAt: 'document_idle',
  // No context from WXT: its start-up message and event would tell the page the extension is there
  // (lib/annotate/inert-script-context.ts).
  async main() {
    await annotatePage('serp', { extract: extractSearchPage, takesOverrides: true });
  },
});
