import { translator, type Translate, type UiLocale } from '../i18n';
import { MARK_MESSAGES, type MarkMessageKey } from '../i18n/marks';
import { PAGE_MESSAGES, type PageMessageKey } from '../i18n/page';
import type { ClientFlags, MarkSentiment } from '../schema';
import { LOW_CONFIDENCE } from '../sentiment/types';
import { GENERIC_FINDER } from '../sites/forum/engine-label';
import { TAG_ROW_TAG, type ItemLabel, type MarkAction, type TagRowCallbacks, type TagRowState, type TagRowViewFactory } from './tag-row-view';

/** `short` is what a part shows in the compact form (assets/tags.css), its words staying its text and name. */
const MARK_BUTTONS: ReadonlyArray<{ action: MarkSentiment; text: MarkMessageKey; short: MarkMessageKey; hint: MarkMessageKey }> = [
  { action: 'positive', text: 'markPositive', short: 'shortPositive', hint: 'hintPositive' },
  { action: 'neutral', text: 'markNeutral', short: 'shortNeutral', hint: 'hintNeutral' },
  { action: 'negative', text: 'markNegative', short: 'shortNegative', hint: 'hintNegative' },
  { action: 'irrelevant', text: 'markIrrelevant', short: 'shortIrrelevant', hint: 'hintIrrelevant' },
];

/** A label is named as its mark button is. */
const LABEL_WORDS: ReadonlyMap<ItemLabel, { text: MarkMessageKey; short: MarkMessageKey }> = new Map(
  MARK_BUTTONS.map((button) => [button.action, button]),
);

/** The parts of a row that come and go, in the order they stand in it. */
const BADGES: ReadonlyArray<{ flag: keyof ClientFlags; className: string; text: MarkMessageKey; short: MarkMessageKey }> = [
  { flag: 'clientSite', className: 'badge badge-client', text: 'badgeClientSite', short: 'shortClientSite' },
  { flag: 'linksToClient', className: 'badge badge-link', text: 'badgeLinksToClient', short: 'shortLinksToClient' },
  { flag: 'mentionsClient', className: 'badge badge-mention', text: 'badgeMentionsClient', short: 'shortMentionsClient' },
  { flag: 'competitor', className: 'badge badge-competitor', text: 'badgeCompetitor', short: 'shortCompetitor' },
];

/** A row's words in one language. */
interface RowWords {
  mark: Translate<MarkMessageKey>;
  page: Translate<PageMessageKey>;
}

const wordsByLocale = new Map<UiLocale, RowWords>();
const wordsOf = (locale: UiLocale): RowWords => {
  let words = wordsByLocale.get(locale);
  if (!words) {
    words = { mark: translator(MARK_MESSAGES, locale), page: translator(PAGE_MESSAGES, locale) };
    wordsByLocale.set(locale, words);
  }
  return words;
};

/** Whether an event comes from the user's own input; a script-made click or key press does not. */
export type UserInputGuard = (event: Event) => boolean;

export const isTrustedInput: UserInputGuard = (event) => event.isTrusted;

/**
 * Draws tag rows into CLOSED shadow roots (the page-DOM contract): the host page can neither restyle a
 * row nor read what it shows (the user's marks, the client badges) nor reach its buttons, and a click
 * acts only when it comes from the user (`isUserInput`; a test injects its own, since events made in
 * a test are never trusted).
 *
 * Rows are built with the DOM directly rather than with Preact: a forum thread draws fifty of them while
 * the page is still loading, and cloning one prepared skeleton per row, then setting a few attributes,
 * costs a fraction of rendering fifty component trees (and keeps Preact out of the content scripts).
 */
export function shadowTagRowViews(
  css: string,
  isUserInput: UserInputGuard = isTrustedInput,
  /** The interface language, asked at each row made (the content script learns the user's choice at start). */
  locale: () => UiLocale = () => 'en',
): TagRowViewFactory {
  const closedHost = closedHosts(css);
  const skeletons = new Map<UiLocale, HTMLElement>();
  return (doc, callbacks) => {
    const { host, root } = closedHost(doc, TAG_ROW_TAG);
    const language = locale();
    const words = wordsOf(language);
    let skeleton = skeletons.get(language);
    if (!skeleton) {
      skeleton = buildSkeleton(doc, words, language);
      skeletons.set(language, skeleton);
    }
    const row = new DrawnRow(skeleton.cloneNode(true) as HTMLElement, callbacks, isUserInput, words);
    root.append(row.element);
    return {
      host,
      render: (state) => row.draw(state),
      press: (action) => row.press(action),
      showCurrent: (current) => row.showCurrent(current),
      destroy: () => host.remove(),
    };
  };
}

