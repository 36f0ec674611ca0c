// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotator, type AnnotationBackend } from '@/lib/annotate/controller';
import { shadowPageNotices, type PageNoticeFactory } from '@/lib/annotate/page-notice';
import {
  QUIET_MODE_KEY,
  TAGS_SHOWN,
  changeQuietMode,
  hidesTagsOn,
  quietModeOf,
  toggleSiteQuiet,
  withEverywhereHidden,
  withSiteHidden,
} from '@/lib/annotate/quiet-mode';
import { shadowTagRowViews, type UserInputGuard } from '@/lib/annotate/shadow-view';
import { followStoredSetting, type StorageChangeEvents } from '@/lib/settings/extension-storage';
import { memoryStorageArea } from '../support/extension-storage';
import { extractResults, itemState } from '../support/result-page';
import { recordShadowRoots } from '../support/shadow-roots';

describe('quiet mode setting', () => {
  it('reads what does not parse as tags shown', () => {
    expect(quietModeOf(undefined)).toEqual(TAGS_SHOWN);
    expect(quietModeOf({ everywhere: 'yes', sites: [] })).toEqual(TAGS_SHOWN);
    expect(quietModeOf({ everywhere: false, sites: [42] })).toEqual(TAGS_SHOWN);
    expect(quietModeOf({ everywhere: true, sites: ['www.google.com'] })).toEqual({ everywhere: true, sites: ['www.google.com'] });
  });

  it('hides per site or everywhere', () => {
    const onGoogle = withSiteHidden(TAGS_SHOWN, 'www.google.com', true);
    expect(hidesTagsOn(onGoogle, 'www.google.com')).toBe(true);
    expect(hidesTagsOn(onGoogle, 'www.bing.com')).toBe(false);
    expect(withSiteHidden(onGoogle, 'www.google.com', true).sites).toEqual(['www.google.com']);
    expect(hidesTagsOn(withEverywhereHidden(TAGS_SHOWN, true), 'www.bing.com')).toBe(true);
    expect(withSiteHidden(onGoogle, 'www.google.com', false)).toEqual(TAGS_SHOWN);
  });

  it('follows changes of its own key in local storage only', () => {
    const listeners = new Set<Parameters<StorageChangeEvents['addListener']>[0]>();
    const events: StorageChangeEvents = { addListener: (listener) => listeners.add(listener), removeListener: (listener) => listeners.delete(listener) };
    const followed: unknown[] = [];
    const stop = followStoredSetting(events, QUIET_MODE_KEY, (value) => followed.push(quietModeOf(value)));
    const change = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      for (const listener of listeners) listener(changes, area);
    };
    const hidden = { everywhere: true, sites: [] };
    change({ [QUIET_MODE_KEY]: { newValue: hidden } }, 'local');
    expect(followed).toEqual([hidden]);
    change({ [QUIET_MODE_KEY]: {} }, 'local');
    expect(followed).toEqual([hidden, TAGS_SHOWN]);
    change({ [QUIET_MODE_KEY]: { newValue: hidden } }, 'sync');
    change({ uiLocale: { newValue: 'ru' } }, 'local');
    expect(followed).toEqual([hidden, TAGS_SHOWN]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('the shortcut toggles the site, and shows tags hidden everywhere', async () => {
    const storage = memoryStorageArea();
    expect(await toggleSiteQuiet(storage, 'www.google.com')).toEqual({ everywhere: false, sites: ['www.google.com'] });
    expect(await toggleSiteQuiet(storage, 'www.google.com')).toEqual(TAGS_SHOWN);
    await changeQuietMode(storage, (mode) => withEverywhereHidden(mode, true));
    expect((await storage.get(QUIET_MODE_KEY))[QUIET_MODE_KEY]).toEqual({ everywhere: true, sites: [] });
    expect(await toggleSiteQuiet(storage, 'www.google.com')).toEqual(TAGS_SHOWN);
  });
});

/** A background whose active project is `project.id` at each answer (null: none). */
function backend(project: { id: string | null }): AnnotationBackend {
  return {
    observe: vi.fn<AnnotationBackend['observe']>(async (_page, items) => ({
      projectId: project.id,
      minSuggestionConfidence: 0,
      items: items.map((item) => itemState(item.url)),
    })),
    mark: vi.fn<AnnotationBackend['mark']>(async (_page, item, sentiment, recommends) =>
      itemState(item.url, { mark: { sentiment, recommends, at: 1, suggestedAtMark: null } }),
    ),
    openDashboard: vi.fn(),
    reportStatus: vi.fn(),
  };
}

function addResults(parent: Element, count: number, tag = 'div') {
  for (let index = 1; index <= count; index++) {
    const block = document.createElement(tag);
    block.className = 'result';
    const link = document.createElement('a');
    link.href = `https://r${index}.example/`;
    link.textContent = `Result ${index}`;
    block.append(link);
    parent.append(block);
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 50));
/** Clicks in a test stand for the user's own, unless a test says otherwise. */
const asUserInput: UserInputGuard = () => true;

let annotator: PageAnnotator | null = null;
let rootOf: (host: Element) => ShadowRoot;
beforeEach(() => {
  rootOf = recordShadowRoots();
  window.history.replaceState(null, '', '/search?q=acme');
});
afterEach(() => {
  annotator?.stop();
  annotator = null;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function start(api: AnnotationBackend, options: { notices?: PageNoticeFactory; hidden?: boolean } = {}) {
  const hideOnSite = vi.fn();
  const extract = vi.fn(extractResults);
  annotator = new PageAnnotator(document, {
    extract,
    backend: api,
    createView: shadowTagRowViews('', asUserInput),
    notice: { create: options.notices ?? shadowPageNotices('', asUserInput), hideOnSite },
    retryDelayMs: 1,
    rescanIntervalMs: 0,
    // Every row in the answer's own task: a busy machine must not leave some for frames after the test's wait.
    frameBudgetMs: 10_000,
  });
  if (options.hidden) annotator.setHidden(true);
  annotator.start();
  return { hideOnSite, extract };
}

const notices = () => [...document.querySelectorAll('rl-notice')];
const rows = () => [...document.querySelectorAll('rl-tags')];
const noticeButton = (action: string) => rootOf(notices()[0]!).querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
const rowButton = (item: Element, action: string) => rootOf(item.querySelector('rl-tags')!).querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;

describe('one notice per page without a project', () => {
  it('no project: one notice, in a closed root just before the first item, and no row repeats it', async () => {
    addResults(document.body, 5);
    const api = backend({ id: null });
    const { extract } = start(api);
    await flush();
    expect(notices()).toHaveLength(1);
    const notice = notices()[0]!;
    expect(notice.shadowRoot).toBeNull();
    expect(notice.nextElementSibling).toBe(document.querySelector('.result'));
    expect(rootOf(notice).textContent).toMatch(/no project/);
    // The rows keep their suggestions (DESIGN.md section 5), without a word about the project.
    expect(rows()).toHaveLength(5);
    for (const row of rows()) expect(rootOf(row).textContent).not.toMatch(/project/i);
    // The notice coming and going (another instance of the script took over, say) is no change of the page's:
    // no second scan, no second observation.
    notice.remove();
    await flush();
    expect(extract).toHaveBeenCalledTimes(1);
    expect(api.observe).toHaveBeenCalledTimes(1);
  });

  it('with a project: rows and no notice', async () => {
    addResults(document.body, 3);
    start(backend({ id: 'p1' }));
    await flush();
    expect(rows()).toHaveLength(3);
    expect(notices()).toHaveLength(0);
  });

  it('its buttons open the dashboard and hide the tags on this site', async () => {
    addResults(document.body, 2);
    const api = backend({ id: null });
    const { hideOnSite } = start(api);
    await flush();
    noticeButton('open-dashboard').click();
    expect(api.openDashboard).toHaveBeenCalledTimes(1);
    noticeButton('hide-on-site').click();
    expect(hideOnSite).toHaveBeenCalledTimes(1);
  });

  it("the page's own clicks on it do nothing", async () => {
    addResults(document.body, 2);
    const api = backend({ id: null });
    // The real guard: only the browser's own (trusted) input acts, and no event made by a script is.
    const { hideOnSite } = start(api, { notices: shadowPageNotices('') });
    await flush();
    noticeButton('open-dashboard').click();
    noticeButton('hide-on-site').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(api.openDashboard).not.toHaveBeenCalled();
    expect(hideOnSite).not.toHaveBeenCalled();
  });

  it('goes, and the rows mark, once a project is set up and the page asks again', async () => {
    addResults(document.body, 2);
    const project: { id: string | null } = { id: null };
    const api = backend(project);
    start(api);
    await flush();
    const first = document.querySelector('.result')!;
    rowButton(first, 'positive').click();
    expect(api.openDashboard).toHaveBeenCalledTimes(1);
    project.id = 'p1';
    annotator!.recheckProject();
    await flush();
    expect(notices()).toHaveLength(0);
    rowButton(first, 'positive').click();
    await flush();
    expect(api.mark).toHaveBeenCalledWith(expect.anything(), expect.anything(), 'positive', false, { projectId: 'p1', markAt: null });
    // Asked again only while no project is known.
    annotator!.recheckProject();
    expect(api.observe).toHaveBeenCalledTimes(2);
  });

  it('stands in the first item where the items are list entries or table rows', async () => {
    const list = document.createElement('ol');
    document.body.append(list);
    addResults(list, 2, 'li');
    start(backend({ id: null }));
    await flush();
    expect(notices()[0]!.parentElement).toBe(list.firstElementChild);
    expect(list.children).toHaveLength(2);
  });
});

describe('quiet mode on the page', () => {
  it('hides the rows at once and brings them back with their marks, the items still observed', async () => {
    addResults(document.body, 3);
    const api = backend({ id: 'p1' });
    start(api);
    await flush();
    const first = document.querySelector('.result')!;
    rowButton(first, 'negative').click();
    await flush();
    annotator!.setHidden(true);
    expect(rows()).toHaveLength(0);
    // The page's items keep their attributes: the rows are what quiet mode hides, not the observation.
    expect(document.querySelectorAll('[data-rl-item]')).toHaveLength(3);
    addResults(document.body, 1);
    annotator!.scan();
    await flush();
    expect(api.observe).toHaveBeenCalledTimes(2);
    expect(rows()).toHaveLength(0);
    annotator!.setHidden(false);
    expect(rows()).toHaveLength(4);
    expect(rowButton(first, 'negative').getAttribute('aria-pressed')).toBe('true');
    expect(api.mark).toHaveBeenCalledTimes(1);
  });

  it('a page opened hidden shows nothing, notice included, until shown', async () => {
    addResults(document.body, 2);
    start(backend({ id: null }), { hidden: true });
    await flush();
    expect(rows()).toHaveLength(0);
    expect(notices()).toHaveLength(0);
    annotator!.setHidden(false);
    expect(rows()).toHaveLength(2);
    expect(notices()).toHaveLength(1);
    annotator!.setHidden(true);
    expect(notices()).toHaveLength(0);
  });
});
