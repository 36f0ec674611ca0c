import type { ItemState, PageItem, RequestOf } from '../messaging/protocol';
import { errorMessage } from '../messaging/send';
import type { Item, PageExtract } from '../sites/types';
import type { MarkSentiment } from '../schema';
import { recommendStateOf } from '../kpi/label-state';
import { itemLabel, type ItemLabel, type TagRowView, type TagRowViewFactory } from './tag-row-view';

type Page = RequestOf<'page.observe'>['page'];

/** What the controller needs from the background; the content script wires it to the message protocol. */
export interface AnnotationBackend {
  observe(page: Page, items: PageItem[]): Promise<{ projectId: string | null; minSuggestionConfidence: number; items: ItemState[] }>;
  mark(page: Page, item: PageItem, sentiment: MarkSentiment | null, recommends: boolean): Promise<ItemState>;
  openDashboard(): void;
  /** Tells the dashboard whether this site's markup was understood (items found vs result-looking blocks). */
  reportStatus(status: { site: string; url: string; itemsFound: number; blocksSeen: number }): void;
}

export interface AnnotatorOptions {
  extract: (doc: Document, url: string) => PageExtract | null;
  backend: AnnotationBackend;
  createView: TagRowViewFactory;
  /** How often an unacknowledged write is retried before the row shows an error. */
  markAttempts?: number;
  retryDelayMs?: number;
  /** Drawing time per animation frame; FRAME_BUDGET_MS unless a test needs another. */
  frameBudgetMs?: number;
}

interface Tracked {
  item: Item;
  /**
   * Made and put into the page with the row's first drawing, never empty and never earlier: one layout
   * for both, and none of it in the task that reads the page.
   */
  view: TagRowView | null;
  state: ItemState | null;
  /** The forum engine that found the item (`generic` for the guessing finder); null on search pages. */
  source: string | null;
}

const TAG_ROW_TAG = 'rl-tags';
/**
 * Drawing time per animation frame: rows drawn in one frame share its style and layout pass, so a page
 * gets as few passes as this allows, while a frame's task (drawing plus layout) stays far from 50 ms.
 */
const FRAME_BUDGET_MS = 8;

function pageKey(extract: PageExtract): string {
  return [extract.site, extract.query ?? '', extract.firstRank ?? 1].join('\u0001');
}

function toPageItem(item: Item): PageItem {
  const { rank, url, title, snippet, author, date, dateIso, text, linkedUrls } = item;
  return { rank, url, title, snippet, author, date, dateIso, text, linkedUrls };
}

/**
 * Owns the DOM work on a host page: finds items, mounts one tag row per item, keeps them in step with
 * results added later and with in-page navigation to a new query, and sends marks to the background.
 */
