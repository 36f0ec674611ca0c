// The test Chromium shared by the e2e tests and the benchmarks: the system Chromium, headless, over a pipe,
// every page served at its real URL from memory through request interception, every other request aborted
// and recorded, and the extension's service worker watched through CDP (its traffic never passes a page's
// interception). It can also start without the extension: the baseline the benchmarks measure against.
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type KeyInput, type Page, type Target } from 'puppeteer';
import { pollUntil } from './poll';
import { auditFromExtensionPage } from './site-audit';
import { openTestTab, type BlockedRequest } from './test-tab';

export type { BlockedRequest } from './test-tab';

export interface TestBrowser {
  browser: Browser;
  /** Null for the baseline browser that runs without the extension. */
  extensionId: string | null;
  /** Every request that was not a served page: aborted (no network), and kept for the report. */
  blocked: BlockedRequest[];
  /** Extension service workers whose traffic is recorded (so "no requests" is never vacuous). */
  watchedWorkers: ReadonlySet<string>;
  /** The extension's service worker, seen through the session that records its traffic; rejects while there is none. */
  extensionWorker(): Promise<WatchedWorker>;
  /** A tab with interception on, not navigated yet (so tracing can start before the navigation). */
  newTab(): Promise<Page>;
  extensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const NO_BROWSER_MESSAGE =
  'No Chromium found: install one (apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary';

/** The first file called `name` in a directory of the PATH. */
export function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((directory) => path.join(directory, name))
    .find((candidate) => existsSync(candidate));
}

/** Puppeteer's own cache (~/.cache/puppeteer): empty unless someone ran `npx puppeteer browsers install`. */
function puppeteerCachedBrowser(): string | undefined {
  try {
    const cached = puppeteer.executablePath();
    return existsSync(cached) ? cached : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The browser the tests drive: PUPPETEER_EXECUTABLE_PATH when set, else a system Chrome/Chromium on the PATH,
 * else one in puppeteer's cache. Throws one line that says how to get a browser when there is none.
 */
export function chromiumExecutable(): string {
  const configured = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`PUPPETEER_EXECUTABLE_PATH is ${configured}, which does not exist. ${NO_BROWSER_MESSAGE}`);
    return configured;
  }
  const found = SYSTEM_BROWSER_NAMES.map(onPath).find(Boolean) ?? puppeteerCachedBrowser();
  if (!found) throw new Error(NO_BROWSER_MESSAGE);
  return found;
}

const isExtensionUrl = (url: string | undefined): boolean => Boolean(url?.startsWith('chrome-extension://'));

/** An extension service worker as its recording session sees it, through every stop and start. */
export interface WatchedWorker {
  /** False from the moment it stopped until Chrome starts it again. */
  readonly running: boolean;
  /** How many times it started while watched: 1 until it was stopped and started again. */
  readonly starts: number;
  /**
   * Stops it as Chrome does when it idles (the worker's own stop, not a crash): the next event, a message from a
   * page, starts it again. Resolves once it has stopped.
   */
  stop(): Promise<void>;
  /** Evaluates `expression` in its global scope and returns the value (it must be running). */
  evaluate<T>(expression: string): Promise<T>;
}

/**
 * Records the worker's traffic through a DevTools session that stays attached. While a client is attached,
 * Chrome keeps the worker's target when the worker stops, and holds it at its first line when it starts again,
 * waiting for the debugger: left so, a stopped worker never answers again. The session lets it run each time,
 * as the DevTools front end does, so its traffic is still recorded from its first request.
 */
