import { browser } from 'wxt/browser';
import tagCss from '@/assets/tags.css?inline';
import { LOCALE_PREFERENCE_KEY, uiLocaleOf, type UiLocale } from '../i18n';
import { send, type Transport } from '../messaging/send';
import type { SiteOverrides } from '../sites/overrides';
import { followStoredSetting } from '../settings/extension-storage';
import type { KnownItems, PageExtract } from '../sites/types';
import { PageAnnotator, type AnnotationBackend } from './controller';
import { KeyboardMarking } from './keyboard-controller';
import { KEYBOARD_MARKING_KEY, isKeyboardMarkingOn } from './keyboard-marking';
import { shadowPageNotices } from './page-notice';
import { QUIET_MODE_KEY, changeQuietMode, hidesTagsOn, quietModeOf, withSiteHidden, type QuietMode } from './quiet-mode';
import { takeOverPage } from './script-lifetime';
import { shadowTagRowViews } from './shadow-view';

/**
 * How a content script reads its pages. Each script brings its own, so it bundles only its own sites.
 * The user's selector overrides are fetched from the background only for an extractor that takes them.
 */
export type PageExtractor =
  | { extract: (doc: Document, url: string, known: KnownItems) => PageExtract | null; takesOverrides: false }
  | { extract: (doc: Document, url: string, overrides: SiteOverrides | undefined, known: KnownItems) => PageExtract | null; takesOverrides: true };

/**
 * The whole life of a content script on a page, shared by the search and the forum scripts: the
 * annotator wired to the background, items added later picked up by its observer, in-page navigation
 * rescanned, everything removed when a newer instance of the script takes over (reinjection, update).
 * Nothing of it is visible to the page but the item attributes and the rows of the page-DOM contract.
 */
export async function annotatePage(scriptName: string, reader: PageExtractor): Promise<void> {
  const lifetime = takeOverPage(scriptName);
  // The browser's own promise-based runtime (`browser` in Firefox, `chrome` in Chrome), not the
  // polyfill: sending messages is all a content script does with it, and the polyfill's code would be
  // compiled on every page load.
  const transport: Transport = (message) => browser.runtime.sendMessage(message);
  const [extract, { locale, keyboardMarking, quiet }] = await Promise.all([extractorWithOverrides(reader, transport), storedPreferences()]);
  // A newer instance (the script injected again) may have taken over while the answer was on its way.
  if (!lifetime.isInCharge()) return;
  const site = location.hostname;
  const backend: AnnotationBackend = {
    observe: (page, items) => send(transport, 'page.observe', { page, items }),
    mark: async (page, item, sentiment, recommends, seen) =>
      (await send(transport, 'mark.set', { page, item, sentiment, recommends, projectId: seen.projectId, seenMarkAt: seen.markAt })).item,
    openDashboard: () => void send(transport, 'dashboard.open', {}),
    reportStatus: (status) => void send(transport, 'page.status', status).catch(() => undefined),
  };
  const annotator = new PageAnnotator(window.document, {
    extract,
    createView: shadowTagRowViews(tagCss, undefined, () => locale),
    isInCharge: () => lifetime.isInCharge(),
    locale,
    backend,
    notice: {
      create: shadowPageNotices(tagCss, undefined, () => locale),
      hideOnSite: () => void changeQuietMode(browser.storage.local, (mode) => withSiteHidden(mode, site, true)),
    },
  });
  annotator.setHidden(hidesTagsOn(quiet, site));
  annotator.start();
  const keyboard = new KeyboardMarking(window, { rows: () => annotator.markableRows(), enabled: keyboardMarking });
  keyboard.start(lifetime.signal);
  followSetting(KEYBOARD_MARKING_KEY, (value) => keyboard.setEnabled(isKeyboardMarkingOn(value)), lifetime.signal);
  watchLocation(() => annotator.scheduleScan(), lifetime.signal);
  followSetting(QUIET_MODE_KEY, (value) => annotator.setHidden(hidesTagsOn(quietModeOf(value), site)), lifetime.signal);
  // Back from the dashboard the notice opened, a project may be active: the page asks again (the browser's own
  // event only, so the page cannot make us send its items over and over).
  document.addEventListener('visibilitychange', (event) => event.isTrusted && !document.hidden && annotator.recheckProject(), {
    signal: lifetime.signal,
  });
  lifetime.signal.addEventListener('abort', () => annotator.stop(), { once: true });
}

/**
 * Read once, together, beside the first request: the language the user chose in the dashboard (else the browser's),
 * whether keyboard marking is on, and quiet mode.
 */
async function storedPreferences(): Promise<{ locale: UiLocale; keyboardMarking: boolean; quiet: QuietMode }> {
  const stored = await browser.storage.local
    .get([LOCALE_PREFERENCE_KEY, KEYBOARD_MARKING_KEY, QUIET_MODE_KEY])
    .catch(() => ({}) as Record<string, unknown>);
  return {
    locale: uiLocaleOf(stored[LOCALE_PREFERENCE_KEY], navigator.languages),
    keyboardMarking: isKeyboardMarkingOn(stored[KEYBOARD_MARKING_KEY]),
    quiet: quietModeOf(stored[QUIET_MODE_KEY]),
  };
}

/** Follows a browser.storage.local setting for as long as this instance of the script runs. */
function followSetting(key: string, onChange: (value: unknown) => void, signal: AbortSignal): void {
  signal.addEventListener('abort', followStoredSetting(browser.storage.onChanged, key, onChange), { once: true });
}

/**
 * Calls `onChange` on in-page navigation (single-page sites such as search engines, Discourse and new
 * Reddit change the URL without a load): through the Navigation API where the browser has it, else by
 * looking at the URL once a second. Only listening: the page is told nothing.
 */
function watchLocation(onChange: () => void, signal: AbortSignal): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigate', onChange, { signal });
    return;
  }
  let last = location.href;
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

async function extractorWithOverrides(
  reader: PageExtractor,
  transport: Transport,
): Promise<(doc: Document, url: string, known: KnownItems) => PageExtract | null> {
  if (!reader.takesOverrides) {
    // The first scan in a task of its own, not in the one the browser evaluates the script in: the two together
    // made one long task on a big thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return reader.extract;
  }
  // Selector overrides the user pasted in the dashboard (validated there) win over the built-in ones.
  const overrides = await send(transport, 'overrides.get', {})
    .then((answer) => answer.overrides as SiteOverrides)
    .catch(() => undefined);
  return (doc, url, known) => reader.extract(doc, url, overrides, known);
}
