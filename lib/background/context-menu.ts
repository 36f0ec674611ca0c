import { nextPageMark, PAGE_MARK_ACTIONS, type PageMarkAction } from '../annotate/page-mark';
import { translator, type UiLocale } from '../i18n';
import { MARK_MESSAGES, MARK_WORDS } from '../i18n/marks';
import { MENU_MESSAGES, type MenuMessageKey } from '../i18n/menu';
import type { PageCapture, Reply, RequestOf, RequestType } from '../messaging/protocol';
import { ItemStateSchema } from '../messaging/protocol';

type MenuTarget = 'page' | 'selection';

export interface MenuEntry {
  id: string;
  parentId?: string;
  title: string;
  contexts: MenuTarget[];
  documentUrlPatterns: string[];
}

const ID_PREFIX = 'rl-mark';
const WEB_PAGES = ['https://*/*', 'http://*/*'];
const TARGET_TITLES: Record<MenuTarget, MenuMessageKey> = {
  page: 'menuMarkPage',
  selection: 'menuMarkSelection',
};

/** "Mark this page as …" and "Mark the selection as …", each with the five marks under it, in the given language. */
export function contextMenuEntries(locale: UiLocale): MenuEntry[] {
  const t = translator(MENU_MESSAGES, locale);
  const mark = translator(MARK_MESSAGES, locale);
  return (Object.keys(TARGET_TITLES) as MenuTarget[]).flatMap((target) => {
    const parentId = `${ID_PREFIX}:${target}`;
    const common = { contexts: [target], documentUrlPatterns: WEB_PAGES };
    return [
      { id: parentId, title: t(TARGET_TITLES[target]), ...common },
      ...PAGE_MARK_ACTIONS.map((action) => ({ id: `${parentId}:${action}`, parentId, title: mark(MARK_WORDS[action]), ...common })),
    ];
  });
}

/** The part of browser.contextMenus the menu is built with (tests pass a fake). */
export interface MenuApi {
  removeAll(): Promise<void>;
  create(entry: MenuEntry): unknown;
}

/**
 * What (re)builds the menu in the interface language of the moment: at install, at the browser's start (its
 * language may have changed) and when the user chooses another language. Menus outlive the service worker, so
 * each build replaces the one there; builds run one after another, so two never create the same item twice.
 */
export function contextMenuBuilder(menus: MenuApi, localeOf: () => Promise<UiLocale>): () => Promise<void> {
  let building = Promise.resolve();
  return () => {
    building = building
      .then(async () => {
        const entries = contextMenuEntries(await localeOf());
        await menus.removeAll();
        for (const entry of entries) menus.create(entry);
      })
      .catch((error: unknown) => console.error('Context menu:', error));
    return building;
  };
}

/** The toolbar button's title once a mark from the menu is answered; `reason` is the background's error, already in the language. */
export function menuMarkTitle(locale: UiLocale, reason: string | null): string {
  const t = translator(MENU_MESSAGES, locale);
  return reason === null ? t('menuMarked') : t('menuNotMarked', { reason });
}

export function parseMenuItemId(id: string | number): { target: MenuTarget; action: PageMarkAction } | null {
  const [prefix, target, action] = String(id).split(':');
  if (prefix !== ID_PREFIX || (target !== 'page' && target !== 'selection')) return null;
  const known = PAGE_MARK_ACTIONS.find((candidate) => candidate === action);
  return known ? { target, action: known } : null;
}

export interface MenuClickDeps {
  /** Reads the tab with the capture script (the menu click granted activeTab). */
  capture: (tabId: number) => Promise<PageCapture>;
  /** The background's own handlers, called as one of the extension's pages. */
  dispatch: <T extends RequestType>(type: T, payload: RequestOf<T>) => Promise<Reply>;
}

/**
 * A context-menu mark goes through the same `pageMention.set` handler as the popup's. The page's current
 * mark is the starting point (a sentiment is set, not toggled: a menu shows no state); a selected passage
 * is a mention of its own.
 */
export async function markFromMenu(
  click: { menuItemId: string | number; selectionText?: string },
  tab: { id?: number } | undefined,
  deps: MenuClickDeps,
): Promise<Reply | null> {
  const item = parseMenuItemId(click.menuItemId);
  if (!item || tab?.id === undefined) return null;
  const capture = await deps.capture(tab.id);
  const passage = item.target === 'selection' ? (capture.passage ?? click.selectionText?.trim() ?? null) : null;
  const current = passage === null ? await currentPageMark(capture.url, deps) : null;
  const mark = nextPageMark(current, item.action, 'set');
  return deps.dispatch('pageMention.set', { capture: { ...capture, passage }, ...mark });
}

async function currentPageMark(url: string, deps: MenuClickDeps) {
  const reply = await deps.dispatch('pageMention.get', { url });
  if (!reply.ok) return null;
  const parsed = ItemStateSchema.nullable().safeParse((reply.data as { item?: unknown }).item);
  return parsed.success ? parsed.data : null;
}
