import browser from 'webextension-polyfill';
import tagCss from '@/assets/tags.css?inline';
import { annotatePage } from '@/lib/annotate/content-script';
import { extractSearchPage, searchEngineMatchPatterns } from '@/lib/sites/engine/search-engines';

export default defineContentScript({
  matches: searchEngineMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    await annotatePage({
      ctx,
      window,
      transport: (message) => browser.runtime.sendMessage(message),
      tagCss,
      reader: { extract: extractSearchPage, takesOverrides: true },
    });
  },
});
