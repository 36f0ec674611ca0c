import type { SenderContext } from './service';

/** The parts of a runtime.MessageSender the check needs (kept structural so it is testable without a browser). */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export interface ExtensionIdentity {
  id: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  origin: string;
  /** True for pages the search content script runs on (static host permissions). */
  isSupportedPage: (url: string) => boolean;
  /** True for pages on an origin the user granted ("Audit this site"); asked of the browser each time. */
  isGrantedPage: (url: string) => Promise<boolean>;
}

/**
 * Who may talk to the background: our own pages, and content scripts on supported search engines or on
 * sites the user granted. Only the browser's own view of the sender counts, never the payload. Anything
 * else (another extension, a page we do not run on) gets null and is refused before any handler runs.
 */
export async function senderContext(sender: MessageSenderLike, self: ExtensionIdentity): Promise<SenderContext | null> {
  if (sender.id !== self.id) return null;
  // The dashboard runs in a tab too, so the page's origin, not the presence of a tab, tells our pages apart.
  if (sender.url?.startsWith(self.origin)) return { origin: 'extension-page' };
  const pageUrl = sender.url ?? sender.tab?.url;
  if (!sender.tab || !pageUrl) return null;
  if (self.isSupportedPage(pageUrl) || (await self.isGrantedPage(pageUrl))) return { origin: 'content-script' };
  return null;
}