async function watchServiceWorker(target: Target, onRequest: (url: string) => void): Promise<WatchedWorker> {
  const session = await target.createCDPSession();
  const { targetInfo } = await session.send('Target.getTargetInfo');
  let running = true;
  let starts = 1;
  const stopped: (() => void)[] = [];
  session.on('Network.requestWillBeSent', (event) => onRequest(event.request.url));
  session.on('Inspector.targetCrashed', () => {
    running = false;
    for (const resolve of stopped.splice(0)) resolve();
  });
  session.on('Inspector.targetReloadedAfterCrash', () => {
    running = true;
    starts += 1;
    void session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
  });
  await Promise.all([session.send('Network.enable'), session.send('Inspector.enable')]);
  return {
    get running() {
      return running;
    },
    get starts() {
      return starts;
    },
    async stop() {
      if (!running) return;
      const done = new Promise<void>((resolve) => stopped.push(resolve));
      // Closing a service worker's target stops the worker (its version's StopWorker, as on idle), nothing else.
      await session.connection()!.send('Target.closeTarget', { targetId: targetInfo.targetId });
      await withTimeout(done, 10_000, `The service worker ${targetInfo.url} did not stop`);
    },
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(`Evaluating in the service worker failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as T;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Launches Chromium serving `pages` (URL -> HTML) at their real URLs, with the extension in `extensionDir` if given. */
export async function launchTestBrowser(options: {
  pages: ReadonlyMap<string, string | Buffer>;
  extensionDir?: string;
  /** The profile's directory; a fresh temporary one by default. */
  userDataDir?: string;
}): Promise<TestBrowser> {
  const browser = await puppeteer.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    pipe: true,
    ...(options.userDataDir && { userDataDir: options.userDataDir }),
    enableExtensions: options.extensionDir !== undefined,
    args: LAUNCH_ARGS,
  });
  const blocked: BlockedRequest[] = [];

  // The service worker's own traffic never passes a page's interception, so CDP records it.
  const watched = new Set<string>();
  const workers = new Map<string, Promise<WatchedWorker>>();
  const watchWorker = async (target: Target) => {
    if (target.type() !== 'service_worker' || !isExtensionUrl(target.url()) || watched.has(target.url())) return;
    watched.add(target.url());
    const worker = watchServiceWorker(target, (url) => blocked.push({ url, fromExtension: true }));
    workers.set(target.url(), worker);
    await worker;
  };
  browser.on('targetcreated', (target: Target) => void watchWorker(target).catch(() => undefined));
  const extensionId = options.extensionDir ? await browser.installExtension(options.extensionDir) : null;
  for (const target of browser.targets()) await watchWorker(target).catch(() => undefined);

  const newTab = () => openTestTab(browser, options.pages, blocked, isExtensionUrl);

  return {
    browser,
    extensionId,
    blocked,
    watchedWorkers: watched,
    async extensionWorker() {
      const origin = `chrome-extension://${extensionId}/`;
      const worker = [...workers].find(([url]) => extensionId && url.startsWith(origin))?.[1];
      if (!worker) throw new Error('No service worker of the extension is watched');
      return worker;
    },
    newTab,
    async extensionPage(file) {
      if (!extensionId) throw new Error('This browser runs without the extension');
      const page = await newTab();
      await page.goto(`chrome-extension://${extensionId}/${file}`, { waitUntil: 'load' });
      return page;
    },
    close: () => browser.close(),
  };
}


/**
 * Allows the extension on `origin` the way a user does on chrome://extensions (site access), through that page's
 * private API: the browser's permission prompt cannot be clicked headless, and once the origin is allowed there,
 * the extension's own `permissions.request` for it resolves at once without a prompt.
 */
export async function allowSiteAccess(testBrowser: TestBrowser, origin: string): Promise<void> {
  if (!testBrowser.extensionId) throw new Error('This browser runs without the extension');
  const settings = await testBrowser.browser.newPage();
  try {
    await settings.goto('chrome://extensions/', { waitUntil: 'load' });
    await settings.evaluate(
      (extensionId, pattern) =>
        (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome
          .developerPrivate.addHostPermission(extensionId, pattern),
      testBrowser.extensionId,
      `${origin}/*`,
    );
  } finally {
    await settings.close();
  }
}

/** "Audit this site" without the popup (the benchmark has no tab to open it for): allows the origin, then audits it. */
export async function auditSite(testBrowser: TestBrowser, origin: string): Promise<void> {
  await allowSiteAccess(testBrowser, origin);
  const page = await testBrowser.extensionPage('manifest.json');
  try {
    await auditFromExtensionPage(page, origin);
  } finally {
    await page.close();
  }
}

// Tag rows live in CLOSED shadow roots that no page script can open (DESIGN.md section 5): the tests read and
// click them the way DevTools does, through the DevTools protocol with shadow roots pierced, and click with real
// mouse input at the button's coordinates, since a script-made click does nothing.

export const TAG_ACTIONS = ['positive', 'neutral', 'negative', 'irrelevant', 'recommends'] as const;
export type TagAction = (typeof TAG_ACTIONS)[number];

export interface TagButtonState {
  /** `aria-pressed="true"`: the user's mark. */
  pressed: boolean;
  /** `data-suggested="true"`: the suggestion (never pressed). */
  suggested: boolean;
  /** Disabled while a write waits for the background. */
  disabled: boolean;
}

export interface TagRowReading {
  buttons: Record<TagAction, TagButtonState>;
  /** The sentiment the user marked, or null. */
  marked: TagAction | null;
  /** The suggested sentiment, or null (none, or the user marked one). */
  suggested: TagAction | null;
  /** The row's parts in order, each with its class and text (`{ className: 'badge badge-client', text: 'client site' }`). */
  parts: { className: string; text: string }[];
  /** Outlined as the item keyboard marking acts on (chosen with j/k). */
  current: boolean;
}

/** A node of a drawn row as DevTools' DOM.getDocument gives it: attributes as [name, value, name, value, …]. */
export interface RowNode {
  nodeType: number;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: RowNode[];
}

interface DomNode extends RowNode {
  nodeId: number;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** The DevTools session the tag rows of `page` are read through, one per page for its whole life. */
export function devtoolsOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.createCDPSession();
    sessions.set(page, session);
  }
  return session;
}

