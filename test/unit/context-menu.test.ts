import { describe, expect, it, vi } from 'vitest';
import { captureTab, PAGE_CAPTURE_FILE } from '@/lib/annotate/capture-tab';
import { nextPageMark } from '@/lib/annotate/page-mark';
import {
  contextMenuBuilder,
  contextMenuEntries,
  markFromMenu,
  menuMarkTitle,
  parseMenuItemId,
  type MenuApi,
  type MenuClickDeps,
  type MenuEntry,
} from '@/lib/background/context-menu';
import type { UiLocale } from '@/lib/i18n';
import type { ItemState, PageCapture } from '@/lib/messaging';
import type { MarkSentiment } from '@/lib/schema';

const marked = (sentiment: MarkSentiment, recommends = false): ItemState => ({
  canonicalUrl: 'https://reviews.example/acme',
  suggested: { label: 'neutral', score: 0, recommends: false },
  mark: { sentiment, recommends, at: 1, suggestedAtMark: null },
  flags: { clientSite: false, linksToClient: false, mentionsClient: true },
});

describe('the next page mark', () => {
  it('sets a sentiment, and in the popup a second click clears it; the menu only sets', () => {
    expect(nextPageMark(null, 'negative', 'toggle')).toEqual({ sentiment: 'negative', recommends: false });
    expect(nextPageMark(marked('negative', true), 'negative', 'toggle')).toEqual({ sentiment: null, recommends: true });
    expect(nextPageMark(marked('negative'), 'negative', 'set')).toEqual({ sentiment: 'negative', recommends: false });
    expect(nextPageMark(marked('negative'), 'positive', 'toggle')).toEqual({ sentiment: 'positive', recommends: false });
  });

  it('flips "recommends" and keeps the sentiment', () => {
    expect(nextPageMark(marked('positive'), 'recommends', 'set')).toEqual({ sentiment: 'positive', recommends: true });
    expect(nextPageMark(marked('positive', true), 'recommends', 'toggle')).toEqual({ sentiment: 'positive', recommends: false });
  });
});

const CAPTURE: PageCapture = {
  url: 'https://reviews.example/acme',
  title: 'Acme reviews',
  passage: 'Acme is a scam',
  text: 'Acme is a scam. Other reviews.',
  linkedUrls: [],
  kindHint: 'review-site',
};

describe('tab capture', () => {
  it('injects the capture script and holds its answer to the protocol’s bounds', async () => {
    const executeScript = vi.fn(async () => [{ result: CAPTURE }]);
    expect(await captureTab(executeScript, 7)).toEqual(CAPTURE);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [PAGE_CAPTURE_FILE] });
    await expect(captureTab(async () => [{ result: { url: 'x', title: 42 } }], 7)).rejects.toThrow(/could not be read/);
    await expect(captureTab(async () => [], 7)).rejects.toThrow(/could not be read/);
  });
});

