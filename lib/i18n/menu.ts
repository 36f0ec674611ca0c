import type { Catalogs } from '.';

/**
 * The background's own words: the context menu (its items under these titles are the marks' words,
 * lib/i18n/marks.ts) and the toolbar button's title after a mark made from it.
 */
const en = {
  menuMarkPage: 'Reputation Lens: mark this page as …',
  menuMarkSelection: 'Reputation Lens: mark the selection as …',
  menuMarked: 'Reputation Lens: marked',
  menuNotMarked: 'Reputation Lens: not marked. {reason}',
};

export type MenuMessageKey = keyof typeof en;

export const MENU_MESSAGES: Catalogs<MenuMessageKey> = {
  en,
  ru: {
    menuMarkPage: 'Reputation Lens: отметить эту страницу как …',
    menuMarkSelection: 'Reputation Lens: отметить выделенный текст как …',
    menuMarked: 'Reputation Lens: отмечено',
    menuNotMarked: 'Reputation Lens: не отмечено. {reason}',
  },
  bg: {
    menuMarkPage: 'Reputation Lens: отбележи тази страница като …',
    menuMarkSelection: 'Reputation Lens: отбележи избрания текст като …',
    menuMarked: 'Reputation Lens: отбелязано',
    menuNotMarked: 'Reputation Lens: не е отбелязано. {reason}',
  },
};
