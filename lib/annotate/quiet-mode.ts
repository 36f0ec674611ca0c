import { storedValue, type ExtensionStorageArea } from '../settings/extension-storage';

/**
 * Quiet mode: the user's choice to hide the tag rows (and the no-project notice) on some sites or everywhere.
 * Kept in browser.storage.local under QUIET_MODE_KEY, written by the popup, the keyboard command and the notice,
 * followed live by every content script. Only what is shown changes: marks, observations and KPIs do not.
 */
export const QUIET_MODE_KEY = 'quietMode';

/** The manifest command (a global shortcut) that hides or shows the tags on the active tab's site. */
export const TOGGLE_SITE_TAGS_COMMAND = 'toggle-site-tags';

/** More sites than anyone hides by hand; keeps a corrupted or hostile value from growing without end. */
const MAX_QUIET_SITES = 1000;
/** The longest DNS name. */
const MAX_HOST_LENGTH = 253;

export interface QuietMode {
  everywhere: boolean;
  /** Host names as the page's URL gives them (`www.google.com`): one site is one host. */
  sites: string[];
}

/** Tags shown everywhere: the default, and what a value that does not parse stands for. */
export const TAGS_SHOWN: QuietMode = { everywhere: false, sites: [] };

/**
 * The stored value as a quiet mode; anything else (nothing stored yet, an older or damaged value) hides nothing.
 * Checked by hand, not with zod as the other stored records are: the content scripts read it on every page, and
 * even zod's small build would add about 5 kB gzipped to each (a third of the search script).
 */
export function quietModeOf(stored: unknown): QuietMode {
  if (typeof stored !== 'object' || stored === null) return TAGS_SHOWN;
  const { everywhere, sites } = stored as Partial<Record<keyof QuietMode, unknown>>;
  const valid =
    typeof everywhere === 'boolean' &&
    Array.isArray(sites) &&
    sites.length <= MAX_QUIET_SITES &&
    sites.every((site) => typeof site === 'string' && site.length <= MAX_HOST_LENGTH);
  return valid ? { everywhere, sites: sites as string[] } : TAGS_SHOWN;
}

export function hidesTagsOn(mode: QuietMode, host: string): boolean {
  return mode.everywhere || mode.sites.includes(host);
}

export function withSiteHidden(mode: QuietMode, host: string, hidden: boolean): QuietMode {
  const others = mode.sites.filter((site) => site !== host);
  return { ...mode, sites: hidden ? [...others, host].slice(-MAX_QUIET_SITES) : others };
}

export function withEverywhereHidden(mode: QuietMode, hidden: boolean): QuietMode {
  return { ...mode, everywhere: hidden };
}

export async function readQuietMode(area: ExtensionStorageArea): Promise<QuietMode> {
  return quietModeOf(await storedValue(area, QUIET_MODE_KEY));
}

/** Reads, changes and writes the setting; every open page follows through storage.onChanged. */
export async function changeQuietMode(area: ExtensionStorageArea, change: (mode: QuietMode) => QuietMode): Promise<QuietMode> {
  const next = change(await readQuietMode(area));
  await area.set({ [QUIET_MODE_KEY]: next });
  return next;
}

/**
 * Hides the site's tags when they are shown there, shows them when hidden (the keyboard command). Tags hidden
 * everywhere are shown by it too: there is no showing one site alone, and a key that seemed to do nothing would
 * be worse than tags back on the other sites.
 */
export function toggleSiteQuiet(area: ExtensionStorageArea, host: string): Promise<QuietMode> {
  return changeQuietMode(area, (mode) =>
    hidesTagsOn(mode, host) ? withEverywhereHidden(withSiteHidden(mode, host, false), false) : withSiteHidden(mode, host, true),
  );
}
