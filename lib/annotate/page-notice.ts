import { translator, type UiLocale } from '../i18n';
import { PAGE_MESSAGES, type PageMessageKey } from '../i18n/page';
import { actionButton, closedHosts, isTrustedInput, type UserInputGuard } from './shadow-view';

/** The element of the one notice a page without a project gets (beside the `<rl-tags>` rows, never one of them). */
export const PAGE_NOTICE_TAG = 'rl-notice';

export interface PageNoticeCallbacks {
  onOpenDashboard: () => void;
  onHideOnSite: () => void;
}

/** The notice's host, not in the page until placed (`placeNotice`); its text and buttons are in a closed root. */
export interface PageNoticeView {
  readonly host: Element;
}

export type PageNoticeFactory = (doc: Document, callbacks: PageNoticeCallbacks) => PageNoticeView;

const ACTIONS: ReadonlyArray<{ action: string; text: PageMessageKey }> = [
  { action: 'open-dashboard', text: 'setUpProject' },
  { action: 'hide-on-site', text: 'hideOnThisSite' },
];

/**
 * Draws the notice in a CLOSED shadow root, as the rows are: the page can neither read nor restyle it, and its
 * buttons act only on the user's own input (`isUserInput`, as in shadow-view.ts).
 */
export function shadowPageNotices(css: string, isUserInput: UserInputGuard = isTrustedInput, locale: () => UiLocale = () => 'en'): PageNoticeFactory {
  const closedHost = closedHosts(css);
  return (doc, callbacks) => {
    const { host, root } = closedHost(doc, PAGE_NOTICE_TAG);
    const t = translator(PAGE_MESSAGES, locale());
    const notice = doc.createElement('div');
    notice.className = 'notice';
    notice.setAttribute('role', 'note');
    notice.setAttribute('aria-label', 'Reputation Lens');
    const message = doc.createElement('span');
    message.className = 'notice-text';
    message.textContent = t('noProjectNotice');
    notice.append(message);
    for (const { action, text } of ACTIONS) notice.append(actionButton(doc, action, 'notice-action', t(text)));
    notice.addEventListener('click', (event) => {
      if (!isUserInput(event)) return;
      const action = (event.target as Element | null)?.closest('button')?.getAttribute('data-action');
      if (action === 'open-dashboard') callbacks.onOpenDashboard();
      else if (action === 'hide-on-site') callbacks.onHideOnSite();
    });
    root.append(notice);
    return { host };
  };
}

/**
 * Parents whose layout takes only their own kind of children (table parts, lists): a block put among them would
 * break the page's table or list, so there the notice goes at the top inside the first item, where rows go too.
 */
const STRICT_PARENTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl']);

/**
 * Puts the notice in the flow just before the first item: read before the labels it speaks of, and in the
 * results' own column, not over the page's header or in a corner where it would cover something. Nothing is
 * written when it is there already (every scan asks).
 */
export function placeNotice(host: Element, firstItem: Element): void {
  const parent = firstItem.parentElement;
  if (parent && !STRICT_PARENTS.has(parent.localName)) {
    if (host.nextElementSibling !== firstItem) firstItem.before(host);
  } else if (firstItem.firstElementChild !== host) {
    firstItem.prepend(host);
  }
}
