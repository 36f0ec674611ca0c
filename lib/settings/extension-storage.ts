/**
 * browser.storage.local as the extension's code sees it: the user's settings (language, keyboard marking, quiet mode)
 * and the background's own small records (audit decisions, marks the database had no room for), apart from
 * IndexedDB and its quota. Callers pass the browser's area; tests pass an in-memory one. No browser globals here:
 * the content scripts bundle this file. (A parameter of these types is never named `storage`: WXT would take the
 * name for its own storage helper and bundle it into the content scripts.)
 */
export interface ExtensionStorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The value stored under `key`, undefined when there is none. */
export async function storedValue(area: Pick<ExtensionStorageArea, 'get'>, key: string): Promise<unknown> {
  return (await area.get(key))[key];
}

/** The browser's storage.onChanged event, as far as following one setting needs it. */
export interface StorageChangeEvents {
  addListener(listener: StorageChangeListener): void;
  removeListener(listener: StorageChangeListener): void;
}
type StorageChangeListener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => void;

/**
 * Calls `onChange` with each new value of one browser.storage.local setting (undefined once removed), whoever changed
 * it: the popup, a shortcut, another tab. Returns the function that stops following it.
 */
export function followStoredSetting(events: StorageChangeEvents, key: string, onChange: (value: unknown) => void): () => void {
  const listener: StorageChangeListener = (changes, areaName) => {
    if (areaName === 'local' && key in changes) onChange(changes[key]!.newValue);
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