describe('context menu', () => {
  it('offers the five marks for the page and for a selection, on web pages', () => {
    const entries = contextMenuEntries('en');
    const children = entries.filter((entry) => entry.parentId);
    expect(children.slice(0, 5).map((entry) => entry.title)).toEqual(['positive', 'neutral', 'negative', 'irrelevant', 'recommends']);
    expect(children.map((entry) => parseMenuItemId(entry.id))).toHaveLength(10);
    expect(entries.filter((entry) => !entry.parentId).map((entry) => entry.title)).toEqual([
      'Reputation Lens: mark this page as …',
      'Reputation Lens: mark the selection as …',
    ]);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    expect(entries.every((entry) => entry.documentUrlPatterns.join() === 'https://*/*,http://*/*')).toBe(true);
    expect(parseMenuItemId('rl-mark:page')).toBeNull();
    expect(parseMenuItemId('rl-mark:page:delete')).toBeNull();
    expect(parseMenuItemId('other-extension:page:positive')).toBeNull();
  });

  it('speaks the interface language: titles and the marks’ own words', () => {
    const titles = (locale: UiLocale) => contextMenuEntries(locale).map((entry) => entry.title);
    expect(titles('ru')).toEqual([
      'Reputation Lens: отметить эту страницу как …',
      'позитив',
      'нейтрально',
      'негатив',
      'не по теме',
      'рекомендует',
      'Reputation Lens: отметить выделенный текст как …',
      'позитив',
      'нейтрально',
      'негатив',
      'не по теме',
      'рекомендует',
    ]);
    expect(titles('bg').slice(0, 6)).toEqual([
      'Reputation Lens: отбележи тази страница като …',
      'позитивно',
      'неутрално',
      'негативно',
      'извън темата',
      'препоръчва',
    ]);
    // The same items whatever the language: a click is read by its id.
    expect(contextMenuEntries('bg').map((entry) => entry.id)).toEqual(contextMenuEntries('en').map((entry) => entry.id));
  });

  it('is built again, whole, in the language of the moment, one build after another', async () => {
    const shown: MenuEntry[] = [];
    const menus: MenuApi = {
      removeAll: vi.fn(async () => {
        await Promise.resolve();
        shown.length = 0;
      }),
      create: vi.fn((entry: MenuEntry) => {
        if (shown.some((other) => other.id === entry.id)) throw new Error(`duplicate id ${entry.id}`);
        shown.push(entry);
      }),
    };
    let locale: UiLocale = 'en';
    const build = contextMenuBuilder(menus, async () => locale);
    void build();
    locale = 'ru';
    await build();
    expect(menus.removeAll).toHaveBeenCalledTimes(2);
    expect(shown).toHaveLength(12);
    expect(shown[0]!.title).toBe('Reputation Lens: отметить эту страницу как …');
    locale = 'bg';
    await build();
    expect(shown.map((entry) => entry.title)).toEqual(contextMenuEntries('bg').map((entry) => entry.title));
  });

  it('titles the toolbar button with the outcome of a mark', () => {
    expect(menuMarkTitle('en', null)).toBe('Reputation Lens: marked');
    expect(menuMarkTitle('bg', 'Няма място.')).toBe('Reputation Lens: не е отбелязано. Няма място.');
  });

  function deps(current: ItemState | null) {
    const dispatch = vi.fn<MenuClickDeps['dispatch']>(async (type) =>
      type === 'pageMention.get' ? { ok: true, data: { item: current } } : { ok: true, data: {} },
    );
    return { capture: vi.fn(async () => CAPTURE), dispatch };
  }

  it('marks the whole page through the page-mention handler, from its current mark', async () => {
    const tools = deps(marked('positive'));
    await markFromMenu({ menuItemId: 'rl-mark:page:recommends' }, { id: 3 }, tools);
    expect(tools.capture).toHaveBeenCalledWith(3);
    expect(tools.dispatch).toHaveBeenCalledWith('pageMention.get', { url: CAPTURE.url });
    expect(tools.dispatch).toHaveBeenLastCalledWith('pageMention.set', {
      capture: { ...CAPTURE, passage: null },
      sentiment: 'positive',
      recommends: true,
    });
  });

  it('marks a selection as a passage of its own', async () => {
    const tools = deps(marked('positive', true));
    await markFromMenu({ menuItemId: 'rl-mark:selection:negative', selectionText: 'ignored' }, { id: 3 }, tools);
    expect(tools.dispatch).toHaveBeenCalledTimes(1);
    expect(tools.dispatch).toHaveBeenCalledWith('pageMention.set', { capture: CAPTURE, sentiment: 'negative', recommends: false });
  });

  it('ignores items that are not ours and clicks without a tab', async () => {
    const tools = deps(null);
    expect(await markFromMenu({ menuItemId: 'something-else' }, { id: 3 }, tools)).toBeNull();
    expect(await markFromMenu({ menuItemId: 'rl-mark:page:positive' }, undefined, tools)).toBeNull();
    expect(tools.capture).not.toHaveBeenCalled();
  });
});