export class PageAnnotator {
  private readonly tracked = new Map<Element, Tracked>();
  private observer: MutationObserver | null = null;
  private frame: number | null = null;
  private currentPageKey: string | null = null;
  private currentPage: Page | null = null;
  private lastStatusKey: string | null = null;
  private hasProject = false;
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
    this.observer = new view.MutationObserver((mutations) => {
      if (mutations.some((mutation) => !this.isOwnMutation(mutation))) this.scheduleScan();
    });
    this.observe();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    if (this.frame !== null) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    for (const [element, tracked] of this.tracked) this.forget(element, tracked);
  }

  /** Finds the page's items and annotates the ones not seen yet. Reads everything first, then writes. */
  scan(): void {
    if (this.stopped) return;
    const url = this.doc.defaultView?.location.href ?? this.doc.URL;
    const extract = this.options.extract(this.doc, url);
    if (!extract) return;
    this.reportStatus(url, extract);
    const page: Page = { url, site: extract.site, kind: extract.kind, query: extract.query, firstRank: extract.firstRank };
    const key = pageKey(extract);
    const newQuery = key !== this.currentPageKey;
    // Single-page engines change the URL and the results at different moments: until the results are
    // replaced, the old query's results must not become the new query's snapshot.
    if (newQuery && this.currentPageKey !== null && this.showsTrackedResults(extract.items)) return;
    // Only now: forgetting removed items first would make a results list that merely lost one look unchanged.
    this.forgetDetached();
    const fresh = extract.items.filter((item) => newQuery || !this.isCurrent(item));

    this.withObserverPaused(() => {
      if (newQuery) this.forgetStale(extract.items);
      this.currentPageKey = key;
      this.currentPage = page;
      for (const item of fresh) this.mount(item);
    });
    if (fresh.length > 0) void this.requestStates(page, fresh);
  }

  private reportStatus(url: string, extract: PageExtract): void {
    const status = { site: extract.site, url, itemsFound: extract.items.length, blocksSeen: extract.blocksSeen ?? 0 };
    const key = JSON.stringify(status);
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.options.backend.reportStatus(status);
  }

  private showsTrackedResults(items: readonly Item[]): boolean {
    return items.length === this.tracked.size && items.every((item) => this.isCurrent(item));
  }

  private isCurrent(item: Item): boolean {
    const tracked = this.tracked.get(item.element);
    // A row not drawn yet is on its way; once drawn, a host the page took out must be put back.
    return tracked !== undefined && tracked.item.url === item.url && (tracked.view === null || tracked.view.isConnected());
  }

  /** After in-page navigation, rows of results that are gone must not leak into the new query's snapshot. */
  private forgetStale(items: readonly Item[]): void {
    const keep = new Set(items.map((item) => item.element));
    for (const [element, tracked] of this.tracked) if (!keep.has(element)) this.forget(element, tracked);
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

  private mount(item: Item): void {
    const element = item.element;
    element.setAttribute('data-rl-item', this.currentPage?.kind === 'forum' ? 'post' : 'serp');
    if (item.rank !== undefined) element.setAttribute('data-rl-rank', String(item.rank));
    else element.removeAttribute('data-rl-rank');
    element.setAttribute('data-rl-url', item.url);
    const page = this.currentPage;
    const view = this.tracked.get(element)?.view ?? null;
    const tracked: Tracked = { item, view, state: null, source: page?.kind === 'forum' ? page.site : null };
    this.tracked.set(element, tracked);
    // The row itself is drawn once the background answers: drawing it twice was most of our cost on big pages.
    this.writeLabel(tracked);
  }

  private async requestStates(page: Page, items: readonly Item[]): Promise<void> {
    try {
      const answer = await this.options.backend.observe(page, items.map(toPageItem));
      const projectChanged = this.hasProject !== (answer.projectId !== null);
      this.hasProject = answer.projectId !== null;
      this.countedFrom = answer.minSuggestionConfidence;
      const answered: Tracked[] = [];
      items.forEach((item, index) => {
        const tracked = this.tracked.get(item.element);
        const state = answer.items[index];
        if (!tracked || tracked.item !== item || !state) return;
        tracked.state = state;
        answered.push(tracked);
      });
      // Every row learns whether marking is possible when that changes.
      this.renderInFrames(projectChanged ? [...this.tracked.values()] : answered);
    } catch (error) {
      this.withObserverPaused(() => {
        for (const item of items) {
          const tracked = this.tracked.get(item.element);
          if (tracked) this.render(tracked, { error: errorMessage(error) });
        }
      });
    }
  }

  /**
   * Draws as many rows as the frame budget allows, the rest in the next animation frames, so a 100-result
   * page never gets one long task from us. Rows already drawn with newer state by then (a click) are
   * simply drawn again.
   */
  private renderInFrames(rows: readonly Tracked[]): void {
    const view = this.doc.defaultView;
    const started = performance.now();
    const budget = this.options.frameBudgetMs ?? FRAME_BUDGET_MS;
    let drawn = 0;
    this.withObserverPaused(() => {
      while (drawn < rows.length && (drawn === 0 || performance.now() - started < budget)) {
        const tracked = rows[drawn++]!;
        if (this.tracked.get(tracked.item.element) === tracked) this.render(tracked);
      }
    });
    const rest = rows.slice(drawn);
    if (rest.length === 0 || this.stopped) return;
    if (view) view.requestAnimationFrame(() => this.renderInFrames(rest));
    else this.renderInFrames(rest);
  }

  private async mark(element: Element, sentiment: MarkSentiment): Promise<void> {
    const tracked = this.tracked.get(element);
    if (!tracked) return;
    const current = tracked.state?.mark;
    const clearing = current?.sentiment === sentiment;
    await this.write(tracked, clearing ? null : sentiment, current?.recommends ?? false);
  }

  private async toggleRecommends(element: Element): Promise<void> {
    const tracked = this.tracked.get(element);
    if (!tracked) return;
    const recommendsNow = recommendStateOf(tracked.state ?? undefined) !== 'none';
    await this.write(tracked, tracked.state?.mark?.sentiment ?? null, !recommendsNow);
  }

  /** A mark shows as saved only once the background has written it; unacknowledged writes are retried. */
  private async write(tracked: Tracked, sentiment: MarkSentiment | null, recommends: boolean): Promise<void> {
    const page = this.currentPage;
    if (!page) return;
    this.withObserverPaused(() => this.render(tracked, { saving: true }));
    const attempts = this.options.markAttempts ?? 3;
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const state = await this.options.backend.mark(page, toPageItem(tracked.item), sentiment, recommends);
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
    this.withObserverPaused(() => this.render(tracked, { error: `Not saved: ${errorMessage(lastError)}` }));
  }

  private writeLabel(tracked: Tracked): { label: ItemLabel; labelSource: 'suggested' | 'marked' } {
    const { label, labelSource } = itemLabel(tracked.state);
    tracked.item.element.setAttribute('data-rl-label', label);
    tracked.item.element.setAttribute('data-rl-label-source', labelSource);
    return { label, labelSource };
  }

  private render(tracked: Tracked, transient: { saving?: boolean; error?: string } = {}): void {
    const { label, labelSource } = this.writeLabel(tracked);
    const view = (tracked.view ??= this.createView(tracked.item.element));
    if (!view.host.isConnected) tracked.item.element.append(view.host);
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
      hasProject: this.hasProject,
      source: tracked.source,
    });
  }

  private createView(element: Element): TagRowView {
    const host = findOwnRow(element) ?? this.doc.createElement(TAG_ROW_TAG);
    return this.options.createView(host, {
      onMark: (sentiment) => void this.mark(element, sentiment),
      onToggleRecommends: () => void this.toggleRecommends(element),
      onOpenDashboard: () => this.options.backend.openDashboard(),
    });
  }

  private withObserverPaused(write: () => void): void {
    this.observer?.disconnect();
    try {
      write();
    } finally {
      this.observe();
    }
  }

  private observe(): void {
    if (this.stopped || !this.observer) return;
    this.observer.observe(this.doc.body ?? this.doc.documentElement, { childList: true, subtree: true });
  }

  /** Scans at the next animation frame, once however often it is asked for before then. */
  scheduleScan(): void {
    const view = this.doc.defaultView;
    if (this.frame !== null || !view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = null;
      this.scan();
    });
  }

  private isOwnMutation(mutation: MutationRecord): boolean {
    const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
    return nodes.length > 0 && nodes.every((node) => node.nodeName.toLowerCase() === TAG_ROW_TAG);
  }
}

function findOwnRow(element: Element): Element | null {
  for (const child of element.children) if (child.localName === TAG_ROW_TAG) return child;
  return null;
}

function clearItemAttributes(element: Element): void {
  for (const name of ['data-rl-item', 'data-rl-rank', 'data-rl-url', 'data-rl-label', 'data-rl-label-source']) {
    element.removeAttribute(name);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
