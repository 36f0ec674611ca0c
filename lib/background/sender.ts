import { LocalizedError, problem } from '../i18n/problems';
import { FORUM_ENGINES, findSite } from '../sites';
import { searchQueryOf } from '../sites/engine/search-engines';
import { GENERIC_FINDER } from '../sites/forum/engine-label';
import type { Page } from './drafts';

/** A content script's page as the browser reports it, never as a payload says. */
export type SenderPage =
  /** A search engine's results page: its site is the engine that owns the URL. */
  | { kind: 'serp'; url: string; site: string }
  /** A page of a site the user audited: which forum engine it runs is known only from its markup. */
  | { kind: 'forum'; url: string };

export interface ContentScriptSender {
  origin: 'content-script';
  page: SenderPage;
  /** The sending tab and frame: one frame's observations are coalesced (lib/background/observations.ts). */
  frameKey: string;
  /** A private (incognito) window: nothing of it is stored unless the user allowed it. */
  incognito: boolean;
}

/** Who sent a message, as far as the background can tell; checked before any handler runs. */
export type SenderContext = { origin: 'extension-page' } | ContentScriptSender;

/** The parts of a runtime.MessageSender the check needs (kept structural so it is testable without a browser). */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; incognito?: boolean };
}

export interface ExtensionIdentity {
  id: string;
  /** The extension's own origin, e.g. chrome-extension://<id>/ */
  origin: string;
  /** The id of the search engine whose results page this is (static host permissions), else undefined. */
  searchEngineOf: (url: string) => string | undefined;
  /** True for pages on an origin the user granted ("Audit this site"); asked of the browser each time. */
  isGrantedPage: (url: string) => Promise<boolean>;
}

/**
 * Who may talk to the background: our own pages, and content scripts on supported search engines or on
 * sites the user granted. Only the browser's own view of the sender counts, never the payload: a content
 * script's page is the frame's URL (the tab's when the browser gives no frame URL). Anything else (another
 * extension, a page we do not run on) gets null and is refused before any handler runs.
 */
export async function senderContext(sender: MessageSenderLike, self: ExtensionIdentity): Promise<SenderContext | null> {
  if (sender.id !== self.id) return null;
  // The dashboard runs in a tab too, so the page's origin, not the presence of a tab, tells our pages apart.
  if (sender.url?.startsWith(self.origin)) return { origin: 'extension-page' };
  const url = sender.url ?? sender.tab?.url;
  const tabId = sender.tab?.id;
  if (tabId === undefined || !url) return null;
  const frame = { frameKey: `${tabId}:${sender.frameId ?? 0}`, incognito: sender.tab?.incognito === true };
  const site = self.searchEngineOf(url);
  if (site !== undefined) return { origin: 'content-script', page: { kind: 'serp', url, site }, ...frame };
  if (await self.isGrantedPage(url)) return { origin: 'content-script', page: { kind: 'forum', url }, ...frame };
  return null;
}

/** A URL without its fragment: going to an anchor on a page (a post's permalink) stays on that page. */
export function pageAddressOf(url: string): string {
  const fragment = url.indexOf('#');
  return fragment === -1 ? url : url.slice(0, fragment);
}

/** Forum engine ids become keys of stored data (portals, statuses, the KPI breakdown): only known ones are taken. */
const FORUM_ENGINE_IDS: ReadonlySet<string> = new Set([...FORUM_ENGINES.map((engine) => engine.id), GENERIC_FINDER]);

type ClaimedPage = Pick<Page, 'url' | 'site'> & Partial<Pick<Page, 'kind' | 'query' | 'firstRank'>>;

/** The origin of a URL, or null when it is none. */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** A request describing another page than the one it came from: which field of `page` gave it away. */
const notTheSendersPage = (field: 'url' | 'kind' | 'site') =>
  new LocalizedError(problem('atPlace', { place: `page.${field}`, problem: problem('notThisPage') }));

/**
 * The page a content script's request is about, from the background's own view of the sender: the sender's page
 * and the site and kind it is. The browser reports the URL the frame was loaded at and does not follow in-page
 * navigation (history.pushState, as search engines do for a new query), so the request's URL is taken when it is
 * on the same origin (the only change a page can make without loading another) and, on a search engine, belongs
 * to the same engine; anything else is refused, as are another kind, another search engine, or a forum engine
 * nobody knows. A search page's query is the one its URL states, when it states one (a page served from a POST
 * states it only in its markup).
 */
export function senderPage(claimed: ClaimedPage, sender: ContentScriptSender): Page {
  const { page } = sender;
  const samePage = pageAddressOf(claimed.url) === pageAddressOf(page.url);
  const navigatedInPage = originOf(claimed.url) === originOf(page.url) && (page.kind !== 'serp' || findSite(claimed.url)?.id === page.site);
  if (!samePage && !navigatedInPage) throw notTheSendersPage('url');
  const url = samePage ? page.url : claimed.url;
  if (claimed.kind !== undefined && claimed.kind !== page.kind) throw notTheSendersPage('kind');
  if (page.kind === 'serp') {
    if (claimed.site !== page.site) throw notTheSendersPage('site');
    return { url, site: page.site, kind: 'serp', query: searchQueryOf(url) ?? claimed.query, firstRank: claimed.firstRank };
  }
  if (!FORUM_ENGINE_IDS.has(claimed.site)) throw new LocalizedError(problem('atPlace', { place: 'page.site', problem: problem('invalid') }));
  return { url, site: claimed.site, kind: 'forum', firstRank: claimed.firstRank };
}