/** Makes `<tag>` hosts for `doc`, each with a CLOSED shadow root styled by `css`, nothing in it yet. */
export function closedHosts(css: string): (doc: Document, tag: string) => { host: Element; root: ShadowRoot } {
  let sharedSheet: CSSStyleSheet | null | undefined;
  // One parsed stylesheet adopted by every row is far cheaper on a 100-result page than a <style> per row.
  const adoptSharedSheet = (root: ShadowRoot): boolean => {
    if (sharedSheet === undefined) {
      try {
        sharedSheet = new CSSStyleSheet();
        sharedSheet.replaceSync(css);
      } catch {
        sharedSheet = null;
      }
    }
    if (!sharedSheet) return false;
    try {
      root.adoptedStyleSheets = [sharedSheet];
      return true;
    } catch {
      // Firefox content scripts cannot always hand a sheet made in their own world to the page's DOM.
      return false;
    }
  };
  let inertDocument: Document | null = null;
  return (doc, tag) => {
    // The host is made in a document without custom elements and gets its root before it meets the page:
    // a page that defines <rl-tags> itself then upgrades a host whose root was never given to its
    // ElementInternals (`internals.shadowRoot` stays null), so even that page cannot open the row.
    inertDocument ??= doc.implementation.createHTMLDocument('');
    const host = inertDocument.createElement(tag);
    const root = host.attachShadow({ mode: 'closed' });
    doc.adoptNode(host);
    if (!adoptSharedSheet(root)) {
      const style = doc.createElement('style');
      style.textContent = css;
      root.append(style);
    }
    return { host, root };
  };
}

/** The parts every row has: its label and its five buttons. */
function buildSkeleton(doc: Document, { mark }: RowWords, language: UiLocale): HTMLElement {
  const row = doc.createElement('div');
  row.className = 'row';
  // The row's words are read in the interface language, whatever the page's own.
  row.lang = language;
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Reputation Lens');
  const label = doc.createElement('span');
  label.className = 'label';
  row.append(label);
  for (const { action, text, short } of MARK_BUTTONS) row.append(actionButton(doc, action, `mark mark-${action}`, mark(text), mark(short)));
  row.append(actionButton(doc, 'recommends', 'mark mark-recommends', mark('markRecommends'), mark('shortRecommends')));
  return row;
}

/**
 * A button of ours in a closed root: it says what it does in `data-action`, read by its root's one click listener,
 * and the compact form of a tag row shows `short` in place of its words (assets/tags.css).
 */
export function actionButton(doc: Document, action: string, className: string, text: string, short?: string): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = className;
  button.setAttribute('data-action', action);
  if (short !== undefined) button.setAttribute('data-short', short);
  button.textContent = text;
  return button;
}

/**
 * A button's state, inside the closed root only: `aria-pressed` is the user's mark, `data-suggested` the
 * suggestion (never pressed), and no button takes a click while a write is pending.
 */
function showButtonState(button: HTMLButtonElement, shown: { pressed: boolean; suggested: boolean; saving: boolean }): void {
  button.setAttribute('aria-pressed', String(shown.pressed));
  if (shown.suggested) button.setAttribute('data-suggested', 'true');
  else button.removeAttribute('data-suggested');
  button.disabled = shown.saving;
}

/** One row on the page: draws a state into its skeleton, adding and removing the optional parts. */
class DrawnRow {
  private readonly label: HTMLElement;
  private readonly buttons: HTMLButtonElement[];
  private readonly recommendsButton: HTMLButtonElement;
  private readonly optional = new Map<string, HTMLElement>();
  private state: TagRowState | null = null;

  constructor(
    readonly element: HTMLElement,
    private readonly callbacks: TagRowCallbacks,
    isUserInput: UserInputGuard,
    private readonly words: RowWords,
  ) {
    this.label = element.querySelector('.label')!;
    this.buttons = [...element.querySelectorAll('button')];
    this.recommendsButton = this.buttons.at(-1)!;
    // One listener per row: its buttons say what they do in data-action. A key press on a focused button
    // reaches it as a click too, trusted only when the user pressed the key.
    element.addEventListener('click', (event) => {
      if (!isUserInput(event)) return;
      const button = (event.target as Element | null)?.closest('button');
      const action = button?.getAttribute('data-action');
      if (!button || button.disabled || !this.state || !action) return;
      if (!this.state.hasProject) callbacks.onOpenDashboard();
      else this.act(action as MarkAction);
    });
  }

