import { z } from 'zod';

/**
 * Files cross between the dashboard and the background through CacheStorage, not inside extension messages:
 * both are the extension's origin and share its caches, so a 60 MB backup is handed over as one stored
 * body (no JSON encoding of the text, no 64 MB message limit) and only its id travels in a message.
 * Each entry is read once and deleted; one left behind (a closed dashboard, a stopped worker) is dropped
 * when a later transfer starts.
 */
export const TRANSFER_CACHE = 'rl-transfer';

/** Cache keys must be http(s) URLs (Chromium refuses the chrome-extension scheme); this host is never fetched. */
const KEY_PREFIX = 'https://transfer.reputation-lens.invalid/';

/** Long enough for any import or download to be read; only then is an entry considered left behind. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** `<when it was made>-<random uuid>`: the time lets stale entries be found from their keys alone. */
export const TransferIdSchema = z.string().regex(/^\d{1,15}-[0-9a-f-]{36}$/);
export const newTransferId = (madeAt: number) => `${madeAt}-${crypto.randomUUID()}`;
export const transferKey = (id: string) => `${KEY_PREFIX}${id}`;
const madeAtOf = (key: string) => Number(key.slice(KEY_PREFIX.length).split('-')[0]);

/** The part of CacheStorage a transfer uses (tests pass an in-memory one: Node has no CacheStorage). */
export interface TransferStorage {
  open(name: string): Promise<Pick<Cache, 'put' | 'match' | 'delete' | 'keys'>>;
}

export class FileTransfers {
  constructor(
    private readonly storage: TransferStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a file for the other side and returns the id to send it by. */
  async put(body: Blob | string, type: string): Promise<string> {
    const cache = await this.storage.open(TRANSFER_CACHE);
    const madeAt = this.now();
    for (const request of await cache.keys()) if (madeAt - madeAtOf(request.url) > STALE_AFTER_MS) await cache.delete(request);
    const id = newTransferId(madeAt);
    await cache.put(transferKey(id), new Response(body, { headers: { 'content-type': type } }));
    return id;
  }

  /** The file, once (its entry is deleted after its body is read); null when there is none. */
  async take(id: string): Promise<Blob | null> {
    const cache = await this.storage.open(TRANSFER_CACHE);
    const response = await cache.match(transferKey(id));
    if (!response) return null;
    const file = await response.blob();
    await cache.delete(transferKey(id));
    return file;
  }
}
