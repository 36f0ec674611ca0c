import browser, { type Runtime } from 'webextension-polyfill';
import { createHandlers, type SenderContext } from '@/lib/background/service';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { LIVE_PORT, dispatchMessage } from '@/lib/messaging';
import { findSite } from '@/lib/sites';

/** Who may talk to the background: our own pages, and content scripts on the sites we support. */
function senderContext(sender: Runtime.MessageSender): SenderContext | null {
  if (sender.id !== browser.runtime.id) return null;
  const extensionOrigin = browser.runtime.getURL('');
  // The dashboard runs in a tab too, so the page's origin, not the presence of a tab, tells our pages apart.
  if (sender.url?.startsWith(extensionOrigin)) return { origin: 'extension-page' };
  const pageUrl = sender.url ?? sender.tab?.url;
  if (sender.tab && pageUrl && findSite(pageUrl)) return { origin: 'content-script' };
  return null;
}

export default defineBackground(() => {
  const livePorts = new Set<Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT || !port.sender || senderContext(port.sender)?.origin !== 'extension-page') {
      port.disconnect();
      return;
    }
    livePorts.add(port);
    port.onDisconnect.addListener(() => livePorts.delete(port));
  });
  const announceChange = (projectId: string) => {
    for (const port of livePorts) port.postMessage({ type: 'changed', projectId });
  };

  // Opened lazily and reopened after the service worker restarts: no state lives only in memory.
  const handlers = openLensDatabase().then((db) =>
    createHandlers(new LensRepository(db, normalizeQuery), {
      onDataChanged: announceChange,
      openDashboard: () => browser.runtime.openOptionsPage(),
    }),
  );

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const context = senderContext(sender);
    if (!context) return Promise.resolve({ ok: false, error: 'Sender not allowed' });
    return handlers.then((ready) => dispatchMessage(message, context, ready));
  });
});