  /** A key press: what a click on the action's button does, except that without a project it leads nowhere. */
  press(action: MarkAction): boolean {
    if (!this.state?.hasProject) return false;
    // The buttons take no click while a write is pending.
    if (!this.state.saving) this.act(action);
    return true;
  }

  /** An outline drawn inside the row (a shape, not only a colour); `draw` leaves the attribute alone. */
  showCurrent(current: boolean): void {
    if (current) this.element.setAttribute('data-current', 'true');
    else this.element.removeAttribute('data-current');
  }

  private act(action: MarkAction): void {
    if (action === 'recommends') this.callbacks.onToggleRecommends();
    else this.callbacks.onMark(action);
  }

  draw(state: TagRowState): void {
    this.state = state;
    const marked = state.labelSource === 'marked';
    const needsProject = !state.hasProject;
    this.element.className = `row label-${state.label}`;
    const confidence = marked ? null : state.confidence;
    // Uncertainty is told by a "?", an outline and the title as well as by colour.
    const uncounted = confidence !== null && confidence < state.countedFrom;
    const uncertain = uncounted || (confidence !== null && confidence < LOW_CONFIDENCE);
    this.label.className = `label ${marked ? 'label-marked' : 'label-suggested'}`;
    if (uncertain) this.label.setAttribute('data-confidence', 'low');
    else this.label.removeAttribute('data-confidence');
    const { mark, page } = this.words;
    const percent = confidence === null ? 0 : Math.round(confidence * 100);
    this.label.title = marked
      ? page('markedByYou')
      : confidence === null
        ? page('suggested')
        : uncounted
          ? page('suggestedNotCounted', { percent, threshold: Math.round(state.countedFrom * 100) })
          : page(uncertain ? 'suggestedLowConfidence' : 'suggestedConfidence', { percent });
    const labelWords = LABEL_WORDS.get(state.label);
    const sign = marked ? '✓' : '~';
    const doubt = uncertain ? '?' : '';
    this.label.textContent = `${sign} ${labelWords ? mark(labelWords.text) : '…'}${doubt}`;
    this.label.setAttribute('data-short', `${sign}${labelWords ? mark(labelWords.short) : '…'}${doubt}`);

    let after: Element = this.label;
    for (const badge of BADGES) {
      after = this.place(badge.flag, state.flags[badge.flag] === true, after, (part) => {
        part.className = badge.className;
        part.textContent = mark(badge.text);
        part.title = mark(badge.text);
        part.setAttribute('data-short', mark(badge.short));
      });
    }
    const source = state.source;
    this.place('source', source !== null, after, (part) => {
      const guess = source === GENERIC_FINDER;
      part.className = guess ? 'source source-guess' : 'source';
      part.setAttribute('data-source', source ?? '');
      part.title = page(guess ? 'forumGuess' : 'forumRecognised');
      // The generic finder's result is a guess, and says so; a known engine goes by its own name.
      part.textContent = guess ? page('genericFinder') : (source ?? '');
      part.setAttribute('data-short', guess ? page('genericFinderShort') : (source ?? ''));
    });

    MARK_BUTTONS.forEach(({ action, hint }, index) => {
      const button = this.buttons[index]!;
      const shown = state.label === action;
      showButtonState(button, { pressed: marked && shown, suggested: !marked && shown, saving: state.saving });
      button.title = needsProject ? page('needsProjectHint') : mark(hint);
    });
    const recommends = this.recommendsButton;
    const recommendsMarked = state.recommendsSource === 'marked';
    showButtonState(recommends, {
      pressed: state.recommends && recommendsMarked,
      suggested: state.recommends && !recommendsMarked,
      saving: state.saving,
    });
    recommends.title = needsProject ? page('needsProjectHint') : mark('hintRecommends');

    after = this.place('saving', state.saving, recommends, (part) => {
      part.className = 'status';
      part.textContent = page('saving');
    });
    const error = state.error;
    this.place('error', error !== null, after, (part) => {
      part.className = 'status error';
      part.setAttribute('role', 'alert');
      part.textContent = error;
    });
  }

  /**
   * Puts an optional part right after `after` when it is wanted (filled by `fill`), takes it out when
   * not, and returns what the next part goes after.
   */
  private place(
    key: string,
    wanted: boolean,
    after: Element,
    fill: (part: HTMLElement) => void,
  ): Element {
    let part = this.optional.get(key);
    if (!wanted) {
      part?.remove();
      return after;
    }
    if (!part) {
      part = this.element.ownerDocument.createElement('span');
      this.optional.set(key, part);
    }
    fill(part);
    if (part.previousElementSibling !== after) after.after(part);
    return part;
  }
}