function attributeOf(node: RowNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let index = 0; index < attributes.length; index += 2) if (attributes[index] === name) return attributes[index + 1];
  return undefined;
}

function findNode(node: DomNode, matches: (candidate: DomNode) => boolean): DomNode | undefined {
  if (matches(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, matches);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: RowNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  return (node.children ?? []).map(textOf).join('');
}

/**
 * The `<rl-tags>` host of the first item matching `itemSelector` and its drawn row (`.row` in its closed root), with
 * node ids valid until the next call (every call takes the whole document afresh, closed roots included).
 */
async function tagRowNodes(page: Page, itemSelector: string): Promise<{ host: DomNode; row: DomNode } | null> {
  const session = await devtoolsOf(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: itemSelector });
  const item = nodeId ? findNode(root, (node) => node.nodeId === nodeId) : undefined;
  const host = item?.children?.find((child) => child.localName === 'rl-tags');
  const row = host?.shadowRoots?.[0]?.children?.find((child) => (attributeOf(child, 'class') ?? '').split(' ').includes('row'));
  return host && row ? { host, row } : null;
}

async function tagRowNode(page: Page, itemSelector: string): Promise<DomNode | null> {
  return (await tagRowNodes(page, itemSelector))?.row ?? null;
}

function buttonOf<Node extends RowNode>(row: { children?: Node[] }, action: TagAction): Node | undefined {
  return row.children?.find((child) => child.localName === 'button' && attributeOf(child, 'data-action') === action);
}

function buttonState(button: RowNode | undefined): TagButtonState {
  return {
    pressed: button !== undefined && attributeOf(button, 'aria-pressed') === 'true',
    suggested: button !== undefined && attributeOf(button, 'data-suggested') === 'true',
    disabled: button === undefined || attributeOf(button, 'disabled') !== undefined,
  };
}

/** What a drawn row (its `.row` element) shows. */
export function tagRowReading(row: RowNode): TagRowReading {
  const buttons = Object.fromEntries(TAG_ACTIONS.map((action) => [action, buttonState(buttonOf(row, action))])) as Record<TagAction, TagButtonState>;
  const sentiments = TAG_ACTIONS.filter((action) => action !== 'recommends');
  return {
    buttons,
    marked: sentiments.find((action) => buttons[action].pressed) ?? null,
    suggested: sentiments.find((action) => buttons[action].suggested) ?? null,
    parts: (row.children ?? []).filter((child) => child.nodeType === 1).map((child) => ({ className: attributeOf(child, 'class') ?? '', text: textOf(child) })),
    current: attributeOf(row, 'data-current') === 'true',
  };
}

/** What the tag row of the first item matching `itemSelector` shows, or null while it has none. */
export async function readTagRow(page: Page, itemSelector: string): Promise<TagRowReading | null> {
  const row = await tagRowNode(page, itemSelector);
  return row ? tagRowReading(row) : null;
}

