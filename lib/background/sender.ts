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
  /** True for page URLs our content scripts may run on (supported sites). */
  isSupportedPage: (url: string) => boolean;
}

/**
 * Who may talk to the background: our own pages, and content scripts on the sites we support. Anything else
 * (another extension, a page we do not run on) gets null and is refused before any handler runs.
 */
export function senderContext(sender: MessageSenderLike, self: ExtensionIdentity): SenderContext | null {
  if (sender.id !== self.id) return null;
  // The dashboard runs in a tab too, so the page's origin, not the presence of a tab, tells our pages apart.
  if (sender.url?.startsWith(self.origin)) return { origin: 'extension-page' };
  const pageUrl = sender.url ?? sender.tab?.url;
  if (sender.tab && pageUrl && self.isSupportedPage(pageUrl)) return { origin: 'content-script' };
  return null;
}
