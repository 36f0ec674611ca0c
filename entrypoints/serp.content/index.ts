import { annotatePage } from '@/lib/annotate/content-script';
import { extractSearchPage, searchEngineMatchPatterns } from '@/lib/sites/engine/search-engines';

export default defineContentScript({
  matches: searchEngineMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    await annotatePage(ctx, { extract: extractSearchPage, takesOverrides: true });
  },
});