/** Waits until the item's row satisfies `until` (by default: the row is drawn); throws saying what it last showed. */
export async function waitForTagRow(
  page: Page,
  itemSelector: string,
  until: (row: TagRowReading) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<TagRowReading> {
  return pollTagRow(() => readTagRow(page, itemSelector), itemSelector, until, timeoutMs);
}

/** Reads a row with `read` until it satisfies `until`; throws saying what it last showed. */
export function pollTagRow(
  read: () => Promise<TagRowReading | null>,
  itemSelector: string,
  until: (row: TagRowReading) => boolean,
  timeoutMs: number,
): Promise<TagRowReading> {
  return pollUntil(read, (row): row is TagRowReading => row !== null && until(row), timeoutMs, `The expected tag row of ${itemSelector}`);
}

/** Waits until the item's row shows `action` as the user's mark (its button pressed). */
export async function waitForTagMark(page: Page, itemSelector: string, action: TagAction, timeoutMs?: number): Promise<TagRowReading> {
  return waitForTagRow(page, itemSelector, (row) => row.buttons[action].pressed, timeoutMs);
}

/** A node's ids in DevTools: valid until the next read of the page. */
type NodeIds = Pick<DomNode, 'nodeId' | 'backendNodeId'>;

/** The item's button for `action` once it is drawn and enabled: its node ids, valid until the next read of the page. */
export async function enabledTagButton(page: Page, itemSelector: string, action: TagAction, timeoutMs = 15_000): Promise<NodeIds> {
  const enabledButton = async (): Promise<NodeIds | null> => {
    const row = await tagRowNode(page, itemSelector);
    const button = row ? buttonOf(row, action) : undefined;
    return button && !buttonState(button).disabled ? { nodeId: button.nodeId, backendNodeId: button.backendNodeId } : null;
  };
  return pollUntil(enabledButton, (button): button is NodeIds => button !== null, timeoutMs, `An enabled "${action}" button in the tag row of ${itemSelector}`);
}

/**
 * Shows the node as a user sees what they click: its tab in front, the node scrolled into view and drawn there
 * (two frames later). Gives the centre of its content box, in the page's CSS pixels. A tag row is drawn only once
 * it is on screen in a shown tab (off screen its contents are skipped: `content-visibility: auto`); until then a
 * click at its place finds no button.
 */
export async function centreOf(page: Page, backendNodeId: number): Promise<{ x: number; y: number }> {
  const session = await devtoolsOf(page);
  await page.bringToFront();
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(resolve));
        setTimeout(resolve, 1000);
      }),
  );
  const { model } = await session.send('DOM.getBoxModel', { backendNodeId });
  const [x1, y1, , , x3, y3] = model.content;
  return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
}

/** A border box in the page's CSS pixels, as the viewport shows it. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TagRowLayout {
  /** The `<rl-tags>` element in the page. */
  host: Box;
  /** The drawn row inside its closed root. */
  row: Box;
  /** Each element of the row, in order (`action` for the buttons). */
  parts: { className: string; action: string | null; box: Box }[];
}

/** Where the item's row and each of its parts are drawn, the row first scrolled into view and drawn (see centreOf). */
export async function tagRowLayout(page: Page, itemSelector: string): Promise<TagRowLayout | null> {
  const found = await tagRowNodes(page, itemSelector);
  if (!found) return null;
  await centreOf(page, found.host.backendNodeId);
  const session = await devtoolsOf(page);
  const boxOf = async (node: DomNode): Promise<Box> => {
    const { model } = await session.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
    const [left, top, , , right, bottom] = model.border as [number, number, number, number, number, number];
    return { left, top, right, bottom };
  };
  const elements = (found.row.children ?? []).filter((child) => child.nodeType === 1);
  return {
    host: await boxOf(found.host),
    row: await boxOf(found.row),
    parts: await Promise.all(
      elements.map(async (part) => ({ className: attributeOf(part, 'class') ?? '', action: attributeOf(part, 'data-action') ?? null, box: await boxOf(part) })),
    ),
  };
}

/** Clicks the item's `action` button with real mouse input at its coordinates, as the user does. */
export async function clickTagButton(page: Page, itemSelector: string, action: TagAction): Promise<void> {
  const { backendNodeId } = await enabledTagButton(page, itemSelector, action);
  const { x, y } = await centreOf(page, backendNodeId);
  await page.mouse.click(x, y);
}

/** Focuses the item's `action` button and presses `key` on the real keyboard, as a keyboard user does. */
export async function pressKeyOnTagButton(page: Page, itemSelector: string, action: TagAction, key: KeyInput): Promise<void> {
  const { backendNodeId } = await enabledTagButton(page, itemSelector, action);
  await (await devtoolsOf(page)).send('DOM.focus', { backendNodeId });
  await page.keyboard.press(key);
}

/** The selector of the search result at `rank`. */
export const rankSelector = (rank: number): string => `[data-rl-rank="${rank}"]`;
