import { nextPageMark, PAGE_MARK_ACTIONS, type PageMarkAction } from '../annotate/page-mark';
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
const TARGET_TITLES: Record<MenuTarget, string> = {
  page: 'Reputation Lens: mark this page as …',
  selection: 'Reputation Lens: mark the selection as …',
};

/** "Mark this page as …" and "Mark the selection as …", each with the five marks under it. */
export function contextMenuEntries(): MenuEntry[] {
  return (Object.keys(TARGET_TITLES) as MenuTarget[]).flatMap((target) => {
    const parentId = `${ID_PREFIX}:${target}`;
    const common = { contexts: [target], documentUrlPatterns: WEB_PAGES };
    return [
      { id: parentId, title: TARGET_TITLES[target], ...common },
      ...PAGE_MARK_ACTIONS.map((action) => ({ id: `${parentId}:${action}`, parentId, title: action, ...common })),
    ];
  });
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
