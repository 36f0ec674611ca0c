import type { ExtensionStorageArea } from '@/lib/settings/extension-storage';

/** browser.storage.local or .session in memory, values cloned on the way in and out as the browser's are. */
export function memoryStorageArea(): ExtensionStorageArea & { remove(key: string): Promise<void> } {
  const stored = new Map<string, unknown>();
  return {
    get: async (key) => (stored.has(key) ? { [key]: structuredClone(stored.get(key)) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) stored.set(key, structuredClone(value));
    },
    remove: async (key) => void stored.delete(key),
  };
}
