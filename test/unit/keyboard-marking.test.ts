// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotator, type AnnotationBackend } from '@/lib/annotate/controller';
import { KeyboardMarking } from '@/lib/annotate/keyboard-controller';
import { KEYBOARD_MARKING_KEY, keyboardActionOf, toggleKeyboardMarking } from '@/lib/annotate/keyboard-marking';
import { shadowTagRowViews } from '@/lib/annotate/shadow-view';
import type { ItemState } from '@/lib/messaging';
import type { PageExtract } from '@/lib/sites';
import { recordShadowRoots } from '../support/shadow-roots';

const URLS = ['https://one.example/a', 'https://two.example/b', 'https://three.example/c'];

function extractResults(doc: Document): PageExtract {
  const items = [...doc.querySelectorAll('.result')].map((element, index) => ({
    rank: index + 1,
    url: element.querySelector('a')!.href,
    title: element.textContent ?? '',
    snippet: '',
    element,
  }));
  return { site: 'test', kind: 'serp', query: 'acme', firstRank: 1, items };
}

function stateOf(url: string, mark: ItemState['mark'] = null): ItemState {
  return { canonicalUrl: url, suggested: null, mark, flags: { clientSite: false, linksToClient: false, mentionsClient: false } };
}

function backend(projectId: string | null): AnnotationBackend {
  return {
    observe: vi.fn<AnnotationBackend['observe']>(async (_page, items) => ({ projectId, minSuggestionConfidence: 0, items: items.map((item) => stateOf(item.url)) })),
    mark: vi.fn<AnnotationBackend['mark']>(async (_page, item, sentiment, recommends) => stateOf(item.url, { sentiment, recommends, at: 1, suggestedAtMark: null })),
    openDashboard: vi.fn(),
    reportStatus: vi.fn(),
  };
}

/** What the page itself heard of the keys: its listeners on the window (bubble), the document and the search box. */
interface PageEars {
  heard: string[];
  searchBox: HTMLInputElement;
  editor: HTMLElement;
}

function buildPage(): PageEars {
  const heard: string[] = [];
  const searchBox = document.createElement('input');
  const editor = document.createElement('div');
  editor.setAttribute('contenteditable', '');
  editor.append(document.createElement('span'));
  document.body.append(searchBox, editor);
  for (const url of URLS) {
    const result = document.createElement('div');
    result.className = 'result';
    const link = document.createElement('a');
    link.href = url;
    link.textContent = `About ${url}`;
    result.append(link);
    document.body.append(result);
  }
  const listen = (target: EventTarget, name: string) => {
    for (const type of ['keydown', 'keyup']) target.addEventListener(type, (event) => heard.push(`${name} ${type} ${(event as KeyboardEvent).key}`));
  };
  listen(window, 'window');
  listen(document, 'document');
  listen(searchBox, 'search');
  return { heard, searchBox, editor };
}

/** Events made in a test are never trusted: a test's own guard stands for the user, except for those marked as the page's. */
const madeByPage = new WeakSet<Event>();
const isUserInput = (event: Event) => !madeByPage.has(event);

let controller: AbortController;
let annotator: PageAnnotator;
let api: AnnotationBackend;
let keyboard: KeyboardMarking;
let page: PageEars;
let rootOf: (host: Element) => ShadowRoot;

