import * as z from 'zod/mini';

/**
 * Quiet mode: the user's choice to hide the tag rows (and the no-project notice) on some sites or everywhere.
 * Kept in browser.storage.local under QUIET_MODE_KEY, written by the popup, the keyboard command and the notice,
 * followed live by every content script. Only what is shown changes: marks, observations and KPIs do not.
 *
 * Parsed with zod's small build: the content scripts read it at every page load, and the full zod would add more
 * to them than everything else they carry.
 */
export const QUIET_MODE_KEY = 'quietMode';

/** The manifest command (a global shortcut) that hides or shows the tags on the active tab's site. */
export const TOGGLE_SITE_TAGS_COMMAND = 'toggle-site-tags';

/** More sites than anyone hides by hand; keeps a corrupted or hostile value from growing without end. */
const MAX_QUIET_SITES = 1000;
/** The longest DNS name. */
const MAX_HOST_LENGTH = 253;

const QuietModeSchema = z.object({
  everywhere: z.boolean(),
  /** Host names as the page's URL gives them (`www.google.com`): one site is one host. */
  sites: z.array(z.string().check(z.maxLength(MAX_HOST_LENGTH))).check(z.maxLength(MAX_QUIET_SITES)),
});

export type QuietMode = z.infer<typeof QuietModeSchema>;

/** Tags shown everywhere: the default, and what a value that does not parse stands for. */
export const TAGS_SHOWN: QuietMode = { everywhere: false, sites: [] };

/** The stored value as a quiet mode; anything else (nothing stored yet, an older or damaged value) hides nothing. */
export function quietModeOf(stored: unknown): QuietMode {
  const parsed = QuietModeSchema.safeParse(stored);
  return parsed.success ? parsed.data : TAGS_SHOWN;
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

/** The site a page belongs to for quiet mode: its host name; null for what is not a web page. */
export function siteOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

/** The part of browser.storage.local quiet mode is kept in (content scripts, the popup and the background pass theirs). */
export interface QuietModeStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readQuietMode(storage: QuietModeStorage): Promise<QuietMode> {
  return quietModeOf((await storage.get(QUIET_MODE_KEY))[QUIET_MODE_KEY]);
}

/** Reads, changes and writes the setting; every open page follows through storage.onChanged. */
export async function changeQuietMode(storage: QuietModeStorage, change: (mode: QuietMode) => QuietMode): Promise<QuietMode> {
  const next = change(await readQuietMode(storage));
  await storage.set({ [QUIET_MODE_KEY]: next });
  return next;
}

/**
 * Hides the site's tags when they are shown there, shows them when hidden (the keyboard command). Tags hidden
 * everywhere are shown by it too: there is no showing one site alone, and a key that seemed to do nothing would
 * be worse than tags back on the other sites.
 */
export function toggleSiteQuiet(storage: QuietModeStorage, host: string): Promise<QuietMode> {
  return changeQuietMode(storage, (mode) =>
    hidesTagsOn(mode, host) ? withEverywhereHidden(withSiteHidden(mode, host, false), false) : withSiteHidden(mode, host, true),
  );
}
