import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { followStoredSetting } from '../settings/extension-storage';

/**
 * A browser.storage.local setting as this page shows it: null until read, then the stored value as `parse` reads
 * it, following changes made elsewhere (a shortcut, another popup, a content script). The setter shows a value at
 * once; writing it is the caller's.
 */
export function useStoredSetting<T>(key: string, parse: (stored: unknown) => T): [T | null, (shown: T) => void] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    void browser.storage.local.get(key).then((stored) => setValue(parse(stored[key])));
    return followStoredSetting(browser.storage.onChanged, key, (stored) => setValue(parse(stored)));
  }, [key]);
  return [value, setValue];
}
