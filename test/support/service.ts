import { createHandlers, type SenderContext, type ServiceHooks, type SiteAccess } from '@/lib/background/service';
import { openLensDatabase, type LensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import { dispatchMessage, type RequestOf, type RequestType, type ResponseOf } from '@/lib/messaging';
import { memoryTransfers } from './transfers';

export const EXTENSION_PAGE: SenderContext = { origin: 'extension-page' };
export const CONTENT_SCRIPT: SenderContext = { origin: 'content-script' };

/** No audited sites: for tests that never grant one. */
export const NO_SITE_ACCESS: SiteAccess = { audited: async () => [], register: async () => undefined, revoke: async () => undefined };

export interface TestService {
  db: LensDatabase;
  repository: LensRepository;
  /** Dispatches a request the way the background does (zod on the way in and out); an error answer throws. */
  call<T extends RequestType>(type: T, payload: RequestOf<T>, context?: SenderContext): Promise<ResponseOf<T>>;
}

let databaseCount = 0;

/** The background's handlers over a fresh database (fake-indexeddb), with the hooks a test gives. */
export async function testService(hooks: Partial<ServiceHooks> = {}): Promise<TestService> {
  const db = await openLensDatabase(`test-service-${databaseCount++}`);
  const repository = new LensRepository(db, normalizeQuery);
  const handlers = createHandlers(repository, {
    onDataChanged: () => undefined,
    openDashboard: async () => undefined,
    siteAccess: NO_SITE_ACCESS,
    transfers: memoryTransfers(),
    ...hooks,
  });
  return {
    db,
    repository,
    async call(type, payload, context = EXTENSION_PAGE) {
      const reply = await dispatchMessage({ type, payload }, context, handlers);
      if (!reply.ok) throw new Error(reply.error);
      return reply.data as never;
    },
  };
}
