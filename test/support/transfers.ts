import { FileTransfers, type TransferStorage } from '@/lib/backup/transfer';

/** CacheStorage as far as FileTransfers uses it, in memory: Node has none. */
export function memoryCacheStorage(): TransferStorage {
  const caches = new Map<string, Map<string, Blob>>();
  const urlOf = (request: RequestInfo | URL) => (request instanceof Request ? request.url : String(request));
  return {
    async open(name) {
      const entries = caches.get(name) ?? new Map<string, Blob>();
      caches.set(name, entries);
      return {
        put: async (request, response) => void entries.set(urlOf(request), await response.blob()),
        match: async (request) => {
          const body = entries.get(urlOf(request));
          return body && new Response(body);
        },
        delete: async (request) => entries.delete(urlOf(request)),
        keys: async () => [...entries.keys()].map((url) => new Request(url)),
      };
    },
  };
}

/** The background's file transfers over an in-memory cache. */
export const memoryTransfers = (now?: () => number) => new FileTransfers(memoryCacheStorage(), now);
