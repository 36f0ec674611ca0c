import browser from 'webextension-polyfill';
import tagCss from '@/assets/tags.css?inline';
import { annotatePage } from '@/lib/annotate/content-script';
import { searchEngineMatchPatterns } from '@/lib/sites';

export default defineContentScript({
  matches: searchEngineMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    await annotatePage({ ctx, window, transport: (message) => browser.runtime.sendMessage(message), tagCss });
  },
});
