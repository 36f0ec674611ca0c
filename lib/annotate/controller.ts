import type { ItemState, PageItem } from '../messaging/protocol';
import { translator, type UiLocale } from '../i18n';
import { PAGE_MESSAGES } from '../i18n/page';
import { NoAnswerError, errorMessage } from '../messaging/send';
import type { Item, KnownItems, PageExtract } from '../sites/types';
import type { MarkSentiment } from '../schema';
import { recommendStateOf } from '../kpi/label-state';
import { ITEMS_PER_MESSAGE, MAX_ITEMS_PER_PAGE, chunksOf, toObservedPage, toPageItem, type ObservedPage } from './observation';
import { PAGE_NOTICE_TAG, placeNotice, type PageNoticeFactory, type PageNoticeView } from './page-notice';
import { TAG_ROW_TAG, itemLabel, type TagRowView, type TagRowViewFactory } from './tag-row-view';

/** The state a row showed when it was clicked. */
export interface SeenState {
  projectId: string;
  markAt: number | null;
}

/** What the controller needs from the background; the content script wires it to the message protocol. */
export interface AnnotationBackend {
  observe(page: ObservedPage, items: PageItem[]): Promise<{ projectId: string | null; minSuggestionConfidence: number; items: ItemState[] }>;
  /**
   * Writes a mark for the row's item. `seen` is what the row was drawn with: its project and the time of the mark it
   * showed, so the background refuses a row of a project no longer active and leaves a mark changed meanwhile (in
   * another tab) as it is; the answer is then the stored state, which the row shows.
   */
  mark(page: ObservedPage, item: PageItem, sentiment: MarkSentiment | null, recommends: boolean, seen: SeenState): Promise<ItemState>;
  openDashboard(): void;
  /** Tells the dashboard whether this site's markup was understood (items found vs result-looking blocks). */
  reportStatus(status: { site: string; url: string; itemsFound: number; blocksSeen: number }): void;
}

export interface AnnotatorOptions {
  /**
   * Reads the page. `known` gives, for a row's element, the item the previous scan read for it while nothing has
   * been added to or taken from the element since: the extraction takes it instead of reading the element again.
   */
  extract: (doc: Document, url: string, known: KnownItems) => PageExtract | null;
  backend: AnnotationBackend;
  createView: TagRowViewFactory;
  /**
   * Whether this instance of the script still owns the page (false once a newer instance took over or the
   * extension was reloaded); asked at every scan, and once it says no the annotator stops.
   */
  isInCharge?: () => boolean;
  /** How often an unacknowledged write is retried before the row shows an error. */
  markAttempts?: number;
  retryDelayMs?: number;
  /** How long one write may go unanswered before it counts as failed (and is retried); MARK_TIMEOUT_MS by default. */
  markTimeoutMs?: number;
  /** The interface language, for what the annotator says itself (a write that failed); English unless given. */
  locale?: UiLocale;
  /** Drawing time per animation frame; FRAME_BUDGET_MS unless a test needs another. */
  frameBudgetMs?: number;
  /** The least time between two scans; RESCAN_INTERVAL_MS unless a test needs another. */
  rescanIntervalMs?: number;
  /**
   * The one notice a page gets while no project is active (lib/annotate/page-notice.ts), and what its "hide tags
   * on this site" does (quiet mode); without it a page shows none.
   */
  notice?: { create: PageNoticeFactory; hideOnSite: () => void };
}

interface Tracked {
  /**
   * The item as it was when its row was made: the row shows and marks this URL only, whatever the page
   * later writes into the item's link or title.
   */
  item: Item;
  /** What is sent to the background for it, cut to the protocol's bounds. */
  sent: PageItem;
  /**
   * Made and put into the page with the row's first drawing, never empty and never earlier: one layout
   * for both, and none of it in the task that reads the page.
   */
  view: TagRowView | null;
  state: ItemState | null;
  /** The forum engine that found the item (`generic` for the guessing finder); null on search pages. */
  source: string | null;
}

/**
 * Drawing time per animation frame: rows drawn in one frame share its style and layout pass, so a page
 * gets as few passes as this allows, while a frame's task (drawing plus layout) stays far from 50 ms.
 */
