import browser, { type Runtime } from 'webextension-polyfill';
import { senderContext, type ExtensionIdentity } from '@/lib/background/sender';
import { createHandlers } from '@/lib/background/service';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { LIVE_PORT, dispatchMessage } from '@/lib/messaging';
import { findSite } from '@/lib/sites';

export default defineBackground(() => {
  const self: ExtensionIdentity = {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/'),
    isSupportedPage: (url) => findSite(url) !== undefined,
  };
  const contextOf = (sender: Runtime.MessageSender) => senderContext(sender, self);

  const livePorts = new Set<Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LIVE_PORT || !port.sender || contextOf(port.sender)?.origin !== 'extension-page') {
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
    const context = contextOf(sender);
    if (!context) return Promise.resolve({ ok: false, error: 'Sender not allowed' });
    return handlers.then((ready) => dispatchMessage(message, context, ready));
  });
});
