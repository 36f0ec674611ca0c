import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { changeQuietMode, changedQuietMode, readQuietMode, withEverywhereHidden, withSiteHidden, type QuietMode } from '@/lib/annotate/quiet-mode';

/** Quiet mode as stored, followed while the popup is open (the shortcut may change it), and its two switches. */
export function useQuietMode(): {
  mode: QuietMode | null;
  hideOnSite: (site: string, hidden: boolean) => void;
  hideEverywhere: (hidden: boolean) => void;
} {
  const [mode, setMode] = useState<QuietMode | null>(null);
  useEffect(() => {
    const storage = browser.storage.local;
    void readQuietMode(storage).then(setMode);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const changed = changedQuietMode(changes, area);
      if (changed) setMode(changed);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  const change = (next: (current: QuietMode) => QuietMode) => void changeQuietMode(browser.storage.local, next).then(setMode);
  const hideOnSite = useCallback((site: string, hidden: boolean) => change((current) => withSiteHidden(current, site, hidden)), []);
  const hideEverywhere = useCallback((hidden: boolean) => change((current) => withEverywhereHidden(current, hidden)), []);
  return { mode, hideOnSite, hideEverywhere };
}