const FRAME_BUDGET_MS = 8;
/**
 * Rows one drawing pass puts into the page at most, whatever time the budget leaves: the budget times only our
 * drawing, while the frame that follows lays out the whole page again for the rows put in (30-45 ms of style,
 * layout and pre-paint for 100 rows on a 6,000-element page). With 25 a pass, the bench's 100-result page got a
 * long task in 6 of 22 loads instead of 15 of 22, for about 6 ms more main-thread time in all. Most of a frame's
 * 25-30 ms does not depend on how many rows it lays out; with the passes after the first moved out of the frames
 * (renderInFrames), 6 of 32 loads of that page and of the forum thread had a long task instead of 22 of 32.
 */
const MAX_ROWS_PER_PASS = 25;
/**
 * Every scan reads the whole page, so a page that changes all the time (a hostile one, an endless feed)
 * gets at most four a second; the changes in between are picked up together by the next one.
 */
const RESCAN_INTERVAL_MS = 250;

const ELEMENT_NODE = 1;

/**
 * Runs `callback` in a task of its own, posted through a private channel: no page sees a message of it (as it would
 * a window message), and it runs as soon as the task queue gets to it, not after a timer's clamped delay.
 */
function inTaskOfItsOwn(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

function pageKey(extract: PageExtract): string {
  return [extract.site, extract.query ?? '', extract.firstRank ?? 1].join('\u0001');
}

/**
 * Owns the DOM work on a host page: finds items, mounts one tag row per item, keeps them in step with
 * results added later and with in-page navigation to a new query, and sends marks to the background.
 */
export class PageAnnotator {
  private readonly tracked = new Map<Element, Tracked>();
  /**
   * What the last scan read, by item element, as long as nothing has been added to or taken from the element
   * since and it has not been put into the page again: the next scan takes these for the rows' elements instead
   * of reading them again. A page changing every few hundred ms (Google's own scripts, a live feed) costs a
   * scan of the changed parts, not of every result each time.
   */
  private readonly reads = new Map<Element, Item>();
  /** Elements the page put in since the last scan: a read element inside one of them may have been moved. */
  private readonly inserted = new Set<Node>();
  /** The URL names another page while the rows' results are still shown: any change may be the new results. */
  private awaitingResults = false;
  /** The nearest element that holds every row's item (the results list, the posts), as of the last scan. */
  private itemsArea: Element | null = null;
  private observer: MutationObserver | null = null;
  private pendingScan: ReturnType<typeof setTimeout> | null = null;
  private lastScanAt = Number.NEGATIVE_INFINITY;
  private currentPageKey: string | null = null;
  private currentPage: ObservedPage | null = null;
  /** Items sent to the background for the current page, rows since taken out included. */
  private observedOnPage = 0;
  private lastStatusKey: string | null = null;
  /** The project the rows were drawn for (null: none yet, the buttons lead to the dashboard). */
  private projectId: string | null = null;
  /** The background has said which project is active (or that none is) at least once. */
  private projectKnown = false;
  /** Quiet mode: rows and notice are kept, drawn and updated, but out of the page. */
  private hidden = false;
  private notice: PageNoticeView | null = null;
  /** The project's minimum suggestion confidence: a less sure suggestion is drawn as not counted. */
  private countedFrom = 0;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly options: AnnotatorOptions,
  ) {}

  start(): void {
    this.scan();
    const view = this.doc.defaultView;
    if (!view) return;
    this.observer = new view.MutationObserver((mutations) => this.onMutations(mutations));
    this.observe();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    if (this.pendingScan !== null) clearTimeout(this.pendingScan);
    for (const [element, tracked] of this.tracked) this.forget(element, tracked);
    this.notice?.host.remove();
  }

  /**
   * Quiet mode on (rows and notice out of the page at once) or off (back as they are now, marks shown). The items
   * are still read and observed meanwhile: quiet is only what the page shows.
   */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    this.withObserverPaused(() => {
      for (const tracked of this.tracked.values()) this.placeRow(tracked);
      this.placeNotice();
    });
  }

  /**
   * Asks the background again for every row's state while it knows no project: one set up or chosen since (in
   * the dashboard the notice opened) gets the rows marking for it, and the notice goes.
   */
  recheckProject(): void {
    const page = this.currentPage;
    if (this.stopped || !page || !this.projectKnown || this.projectId !== null) return;
    for (const chunk of chunksOf([...this.tracked.values()], ITEMS_PER_MESSAGE)) void this.requestStates(page, chunk);
  }

  /**
   * The drawn rows with their items, for keyboard marking (lib/annotate/keyboard-controller.ts), in the order they
   * were found; none without a project, when there is nothing to mark.
   */
  markableRows(): { item: Element; view: TagRowView }[] {
    // Hidden rows (quiet mode) are not marked by a key either: the user sees nothing to mark.
    if (this.projectId === null || this.stopped || this.hidden) return [];
    const rows: { item: Element; view: TagRowView }[] = [];
    for (const [item, tracked] of this.tracked) if (tracked.view) rows.push({ item, view: tracked.view });
    return rows;
  }

  /** Finds the page's items and annotates the ones not seen yet. Reads everything first, then writes. */
  scan(): void {
    if (this.stopped) return;
    if (this.options.isInCharge && !this.options.isInCharge()) {
      this.stop();
      return;
    }
    this.lastScanAt = performance.now();
    const url = this.doc.defaultView?.location.href ?? this.doc.URL;
    const extract = this.extract(url);
    if (!extract) return;
    this.reportStatus(url, extract);
    const page = toObservedPage(url, extract);
    if (!page) return;
    const key = pageKey(extract);
    const newPage = key !== this.currentPageKey;
    // Single-page engines change the URL and the results at different moments: until the results are
    // replaced, the old query's results must not become the new query's snapshot.
    this.awaitingResults = newPage && this.currentPageKey !== null && this.showsTrackedResults(extract.items);
    if (this.awaitingResults) return;
    // Only now: forgetting removed items first would make a results list that merely lost one look unchanged.
    this.forgetDetached();

    const fresh = this.withObserverPaused(() => {
      if (newPage) {
        // Rows belong to the page they were made on: the new page's items get rows of their own.
        for (const [element, tracked] of this.tracked) this.forget(element, tracked);
        this.observedOnPage = 0;
      }
      this.currentPageKey = key;
      this.currentPage = page;
      // The page may take a row out of its item (or move it): the same row goes back, still for its URL.
      for (const tracked of this.tracked.values()) this.placeRow(tracked);
      const unseen = this.unseenItems(page, extract.items);
      this.observedOnPage += unseen.length;
      for (const tracked of unseen) this.mount(tracked);
      this.placeNotice();
      return unseen;
    });
    this.itemsArea = areaOf([...this.tracked.keys()]);
    for (const chunk of chunksOf(fresh, ITEMS_PER_MESSAGE)) void this.requestStates(page, chunk);
  }

  /**
   * Reads the page, taking the previous scan's reads of rows whose elements have not changed. Another page (a
   * new query, another page of results: single-page engines reuse the result elements) is read whole, so
   * nothing read for the page before is sent for it.
   */
  private extract(url: string): PageExtract | null {
    this.forgetReadsOfInserted();
    const known: KnownItems = (element) => (this.tracked.has(element) ? this.reads.get(element) : undefined);
    let extract = this.options.extract(this.doc, url, known);
    if (extract && this.currentPageKey !== null && pageKey(extract) !== this.currentPageKey) {
      extract = this.options.extract(this.doc, url, () => undefined);
    }
    this.reads.clear();
    for (const item of extract?.items ?? []) this.reads.set(item.element, item);
    return extract;
  }

  /**
   * The items without a row yet, as they will be sent, up to what the page may still have observed. An
   * item that does not fit the protocol is left out on its own, never with the others.
   */
  private unseenItems(page: ObservedPage, items: readonly Item[]): Tracked[] {
    const room = MAX_ITEMS_PER_PAGE - this.observedOnPage;
    const source = page.kind === 'forum' ? page.site : null;
    const unseen: Tracked[] = [];
    for (const item of items) {
      if (unseen.length >= room) break;
      if (this.tracked.has(item.element)) continue;
      const sent = toPageItem(item);
      if (!sent) continue;
      unseen.push({ item, sent, view: null, state: null, source });
    }
    return unseen;
  }

  private reportStatus(url: string, extract: PageExtract): void {
    const status = { site: extract.site, url, itemsFound: extract.items.length, blocksSeen: extract.blocksSeen ?? 0 };
    const key = JSON.stringify(status);
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.options.backend.reportStatus(status);
  }

  private showsTrackedResults(items: readonly Item[]): boolean {
    return items.length === this.tracked.size && items.every((item) => this.tracked.get(item.element)?.item.url === item.url);
  }

  /** Posts a forum took out of the page (next page loaded in place, a virtualised list) are not ours to keep. */
  private forgetDetached(): void {
    for (const [element, tracked] of this.tracked) if (!element.isConnected) this.forget(element, tracked);
  }

  private forget(element: Element, tracked: Tracked): void {
    tracked.view?.destroy();
    clearItemAttributes(element);
    this.tracked.delete(element);
  }

  private isTracked(tracked: Tracked): boolean {
    return this.tracked.get(tracked.item.element) === tracked;
  }

  private mount(tracked: Tracked): void {
    const { element, rank, url } = tracked.item;
    element.setAttribute('data-rl-item', this.currentPage?.kind === 'forum' ? 'post' : 'serp');
    if (rank !== undefined) element.setAttribute('data-rl-rank', String(rank));
    else element.removeAttribute('data-rl-rank');
    element.setAttribute('data-rl-url', url);
    // The row itself is drawn once the background answers: drawing it twice was most of our cost on big pages.
    this.tracked.set(element, tracked);
  }

  private async requestStates(page: ObservedPage, rows: readonly Tracked[]): Promise<void> {
    try {
      const answer = await this.options.backend.observe(page, rows.map((row) => row.sent));
      const projectChanged = this.projectId !== answer.projectId;
      this.projectId = answer.projectId;
      this.projectKnown = true;
      this.withObserverPaused(() => this.placeNotice());
      this.countedFrom = answer.minSuggestionConfidence;
      const answered = rows.filter((row, index) => {
        const state = answer.items[index];
        if (!state || !this.isTracked(row)) return false;
        row.state = state;
        return true;
      });
      // Every row learns whether marking is possible when that changes.
      this.renderInFrames(projectChanged ? [...this.tracked.values()] : answered);
    } catch (error) {
      this.withObserverPaused(() => {
        for (const row of rows) this.render(row, { error: errorMessage(error) });
      });
    }
  }

  /**
   * Draws as many rows as the frame budget and MAX_ROWS_PER_PASS allow, the rest in later passes, so a 100-result
   * page never gets one long task from us. A later pass runs in a task of its own once the next frame is drawn, not
   * in that frame's animation callbacks: the frame that lays the page out for one pass's rows then does only that
   * (a pass drawn at its start made it a long task in most loads of the bench's 100-result page and forum thread).
   * Rows already drawn with newer state by then (a click) are simply drawn again.
   */
  private renderInFrames(rows: readonly Tracked[]): void {
    const view = this.doc.defaultView;
    const started = performance.now();
    const budget = this.options.frameBudgetMs ?? FRAME_BUDGET_MS;
    let drawn = 0;
    this.withObserverPaused(() => {
      while (drawn < Math.min(rows.length, MAX_ROWS_PER_PASS) && (drawn === 0 || performance.now() - started < budget)) this.render(rows[drawn++]!);
    });
    const rest = rows.slice(drawn);
    if (rest.length === 0 || this.stopped) return;
    if (view) view.requestAnimationFrame(() => inTaskOfItsOwn(() => this.renderInFrames(rest)));
    else this.renderInFrames(rest);
  }

  private async mark(tracked: Tracked, sentiment: MarkSentiment): Promise<void> {
    const current = tracked.state?.mark;
    const clearing = current?.sentiment === sentiment;
    await this.write(tracked, clearing ? null : sentiment, current?.recommends ?? false);
  }

  private async toggleRecommends(tracked: Tracked): Promise<void> {
    const recommendsNow = recommendStateOf(tracked.state ?? undefined) !== 'none';
    await this.write(tracked, tracked.state?.mark?.sentiment ?? null, !recommendsNow);
  }

  /** A mark shows as saved only once the background has written it; unacknowledged writes are retried. */
  private async write(tracked: Tracked, sentiment: MarkSentiment | null, recommends: boolean): Promise<void> {
    const page = this.currentPage;
    const projectId = this.projectId;
    // A row no longer in the page's rows (the page moved on) marks nothing.
    if (!page || projectId === null || !this.isTracked(tracked)) return;
    const seen = { projectId, markAt: tracked.state?.mark?.at ?? null };
    this.withObserverPaused(() => this.render(tracked, { saving: true }));
    const attempts = this.options.markAttempts ?? 3;
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const state = await answeredWithin(
          this.options.backend.mark(page, tracked.sent, sentiment, recommends, seen),
          this.options.markTimeoutMs ?? MARK_TIMEOUT_MS,
        );
        this.withObserverPaused(() => {
          for (const other of this.tracked.values()) {
            if (other === tracked || other.state?.canonicalUrl === state.canonicalUrl) {
              other.state = state;
              this.render(other);
            }
          }
        });
        return;
      } catch (error) {
        lastError = error;
        if (attempt < attempts) await delay(this.options.retryDelayMs ?? 300 * attempt);
      }
    }
    const say = translator(PAGE_MESSAGES, this.options.locale ?? 'en');
    const reason = lastError instanceof NoAnswerError ? say('noAnswer') : errorMessage(lastError);
    this.withObserverPaused(() => this.render(tracked, { error: say('notSaved', { reason }) }));
  }

  /** Draws a row that is still the page's (a forgotten one stays out of the page). */
  private render(tracked: Tracked, transient: { saving?: boolean; error?: string } = {}): void {
    if (!this.isTracked(tracked)) return;
    const { label, labelSource } = itemLabel(tracked.state);
    const view = (tracked.view ??= this.createView(tracked));
    const recommends = recommendStateOf(tracked.state ?? undefined);
    view.render({
      label,
      labelSource,
      // Suggestions stored before confidence existed were shown as sure: they still are.
      confidence: tracked.state?.suggested ? (tracked.state.suggested.confidence ?? 1) : null,
      countedFrom: this.countedFrom,
      recommends: recommends !== 'none',
      recommendsSource: recommends === 'marked' ? 'marked' : 'suggested',
      flags: tracked.state?.flags ?? { clientSite: false, linksToClient: false, mentionsClient: false },
      saving: transient.saving ?? false,
      error: transient.error ?? null,
      hasProject: this.projectId !== null,
      source: tracked.source,
    });
    // Put in once drawn: a new row's attributes are then set outside the page, where no change asks for its style.
    this.placeRow(tracked);
  }

  /** Its buttons act for this row's own item, whatever the page does to the item or to other rows. */
  private createView(tracked: Tracked): TagRowView {
    return this.options.createView(this.doc, {
      onMark: (sentiment) => void this.mark(tracked, sentiment),
      onToggleRecommends: () => void this.toggleRecommends(tracked),
      onOpenDashboard: () => this.options.backend.openDashboard(),
    });
  }

  /**
   * Puts a drawn row in its item, as the item's only row: one left by an earlier instance of the script
   * (or put there by the page) goes.
   */
  private placeRow(tracked: Tracked): void {
    const host = tracked.view?.host;
    const element = tracked.item.element;
    if (this.hidden) host?.remove();
    if (this.hidden || !host || host.parentNode === element) return;
    for (const child of [...element.children]) if (child.localName === TAG_ROW_TAG) child.remove();
    element.append(host);
  }

  /** The page's one notice while no project is active, before its first item; out of the page otherwise. */
  private placeNotice(): void {
    const notice = this.options.notice;
    const firstItem = this.tracked.keys().next().value;
    if (!notice || !firstItem || this.hidden || !this.projectKnown || this.projectId !== null) {
      this.notice?.host.remove();
      return;
    }
    this.notice ??= notice.create(this.doc, { onOpenDashboard: () => this.options.backend.openDashboard(), onHideOnSite: notice.hideOnSite });
    placeNotice(this.notice.host, firstItem);
  }

  private withObserverPaused<T>(write: () => T): T {
    // The page's changes not yet delivered would be lost with the disconnection.
    const pending = this.observer?.takeRecords() ?? [];
    if (pending.length > 0) this.onMutations(pending);
    this.observer?.disconnect();
    try {
      return write();
    } finally {
      this.observe();
    }
  }

  private observe(): void {
    if (this.stopped || !this.observer) return;
    this.observer.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true });
  }

  /**
   * Scans once the rescan interval since the last scan has passed, however often it is asked for before
   * then. Never in the same task: after in-page navigation the new URL is in place only once the
   * navigation's event has been handled.
   */
  scheduleScan(): void {
    if (this.pendingScan !== null || this.stopped) return;
    const interval = this.options.rescanIntervalMs ?? RESCAN_INTERVAL_MS;
    const wait = Math.max(0, this.lastScanAt + interval - performance.now());
    this.pendingScan = setTimeout(() => {
      this.pendingScan = null;
      this.scan();
    }, wait);
  }

  /**
   * The page changed: reads of the elements it changed are dropped, and a scan is scheduled unless the change
   * cannot bring an item (`bringsNoItem`).
   */
  private onMutations(mutations: readonly MutationRecord[]): void {
    let rescan = false;
    for (const mutation of mutations) {
      if (this.isOwnMutation(mutation)) continue;
      this.forgetReadsAround(mutation);
      rescan ||= this.awaitingResults || !this.bringsNoItem(mutation);
    }
    if (rescan) this.scheduleScan();
  }

  private forgetReadsAround(mutation: MutationRecord): void {
    for (let node: Node | null = mutation.target; node && this.reads.size > 0; node = node.parentNode) this.reads.delete(node as Element);
    for (const node of mutation.addedNodes) if (node.nodeType === ELEMENT_NODE) this.inserted.add(node);
    // Kept for the next scan; a page that never makes one necessary does not make the set grow for ever.
    if (this.inserted.size > MAX_INSERTED) this.scheduleScan();
  }

  /**
   * Changes a scan would find nothing new in: text replaced inside rows' items (a counter, a relative time) — no
   * item comes or goes with it, and a row shows its item as it was read; and elements put into or taken out of the
   * page away from the items (a sidebar, a header, a toast) that carry no link — every result has one, and so
   * does every post we have seen (a permalink, its author's page).
   */
  private bringsNoItem(mutation: MutationRecord): boolean {
    const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
    if (!nodes.some((node) => node.nodeType === ELEMENT_NODE)) return this.isInAnItem(mutation.target);
    const area = this.itemsArea;
    const target = mutation.target;
    if (!area?.isConnected || area.contains(target) || target.contains(area)) return false;
    return ![...mutation.addedNodes].some((node) => node.nodeType === ELEMENT_NODE && holdsLink(node as Element));
  }

  private isInAnItem(node: Node): boolean {
    for (let current: Node | null = node; current; current = current.parentNode) if (this.tracked.has(current as Element)) return true;
    return false;
  }

  /** A read element inside an element put into the page since (moved, or taken out and put back) is read again. */
  private forgetReadsOfInserted(): void {
    if (this.inserted.size === 0) return;
    for (const element of this.reads.keys()) {
      for (let node: Node | null = element; node; node = node.parentNode) {
        if (!this.inserted.has(node)) continue;
        this.reads.delete(element);
        break;
      }
    }
    this.inserted.clear();
  }

  private isOwnMutation(mutation: MutationRecord): boolean {
    const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
    return nodes.length > 0 && nodes.every((node) => OWN_TAGS.has(node.nodeName.toLowerCase()));
  }
}

/** The elements we put into the page: their coming and going is no change of the page's. */
const OWN_TAGS = new Set([TAG_ROW_TAG, PAGE_NOTICE_TAG]);

/** Elements put in since the last scan that are remembered before a scan is made to settle them. */
const MAX_INSERTED = 1000;

/** The nearest element holding all of `elements` (null for none). */
function areaOf(elements: readonly Element[]): Element | null {
  let area: Element | null = elements[0] ?? null;
  for (const element of elements) while (area && !area.contains(element)) area = area.parentElement;
  return area;
}

function holdsLink(element: Element): boolean {
  return element.matches('a[href], area[href]') || element.querySelector('a[href], area[href]') !== null;
}

function clearItemAttributes(element: Element): void {
  for (const name of ['data-rl-item', 'data-rl-rank', 'data-rl-url']) element.removeAttribute(name);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A message to a background the browser is restarting can go unanswered for good: the row would say "saving…"
 * forever. Past this, the write counts as failed and is retried; the retry is safe, as it carries the state the
 * row showed (a write that did land is not applied twice).
 */
const MARK_TIMEOUT_MS = 10_000;

function answeredWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new NoAnswerError(`No answer within ${ms} ms`)), ms);
    answer.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
