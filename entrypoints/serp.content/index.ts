import browser from 'webextension-polyfill';
import tagCss from '@/assets/tags.css?inline';
import { PageAnnotator } from '@/lib/annotate/controller';
import { shadowTagRowViews } from '@/lib/annotate/shadow-view';
import { send } from '@/lib/messaging/send';
import { extractPage, searchEngineMatchPatterns } from '@/lib/sites';
import type { SiteOverrides } from '@/lib/sites/overrides';

const transport = (message: unknown) => browser.runtime.sendMessage(message);

export default defineContentScript({
  matches: searchEngineMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    // Selector overrides the user pasted in the dashboard (validated there) win over the built-in ones.
    const overrides = await send(transport, 'overrides.get', {})
      .then((answer) => answer.overrides as SiteOverrides)
      .catch(() => undefined);
    const annotator = new PageAnnotator(document, {
      extract: (doc, url) => extractPage(doc, url, { overrides }),
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
    // Single-page engines change the query without a load. The event fires before the new URL is in
    // place, so the scan waits for the next frame.
    ctx.addEventListener(window, 'wxt:locationchange', () => annotator.scheduleScan());
    ctx.onInvalidated(() => annotator.stop());
  },
});
