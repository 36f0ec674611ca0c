import type { ContentScriptSender, SenderContext, SenderPage } from '@/lib/background/sender';
import { PendingMarks } from '@/lib/background/pending-marks';
import { createHandlers, type ServiceHooks, type SiteAccess } from '@/lib/background/service';
import { openLensDatabase, type LensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { dispatchMessage, type RequestOf, type RequestType, type ResponseOf } from '@/lib/messaging';
import { findSite } from '@/lib/sites';
import { memoryStorageArea } from './extension-storage';
import { memoryTransfers } from './transfers';

export const EXTENSION_PAGE: SenderContext = { origin: 'extension-page' };

let frameCount = 0;

/**
 * A content script on `url` as the sender check (lib/background/sender.ts) lets it through: on a search engine's
 * page when one owns the URL, else on an audited site. Each gets a frame of its own unless the test names one.
 */
export function contentScriptOn(url: string, frameKey = `test-frame-${frameCount++}`, incognito = false): ContentScriptSender {
  const engine = findSite(url);
  return { origin: 'content-script', page: engine ? { kind: 'serp', url, site: engine.id } : { kind: 'forum', url }, frameKey, incognito };
}

/**
 * Stands for a content script on the page the request names (its `page`, or page.status's url and site), the
 * browser having confirmed that page is the site the request says: for tests of what the background does with a
 * page, not of who may send what (those build their sender with `contentScriptOn`).
 */
export const CONTENT_SCRIPT = Symbol('a content script on the page the request names');

/** A page as requests name it. */
interface NamedPage {
  url?: unknown;
  site?: unknown;
  kind?: unknown;
}

/**
 * The sender a test means: CONTENT_SCRIPT made concrete from the request's page (a search page's when the request
 * names none, as the reads a content script may not send do), any other as given.
 */
export function senderOf(sender: SenderContext | typeof CONTENT_SCRIPT, payload: unknown): SenderContext {
  if (sender !== CONTENT_SCRIPT) return sender;
  const named: NamedPage = (payload as { page?: NamedPage }).page ?? (payload as NamedPage);
  if (typeof named.url !== 'string' || typeof named.site !== 'string') return contentScriptOn('https://www.google.com/search?q=test');
  const isSearchPage = named.kind === undefined ? findSite(named.url) !== undefined : named.kind === 'serp';
  const page: SenderPage = isSearchPage ? { kind: 'serp', url: named.url, site: named.site } : { kind: 'forum', url: named.url };
  return { ...contentScriptOn(named.url), page };
}

/** No audited sites: for tests that never grant one. */
export const NO_SITE_ACCESS: SiteAccess = { audited: async () => [], register: async () => undefined, revoke: async () => undefined };

export interface TestService {
  db: LensDatabase;
  repository: LensRepository;
  /** Dispatches a request the way the background does (zod on the way in and out); an error answer throws. */
  call<T extends RequestType>(type: T, payload: RequestOf<T>, sender?: SenderContext | typeof CONTENT_SCRIPT): Promise<ResponseOf<T>>;
}

let databaseCount = 0;

/** The background's handlers over a fresh database (fake-indexeddb) or the one given, with the hooks a test gives. */
export async function testService(hooks: Partial<ServiceHooks> = {}, over?: LensDatabase): Promise<TestService> {
  const db = over ?? (await openLensDatabase(`test-service-${databaseCount++}`));
  const repository = new LensRepository(db, normalizeQuery);
  const handlers = createHandlers(repository, {
    onDataChanged: () => undefined,
    openDashboard: async () => undefined,
    siteAccess: NO_SITE_ACCESS,
    transfers: memoryTransfers(),
    pendingMarks: new PendingMarks(memoryStorageArea()),
    ...hooks,
  });
  return {
    db,
    repository,
    async call(type, payload, sender = EXTENSION_PAGE) {
      const reply = await dispatchMessage({ type, payload }, senderOf(sender, payload), handlers, hooks.locale);
      if (!reply.ok) throw new Error(reply.error);
      return reply.data as never;
    },
  };
}
