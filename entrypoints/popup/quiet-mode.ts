import { useCallback } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { QUIET_MODE_KEY, changeQuietMode, quietModeOf, withEverywhereHidden, withSiteHidden, type QuietMode } from '@/lib/annotate/quiet-mode';
import { useStoredSetting } from '@/lib/ui/stored-setting';

/** Quiet mode as stored, followed while the popup is open (the shortcut may change it), and its two switches. */
export function useQuietMode(): {
  mode: QuietMode | null;
  hideOnSite: (site: string, hidden: boolean) => void;
  hideEverywhere: (hidden: boolean) => void;
} {
  const [mode, setMode] = useStoredSetting(QUIET_MODE_KEY, quietModeOf);
  const change = (next: (current: QuietMode) => QuietMode) => void changeQuietMode(browser.storage.local, next).then(setMode);
  const hideOnSite = useCallback((site: string, hidden: boolean) => change((current) => withSiteHidden(current, site, hidden)), []);
  const hideEverywhere = useCallback((hidden: boolean) => change((current) => withEverywhereHidden(current, hidden)), []);
  return { mode, hideOnSite, hideEverywhere };
}