async function start(options: { projectId?: string | null; enabled?: boolean } = {}) {
  page = buildPage();
  api = backend(options.projectId === undefined ? 'p1' : options.projectId);
  annotator = new PageAnnotator(document, { extract: extractResults, backend: api, createView: shadowTagRowViews('', isUserInput), retryDelayMs: 1, rescanIntervalMs: 0 });
  annotator.start();
  keyboard = new KeyboardMarking(window, { rows: () => annotator.markableRows(), enabled: options.enabled ?? true, isUserInput });
  keyboard.start(controller.signal);
  await settle();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const results = () => [...document.querySelectorAll<HTMLElement>('.result')];

function press(target: EventTarget, key: string, init: KeyboardEventInit & { byPage?: boolean } = {}): KeyboardEvent {
  const code = /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`;
  const down = new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true, composed: true, ...init });
  const up = new KeyboardEvent('keyup', { key, code, bubbles: true, cancelable: true, composed: true, ...init });
  if (init.byPage) {
    madeByPage.add(down);
    madeByPage.add(up);
  }
  target.dispatchEvent(down);
  target.dispatchEvent(up);
  return down;
}

function hover(element: Element, at = { screenX: 10, screenY: 10 }) {
  element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true, ...at }));
  element.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, composed: true, ...at }));
}

/** The row of a result as drawn in its closed root: its pressed actions and whether it is outlined as current. */
function rowOf(result: Element) {
  const row = rootOf(result.querySelector('rl-tags')!).querySelector('.row')!;
  const pressed = [...row.querySelectorAll('button[aria-pressed="true"]')].map((button) => button.getAttribute('data-action'));
  return { pressed, current: row.getAttribute('data-current') === 'true' };
}

/** With the pointer on the first result, 1 and j mark and choose nothing: the page hears them. */
async function expectKeysLeftToPage({ rowsShown = true } = {}) {
  hover(results()[0]!);
  press(document.body, '1');
  press(document.body, 'j');
  await settle();
  expect(marks()).toEqual([]);
  expect(page.heard.filter((heard) => heard.startsWith('document keydown'))).toEqual(['document keydown 1', 'document keydown j']);
  if (rowsShown) expect(results().some((result) => rowOf(result).current)).toBe(false);
}

const marks = () => vi.mocked(api.mark).mock.calls.map(([, item, sentiment, recommends]) => `${item.url} ${sentiment} ${recommends}`);

beforeEach(() => {
  rootOf = recordShadowRoots();
  controller = new AbortController();
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  controller.abort();
  annotator.stop();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('keyboard marking', () => {
  it('marks the hovered item with each key through the row’s own write, as a click does', async () => {
    await start();
    const [first, second] = results();
    hover(first!.querySelector('a')!);
    for (const key of ['1', '2', '3', '0']) {
      press(document.body, key);
      await settle();
    }
    press(document.body, 'r');
    await settle();
    hover(second!);
    press(document.body, '3');
    await settle();
    expect(marks()).toEqual([
      `${URLS[0]} positive false`,
      `${URLS[0]} neutral false`,
      `${URLS[0]} negative false`,
      `${URLS[0]} irrelevant false`,
      `${URLS[0]} irrelevant true`,
      `${URLS[1]} negative false`,
    ]);
    // The same write a click makes: the state the row was drawn with goes along.
    expect(vi.mocked(api.mark).mock.calls[1]![4]).toEqual({ projectId: 'p1', markAt: 1 });
    expect(rowOf(first!).pressed).toEqual(['irrelevant', 'recommends']);
    expect(rowOf(second!).pressed).toEqual(['negative']);
  });

  it('pressing the key of the mark shown clears it, as a second click does', async () => {
    await start();
    hover(results()[0]!);
    press(document.body, '1');
    await settle();
    press(document.body, '1');
    await settle();
    expect(marks()).toEqual([`${URLS[0]} positive false`, `${URLS[0]} null false`]);
  });

  it('keeps the keys it acts on from the page: no listener on the document or the window’s bubble phase sees them', async () => {
    await start();
    hover(results()[0]!);
    const event = press(document.body, '1');
    expect(event.defaultPrevented).toBe(true);
    expect(page.heard).toEqual([]);
    // A key of no item is the page's.
    press(document.body, 'x');
    expect(page.heard).toEqual(['document keydown x', 'window keydown x', 'document keyup x', 'window keyup x']);
  });

  it('acts on the focused item when the pointer is on none', async () => {
    await start();
    const link = results()[2]!.querySelector('a')!;
    press(link, '3');
    await settle();
    expect(marks()).toEqual([`${URLS[2]} negative false`]);
  });

  it('marks nothing while the user types in a field, and the page gets every key', async () => {
    await start();
    hover(results()[0]!);
    for (const key of ['1', '2', 'r', 'j']) press(page.searchBox, key);
    press(page.editor.firstElementChild!, '3');
    const textarea = document.body.appendChild(document.createElement('textarea'));
    press(textarea, '0');
    await settle();
    expect(marks()).toEqual([]);
    expect(page.heard.filter((heard) => heard.includes('keydown'))).toEqual([
      ...['1', '2', 'r', 'j'].flatMap((key) => [`search keydown ${key}`, `document keydown ${key}`, `window keydown ${key}`]),
      'document keydown 3',
      'window keydown 3',
      'document keydown 0',
      'window keydown 0',
    ]);
  });

  it('counts a field inside an open shadow root as a field', async () => {
    await start();
    hover(results()[0]!);
    const widget = document.body.appendChild(document.createElement('div'));
    const input = widget.attachShadow({ mode: 'open' }).appendChild(document.createElement('input'));
    press(input, '1');
    await settle();
    expect(marks()).toEqual([]);
  });

  it('leaves keys with Ctrl, Alt or Meta, Shift+letters, and text being composed to the page', async () => {
    await start();
    hover(results()[0]!);
    press(document.body, '1', { ctrlKey: true });
    press(document.body, '1', { altKey: true });
    press(document.body, '1', { metaKey: true });
    press(document.body, 'R', { shiftKey: true });
    press(document.body, '2', { isComposing: true });
    await settle();
    expect(marks()).toEqual([]);
    expect(page.heard.filter((heard) => heard.startsWith('document keydown'))).toHaveLength(5);
  });

  it('takes a letter by its physical key in a Cyrillic layout, and digits by the character typed', () => {
    expect(keyboardActionOf({ key: 'к', code: 'KeyR', shiftKey: false })).toBe('recommends');
    expect(keyboardActionOf({ key: 'о', code: 'KeyJ', shiftKey: false })).toBe('next');
    expect(keyboardActionOf({ key: 'J', code: 'KeyJ', shiftKey: false })).toBe('next');
    expect(keyboardActionOf({ key: 'J', code: 'KeyJ', shiftKey: true })).toBeNull();
    // AZERTY: the digit row types "&" unshifted, "1" with Shift.
    expect(keyboardActionOf({ key: '&', code: 'Digit1', shiftKey: false })).toBeNull();
    expect(keyboardActionOf({ key: '1', code: 'Digit1', shiftKey: true })).toBe('positive');
    expect(keyboardActionOf({ key: '!', code: 'Digit1', shiftKey: true })).toBeNull();
  });

  it('ignores key presses and pointer moves the page makes', async () => {
    await start();
    hover(results()[0]!);
    const event = press(document.body, '1', { byPage: true });
    const fake = new MouseEvent('mouseover', { bubbles: true, composed: true });
    madeByPage.add(fake);
    results()[1]!.dispatchEvent(fake);
    press(document.body, '2');
    await settle();
    expect(event.defaultPrevented).toBe(false);
    expect(page.heard.slice(0, 2)).toEqual(['document keydown 1', 'window keydown 1']);
    // The page's mouseover did not move the user's pointer to the second result.
    expect(marks()).toEqual([`${URLS[0]} neutral false`]);
  });

  it('j/k choose the next and previous item, outlined in its row and scrolled into view, and stop at the ends', async () => {
    await start();
    const [first, second, third] = results();
    // From no item j starts at the first; the other keys are the page's.
    press(document.body, '1');
    expect(page.heard).toContain('document keydown 1');
    press(document.body, 'j');
    expect(rowOf(first!).current).toBe(true);
    expect(first!.scrollIntoView).toHaveBeenCalledWith({ block: 'nearest' });
    for (const key of ['j', 'j', 'j']) press(document.body, key);
    expect([first, second, third].map((result) => rowOf(result!).current)).toEqual([false, false, true]);
    press(document.body, 'k');
    expect([first, second, third].map((result) => rowOf(result!).current)).toEqual([false, true, false]);
    press(document.body, '3');
    for (const key of ['k', 'k', 'k']) press(document.body, key);
    press(document.body, '0');
    await settle();
    expect(marks()).toEqual([`${URLS[1]} negative false`, `${URLS[0]} irrelevant false`]);
    expect(page.heard.filter((heard) => /[jk03]$/.test(heard))).toEqual([]);
  });

  it('after j the chosen item comes before the one under a resting pointer, until the pointer moves', async () => {
    await start();
    const [first, second, third] = results();
    hover(first!);
    press(document.body, 'j');
    expect(rowOf(second!).current).toBe(true);
    // The page scrolled under the pointer: the browser tells of another element under it, at the same place.
    hover(third!);
    press(document.body, '3');
    await settle();
    hover(third!, { screenX: 40, screenY: 90 });
    press(document.body, '1');
    await settle();
    expect(marks()).toEqual([`${URLS[1]} negative false`, `${URLS[2]} positive false`]);
  });

  it('does nothing when switched off, and follows the switch', async () => {
    await start({ enabled: false });
    await expectKeysLeftToPage();
    keyboard.setEnabled(true);
    press(document.body, 'j');
    expect(rowOf(results()[1]!).current).toBe(true);
    keyboard.setEnabled(false);
    expect(rowOf(results()[1]!).current).toBe(false);
  });

  it('leaves every key to the page without a project (the rows ask for one)', async () => {
    await start({ projectId: null });
    await expectKeysLeftToPage();
    expect(api.openDashboard).not.toHaveBeenCalled();
  });

  it('leaves every key to the page while the tags are hidden (quiet mode), and marks again once shown', async () => {
    await start();
    annotator.setHidden(true);
    await settle();
    await expectKeysLeftToPage({ rowsShown: false });
    annotator.setHidden(false);
    await settle();
    hover(results()[0]!);
    press(document.body, '1');
    await settle();
    expect(marks()).toEqual([`${URLS[0]} positive false`]);
  });

  it('stops listening once the script is replaced', async () => {
    await start();
    hover(results()[0]!);
    press(document.body, 'j');
    controller.abort();
    expect(rowOf(results()[0]!).current).toBe(false);
    press(document.body, '1');
    await settle();
    expect(marks()).toEqual([]);
  });
});

describe('the switch', () => {
  it('is flipped by the global shortcut’s command, on from unset', async () => {
    const stored: Record<string, unknown> = {};
    const storage = {
      get: async (key: string) => ({ [key]: stored[key] }),
      set: async (items: Record<string, unknown>) => void Object.assign(stored, items),
    };
    expect(await toggleKeyboardMarking(storage)).toBe(false);
    expect(stored[KEYBOARD_MARKING_KEY]).toBe(false);
    expect(await toggleKeyboardMarking(storage)).toBe(true);
  });
});
