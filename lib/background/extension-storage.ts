/**
 * The part of browser.storage.local the background keeps its own small records in (audit decisions, marks the
 * database had no room for): apart from IndexedDB and its quota. Tests pass an in-memory one.
 */
export interface ExtensionStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
