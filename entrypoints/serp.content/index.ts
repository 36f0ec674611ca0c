import browser from 'webextension-polyfill';
import tagCss from '@/assets/tags.css?inline';
import { PageAnnotator } from '@/lib/annotate/controller';
import { shadowTagRowViews } from '@/lib/annotate/shadow-view';
import { request } from '@/lib/messaging';
import { extractPage, searchEngineMatchPatterns } from '@/lib/sites';

const send = (message: unknown) => browser.runtime.sendMessage(message);

export default defineContentScript({
  matches: searchEngineMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const annotator = new PageAnnotator(document, {
      extract: (doc, url) => extractPage(doc, url),
      createView: shadowTagRowViews(tagCss),
      backend: {
        observe: (page, items) => request(send, 'page.observe', { page, items }),
        mark: async (page, item, sentiment, recommends) =>
          (await request(send, 'mark.set', { page, item, sentiment, recommends })).item,
        openDashboard: () => void request(send, 'dashboard.open', {}),
      },
    });
    annotator.start();
    // Single-page engines change the query without a load: rescan on history navigation too.
    ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scan());
    ctx.onInvalidated(() => annotator.stop());
  },
});
