// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotator, type AnnotationBackend, type AnnotatorOptions } from '@/lib/annotate/controller';
import { ITEMS_PER_MESSAGE, MAX_ITEMS_PER_PAGE } from '@/lib/annotate/observation';
import { takeOverPage } from '@/lib/annotate/script-lifetime';
import { shadowTagRowViews } from '@/lib/annotate/shadow-view';
import { protocol } from '@/lib/messaging';
import type { PageExtract } from '@/lib/sites';
import type { KnownItems } from '@/lib/sites/types';
import { extractResults, itemState as state } from '../support/result-page';
import { recordShadowRoots } from '../support/shadow-roots';

type Observe = AnnotationBackend['observe'];
type Mark = AnnotationBackend['mark'];

function backend(projectId: string | null = 'p1'): AnnotationBackend & { observed: string[][] } {
  const observed: string[][] = [];
  return {
    observed,
    observe: vi.fn<Observe>(async (_page, items) => {
      observed.push(items.map((item) => item.url));
      return { projectId, minSuggestionConfidence: 0, items: items.map((item) => state(item.url)) };
    }),
    mark: vi.fn<Mark>(async (_page, item, sentiment, recommends) =>
      state(item.url, { mark: { sentiment, recommends, at: 1, suggestedAtMark: null } }),
    ),
    openDashboard: vi.fn(),
    reportStatus: vi.fn(),
  };
}

function addResult(url: string) {
  const block = document.createElement('div');
  block.className = 'result';
  const link = document.createElement('a');
  link.href = url;
  link.textContent = `Title of ${url}`;
  block.append(link);
  document.body.append(block);
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 50));

let annotator: PageAnnotator | null = null;
let rootOf: (host: Element) => ShadowRoot;
beforeEach(() => {
  rootOf = recordShadowRoots();
});
afterEach(() => {
  annotator?.stop();
  annotator = null;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Clicks in a test stand for the user's own (they are never trusted); tag-row.test.ts covers the guard. */
const rowsForTests = () => shadowTagRowViews('', () => true);

/** The tag row of an item, read inside its closed root. */
function rowOf(item: Element) {
  const host = item.querySelector(':scope > rl-tags');
  if (!host) return null;
  const root = rootOf(host);
  const pressed = [...root.querySelectorAll('button[aria-pressed="true"]')].map((button) => button.getAttribute('data-action'));
  const suggested = [...root.querySelectorAll('button[data-suggested="true"]')].map((button) => button.getAttribute('data-action'));
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  return { root, pressed, suggested, button };
}

function start(api: AnnotationBackend, options: Partial<AnnotatorOptions> = {}) {
  window.history.replaceState(null, '', '/search?q=acme');
  annotator = new PageAnnotator(document, {
    extract: extractResults,
    backend: api,
    createView: rowsForTests(),
    retryDelayMs: 1,
    rescanIntervalMs: 0,
    ...options,
  });
  annotator.start();
}

describe('page annotator', () => {
  it('tags every item with the page-DOM contract and one tag row in a closed shadow root', async () => {
    addResult('https://client.example/a');
    addResult('https://other.example/b');
    start(backend());
    await flush();
    const items = document.querySelectorAll('[data-rl-item="serp"]');
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(first.getAttribute('data-rl-rank')).toBe('1');
    expect(first.getAttribute('data-rl-url')).toBe('https://client.example/a');
    const host = first.querySelector('rl-tags')!;
    expect(host.shadowRoot).toBeNull();
    const row = rowOf(first)!;
    const actions = [...row.root.querySelectorAll('button[data-action]')].map((button) => button.getAttribute('data-action'));
    expect(actions).toEqual(['positive', 'neutral', 'negative', 'irrelevant', 'recommends']);
    expect(row.suggested).toEqual(['neutral']);
    expect(row.pressed).toEqual([]);
    expect(row.root.querySelector('.badge-client')?.textContent).toBe('client site');
  });

  it('leaves nothing of the labels, marks or badges in page-readable attributes', async () => {
    addResult('https://client.example/a');
    start(backend());
    await flush();
    const item = document.querySelector('[data-rl-item]')!;
    rowOf(item)!.button('negative').click();
    await flush();
    expect(rowOf(item)!.pressed).toEqual(['negative']);
    const dataAttributes = [...document.querySelectorAll('*')].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith('data-')),
    );
    expect(new Set(dataAttributes)).toEqual(new Set(['data-rl-item', 'data-rl-rank', 'data-rl-url']));
    expect(item.querySelector('rl-tags')!.getAttributeNames()).toEqual([]);
  });

  it('reports once per change whether the page was understood', async () => {
    const api = backend();
    addResult('https://a.example/');
    start(api);
    await flush();
    annotator!.scan();
    expect(api.reportStatus).toHaveBeenCalledTimes(1);
    expect(api.reportStatus).toHaveBeenCalledWith(expect.objectContaining({ site: 'test', itemsFound: 1 }));
    addResult('https://b.example/');
    await flush();
    expect(api.reportStatus).toHaveBeenCalledTimes(2);
  });

  it('tags results added later, batched, and never adds a second row', async () => {
    const api = backend();
    addResult('https://a.example/');
    start(api);
    await flush();
    addResult('https://b.example/');
    addResult('https://c.example/');
    await flush();
    annotator!.scan();
    annotator!.scan();
    await flush();
    expect(document.querySelectorAll('rl-tags')).toHaveLength(3);
    expect(api.observed).toEqual([['https://a.example/'], ['https://b.example/', 'https://c.example/']]);
  });

  it('shows a mark only after the background acknowledged it, retrying a failed write', async () => {
    const api = backend();
    let failures = 1;
    api.mark = vi.fn<Mark>(async (_page, item, sentiment, recommends) => {
      if (failures-- > 0) throw new Error('service worker restarted');
      return state(item.url, { mark: { sentiment, recommends, at: 1, suggestedAtMark: null } });
    });
    addResult('https://a.example/');
    start(api);
    await flush();
    const item = document.querySelector('[data-rl-item]')!;
    rowOf(item)!.button('negative').click();
    expect(rowOf(item)!.pressed).toEqual([]);
    await flush();
    expect(api.mark).toHaveBeenCalledTimes(2);
    expect(rowOf(item)!.pressed).toEqual(['negative']);
  });

  it('retries a write the background never answers (a restarting service worker), instead of saving forever', async () => {
    const api = backend();
    let unanswered = 1;
    api.mark = vi.fn<Mark>(async (_page, item, sentiment, recommends) => {
      if (unanswered-- > 0) return new Promise<never>(() => undefined);
      return state(item.url, { mark: { sentiment, recommends, at: 1, suggestedAtMark: null } });
    });
    addResult('https://a.example/');
    start(api, { markTimeoutMs: 10 });
    await flush();
    const item = document.querySelector('[data-rl-item]')!;
    rowOf(item)!.button('neutral').click();
    await flush();
    expect(api.mark).toHaveBeenCalledTimes(2);
    expect(rowOf(item)!.pressed).toEqual(['neutral']);
  });

  it('a second click on the same mark clears it', async () => {
    const api = backend();
    addResult('https://a.example/');
    start(api);
    await flush();
    const item = document.querySelector('[data-rl-item]')!;
    rowOf(item)!.button('positive').click();
    await flush();
    rowOf(item)!.button('positive').click();
    await flush();
    // Sent with the mark the row showed, so a newer mark made in another tab is not undone.
    expect(api.mark).toHaveBeenLastCalledWith(expect.anything(), expect.anything(), null, false, { projectId: 'p1', markAt: 1 });
  });

  it('without a project the buttons lead to the dashboard instead of marking', async () => {
    const api = backend(null);
    addResult('https://a.example/');
    start(api);
    await flush();
    const row = rowOf(document.querySelector('[data-rl-item]')!)!;
    expect(row.button('positive').title).toMatch(/project/);
    row.button('positive').click();
    expect(api.openDashboard).toHaveBeenCalled();
    expect(api.mark).not.toHaveBeenCalled();
  });

  it('on in-page navigation to a new query, drops rows of results that are gone', async () => {
    const api = backend();
    addResult('https://old.example/');
    start(api);
    await flush();
    document.body.replaceChildren();
    window.history.pushState(null, '', '/search?q=new+query');
    addResult('https://new.example/');
    annotator!.scan();
    await flush();
    expect(document.querySelectorAll('rl-tags')).toHaveLength(1);
    expect(api.observed.at(-1)).toEqual(['https://new.example/']);
  });

  it('renders text it did not write (errors, labels) as text, never as markup', async () => {
    addResult('https://a.example/');
    const api = backend();
    api.observe = vi.fn(async () => {
      throw new Error('<img src=x onerror="alert(1)">');
    });
    start(api);
    await flush();
    const row = rowOf(document.querySelector('[data-rl-item]')!)!.root;
    expect(row.querySelector('img')).toBeNull();
    expect(row.querySelector('[role="alert"]')?.textContent).toBe('<img src=x onerror="alert(1)">');
  });
});

describe('in-page navigation timing', () => {
  it('waits for the results to change before taking the new query as a snapshot', async () => {
    const api = backend();
    addResult('https://old.example/');
    start(api);
    await flush();
    window.history.pushState(null, '', '/search?q=other');
    annotator!.scan();
    expect(api.observed).toHaveLength(1);
    document.body.replaceChildren();
    addResult('https://fresh.example/');
    await flush();
    expect(api.observed.at(-1)).toEqual(['https://fresh.example/']);
  });
});

describe('large pages', () => {
  /** Animation frames still come, each run through `around`, which calls `runFrame` for the controller's callback. */
  function aroundEachFrame(around: (runFrame: () => void) => void) {
    const nextFrame = window.requestAnimationFrame.bind(window);
    return vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => nextFrame((time) => around(() => callback(time))));
  }

  it('puts at most 25 rows into the page in one pass however much time the budget leaves: the frame lays out each', async () => {
    // How many rows were drawn when each frame began.
    const drawnAtFrames: number[] = [];
    const frames = aroundEachFrame((runFrame) => {
      drawnAtFrames.push(document.querySelectorAll('rl-tags').length);
      runFrame();
    });
    // One answer (up to 50 items a message) for 45 results.
    for (let index = 0; index < 45; index++) addResult(`https://r${index}.example/`);
    start(backend(), { frameBudgetMs: 10_000 });
    await vi.waitFor(() => expect(document.querySelectorAll('rl-tags')).toHaveLength(45));
    expect(drawnAtFrames[0]).toBe(25);
    frames.mockRestore();
  });


  it('draws no row inside an animation frame: a frame lays out the pass before it, the next pass comes after it', async () => {
    const drawnDuringFrames: number[] = [];
    const frames = aroundEachFrame((runFrame) => {
      const before = document.querySelectorAll('rl-tags').length;
      runFrame();
      drawnDuringFrames.push(document.querySelectorAll('rl-tags').length - before);
    });
    for (let index = 0; index < 45; index++) addResult(`https://r${index}.example/`);
    start(backend(), { frameBudgetMs: 10_000 });
    await vi.waitFor(() => expect(document.querySelectorAll('rl-tags')).toHaveLength(45));
    expect(drawnDuringFrames.length).toBeGreaterThan(0);
    expect(drawnDuringFrames.every((drawn) => drawn === 0)).toBe(true);
    frames.mockRestore();
  });

  it('draws rows in batches across animation frames, and every row gets drawn', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    for (let index = 0; index < 45; index++) addResult(`https://r${index}.example/`);
    // No time to spare in a frame: one row each, however fast this machine draws.
    start(backend(), { frameBudgetMs: 0 });
    await vi.waitFor(() => expect(document.querySelectorAll('rl-tags')).toHaveLength(45));
    const items = [...document.querySelectorAll('[data-rl-item]')];
    expect(items.every((item) => rowOf(item)?.suggested[0] === 'neutral')).toBe(true);
    expect(frames.mock.calls.length).toBeGreaterThanOrEqual(44);
    frames.mockRestore();
  });
});

describe('forum threads', () => {
  let engine = 'phpbb';
  function extractPosts(doc: Document, url: string): PageExtract | null {
    const items = [...doc.querySelectorAll('.post')].map((element) => {
      const text = element.querySelector('.content')?.textContent ?? '';
      return {
        url: `${url.split('#')[0]}#${element.id}`,
        title: 'Thread about Acme',
        snippet: text.slice(0, 300),
        text,
        author: element.querySelector('.author')?.textContent ?? undefined,
        date: '10 Apr 2024, 16:01',
        dateIso: '2024-04-10T16:01:00Z',
        linkedUrls: [...element.querySelectorAll('.content a')].map((link) => link.getAttribute('href')!),
        element,
      };
    });
    return { site: engine, kind: 'forum', items };
  }

  function addPost(id: string, text: string, container: Element = document.body) {
    const post = document.createElement('div');
    post.className = 'post';
    post.id = id;
    const author = document.createElement('span');
    author.className = 'author';
    author.textContent = `author of ${id}`;
    const content = document.createElement('div');
    content.className = 'content';
    content.textContent = text;
    const link = document.createElement('a');
    link.href = 'https://client.example/offer';
    link.textContent = 'link';
    content.append(link);
    post.append(author, content);
    container.append(post);
    return post;
  }

  function startForum(api: AnnotationBackend, path = '/viewtopic.php?t=1') {
    window.history.replaceState(null, '', path);
    annotator = new PageAnnotator(document, { extract: extractPosts, backend: api, createView: rowsForTests(), retryDelayMs: 1, rescanIntervalMs: 0 });
    annotator.start();
  }

  it('tags posts as posts and sends their author, date, own text and links to the background', async () => {
    engine = 'phpbb';
    const api = backend();
    addPost('p1', 'Acme is great');
    startForum(api);
    await flush();
    const post = document.querySelector('[data-rl-item="post"]')!;
    expect(post.id).toBe('p1');
    expect(post.hasAttribute('data-rl-rank')).toBe(false);
    const [, items] = vi.mocked(api.observe).mock.calls[0]!;
    expect(items[0]).toEqual({
      url: expect.stringMatching(/#p1$/),
      title: 'Thread about Acme',
      snippet: 'Acme is greatlink',
      text: 'Acme is greatlink',
      author: 'author of p1',
      date: '10 Apr 2024, 16:01',
      dateIso: '2024-04-10T16:01:00Z',
      linkedUrls: ['https://client.example/offer'],
      rank: undefined,
    });
    const source = rowOf(post)!.root.querySelector('.source');
    expect(source?.textContent).toBe('phpbb');
  });

  it('says visibly that the generic finder guessed', async () => {
    engine = 'generic';
    addPost('p1', 'hello');
    startForum(backend());
    await flush();
    const source = rowOf(document.querySelector('[data-rl-item]')!)!.root.querySelector('.source');
    expect(source?.textContent).toBe('generic (a guess)');
    expect(source?.classList.contains('source-guess')).toBe(true);
  });

  it('posts loaded later ("load more", infinite scroll) are tagged once each', async () => {
    engine = 'xenforo';
    const api = backend();
    addPost('p1', 'first');
    startForum(api);
    await flush();
    const more = document.createElement('div');
    addPost('p2', 'second', more);
    addPost('p3', 'third', more);
    document.body.append(more);
    await flush();
    annotator!.scan();
    await flush();
    expect(document.querySelectorAll('rl-tags')).toHaveLength(3);
    expect([...document.querySelectorAll('.post')].every((post) => post.querySelectorAll('rl-tags').length === 1)).toBe(true);
    expect(api.observed.map((urls) => urls.map((url) => url.split('#')[1]))).toEqual([['p1'], ['p2', 'p3']]);
  });

  it('after in-page navigation to another thread, tags its posts and forgets the ones gone', async () => {
    engine = 'discourse';
    const api = backend();
    addPost('post_1', 'old thread');
    startForum(api, '/t/old-topic/1');
    await flush();
    document.body.replaceChildren();
    window.history.pushState(null, '', '/t/new-topic/2');
    addPost('post_1', 'new thread, first post');
    addPost('post_2', 'new thread, reply');
    await flush();
    expect(document.querySelectorAll('rl-tags')).toHaveLength(2);
    const thread = `${window.location.origin}/t/new-topic/2`;
    expect(api.observed.at(-1)).toEqual([`${thread}#post_1`, `${thread}#post_2`]);
  });
});

describe('hostile pages', () => {
  const MARKED_URL = 'https://marked.example/';

  function backendWithMark(): ReturnType<typeof backend> {
    const api = backend();
    api.observe = vi.fn<Observe>(async (_page, items) => {
      api.observed.push(items.map((item) => item.url));
      const marked = { sentiment: 'negative' as const, recommends: false, at: 1, suggestedAtMark: null };
      return { projectId: 'p1', minSuggestionConfidence: 0, items: items.map((item) => state(item.url, item.url === MARKED_URL ? { mark: marked } : {})) };
    });
    return api;
  }

  it('keeps a row acting for the URL it was drawn for when the page rewrites the link afterwards', async () => {
    const api = backendWithMark();
    addResult('https://a.example/');
    addResult(MARKED_URL);
    start(api);
    await flush();
    const first = document.querySelector('[data-rl-item]')!;
    const link = first.querySelector('a')!;
    link.href = MARKED_URL;
    link.textContent = 'Forged title';
    // Any change to the page's tree brings a scan.
    addResult('https://c.example/');
    await flush();

    expect(api.observed).toEqual([['https://a.example/', MARKED_URL], ['https://c.example/']]);
    expect(first.getAttribute('data-rl-url')).toBe('https://a.example/');
    expect(rowOf(first)!.pressed).toEqual([]);
    expect(first.querySelectorAll('rl-tags')).toHaveLength(1);
    rowOf(first)!.button('positive').click();
    await flush();
    expect(api.mark).toHaveBeenCalledTimes(1);
    expect(api.mark).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ url: 'https://a.example/', title: 'Title of https://a.example/' }),
      'positive',
      false,
      { projectId: 'p1', markAt: null },
    );
  });

  it('puts its own row back when the page takes it out, without observing the item again', async () => {
    const api = backend();
    addResult('https://a.example/');
    start(api);
    await flush();
    const item = document.querySelector('[data-rl-item]')!;
    const host = item.querySelector('rl-tags')!;
    host.remove();
    addResult('https://b.example/');
    await flush();
    expect(item.querySelector('rl-tags')).toBe(host);
    expect(api.observed).toEqual([['https://a.example/'], ['https://b.example/']]);
  });

  it('replaces a row left by an earlier instance of the script instead of adding a second', async () => {
    addResult('https://a.example/');
    addResult('https://b.example/');
    start(backend());
    await flush();
    // An orphaned instance (the extension was updated) can no longer take its rows away.
    const orphan = annotator!;
    annotator = null;
    start(backend());
    await flush();
    const items = [...document.querySelectorAll('.result')];
    expect(items.map((item) => item.querySelectorAll('rl-tags').length)).toEqual([1, 1]);
    expect(items.every((item) => rowOf(item)?.suggested[0] === 'neutral')).toBe(true);
    orphan.stop();
  });

  it('stops and takes its rows away once it is no longer in charge of the page', async () => {
    let inCharge = true;
    addResult('https://a.example/');
    start(backend(), { isInCharge: () => inCharge });
    await flush();
    expect(document.querySelectorAll('rl-tags')).toHaveLength(1);
    inCharge = false;
    addResult('https://b.example/');
    await flush();
    expect(document.querySelectorAll('rl-tags, [data-rl-item]')).toHaveLength(0);
  });

  it(`sends a big page in messages of at most ${ITEMS_PER_MESSAGE} items, and every item gets its row`, async () => {
    const api = backend();
    for (let index = 0; index < 120; index++) addResult(`https://r${index}.example/`);
    start(api);
    await flush();
    expect(api.observed.map((urls) => urls.length)).toEqual([50, 50, 20]);
    // Rows are drawn over several animation frames.
    await vi.waitFor(() => expect(document.querySelectorAll('rl-tags')).toHaveLength(120));
  });

  it(`observes at most ${MAX_ITEMS_PER_PAGE} items of a page that keeps appending results`, async () => {
    const api = backend();
    for (let index = 0; index < 250; index++) addResult(`https://r${index}.example/`);
    start(api);
    await flush();
    for (let index = 250; index < 400; index++) addResult(`https://r${index}.example/`);
    await flush();
    await flush();
    expect(api.observed.flat()).toHaveLength(MAX_ITEMS_PER_PAGE);
    expect(document.querySelectorAll('[data-rl-item]')).toHaveLength(MAX_ITEMS_PER_PAGE);
  });

  it('cuts oversized text to the protocol\'s bounds and leaves out only the item that cannot be sent', async () => {
    const api = backend();
    addResult('https://a.example/');
    addResult(`https://long.example/${'x'.repeat(10_000)}`);
    addResult('https://c.example/');
    const huge = 'Acme '.repeat(200_000);
    document.querySelectorAll('.result a')[2]!.textContent = huge;
    start(api);
    await flush();
    expect(api.observed).toEqual([['https://a.example/', 'https://c.example/']]);
    const [page, items] = vi.mocked(api.observe).mock.calls[0]!;
    expect(() => protocol['page.observe'].request.parse({ page, items })).not.toThrow();
    expect(items[1]!.title.length).toBeLessThan(huge.length);
    expect(document.querySelectorAll('rl-tags')).toHaveLength(2);
  });

  it('scans a page that changes all the time at most once per rescan interval, not at every change', async () => {
    const api = backend();
    const scannedAt: number[] = [];
    const extract = vi.fn((doc: Document, url: string) => {
      scannedAt.push(performance.now());
      return extractResults(doc, url);
    });
    addResult('https://r0.example/');
    start(api, { extract, rescanIntervalMs: 100 });
    for (let index = 1; index <= 30; index++) {
      addResult(`https://r${index}.example/`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await vi.waitFor(() => expect(api.observed.flat()).toHaveLength(31));
    const gaps = scannedAt.slice(1).map((at, index) => at - scannedAt[index]!);
    // A timer may fire a millisecond or so early against performance.now(); a scan at every change would be ~5 ms apart.
    expect(Math.min(...gaps), String(gaps)).toBeGreaterThanOrEqual(90);
  });
});

describe('a page that keeps changing', () => {
  /** Reads `.result` blocks as extractResults does, taking what `known` gives; `fresh` lists every block read anew. */
  function readingExtractor() {
    const fresh: string[] = [];
    const extract = vi.fn((doc: Document, url: string, known?: KnownItems): PageExtract | null => {
      const query = new URL(url).searchParams.get('q') ?? undefined;
      const items = [...doc.querySelectorAll('.result')].map((element, index) => {
        const earlier = known?.(element);
        if (earlier) return { ...earlier, rank: index + 1 };
        const link = element.querySelector('a')!;
        fresh.push(link.getAttribute('href')!);
        return { rank: index + 1, url: link.getAttribute('href')!, title: link.textContent ?? '', snippet: '', element };
      });
      return { site: 'test', kind: 'serp', query, firstRank: 1, items };
    });
    return { extract, fresh };
  }

  it('reads again only the results the page changed, and those it moved', async () => {
    const { extract, fresh } = readingExtractor();
    for (const name of ['a', 'b', 'c']) addResult(`https://${name}.example/`);
    start(backend(), { extract });
    await flush();
    expect(fresh).toEqual(['https://a.example/', 'https://b.example/', 'https://c.example/']);

    const sidebar = document.createElement('aside');
    document.body.append(sidebar);
    await flush();
    expect(extract.mock.calls.length).toBeGreaterThan(1);
    expect(fresh).toHaveLength(3);

    document.querySelectorAll('.result')[1]!.append(document.createElement('span'));
    await flush();
    expect(fresh.slice(3)).toEqual(['https://b.example/']);

    // Moved: put back elsewhere, with nothing inside it changed.
    document.body.append(document.querySelectorAll('.result')[0]!);
    await flush();
    expect(fresh.slice(4)).toEqual(['https://a.example/']);
    expect(document.querySelectorAll('rl-tags')).toHaveLength(3);
  });

  it('does not scan when only text inside results changed, and does when text elsewhere did', async () => {
    const { extract } = readingExtractor();
    addResult('https://a.example/');
    const counter = document.createElement('span');
    document.querySelector('.result')!.append(counter);
    start(backend(), { extract });
    await flush();
    const scans = extract.mock.calls.length;
    for (let count = 1; count <= 3; count++) {
      counter.textContent = String(count);
      await flush();
    }
    expect(extract.mock.calls.length).toBe(scans);

    const status = document.createElement('p');
    document.body.append(status);
    await flush();
    const afterElement = extract.mock.calls.length;
    status.textContent = 'About 1,000 results';
    await flush();
    expect(extract.mock.calls.length).toBeGreaterThan(afterElement);
  });

  it('does not scan for elements put in or taken out away from the results, unless they bring a link', async () => {
    const { extract } = readingExtractor();
    const results = document.createElement('main');
    const sidebar = document.createElement('aside');
    document.body.append(results, sidebar);
    for (const name of ['a', 'b']) addResult(`https://${name}.example/`);
    results.append(...document.querySelectorAll('.result'));
    start(backend(), { extract });
    await flush();
    const scans = extract.mock.calls.length;
    const toast = document.createElement('div');
    toast.append(Object.assign(document.createElement('span'), { textContent: '3 people are looking at this now' }), document.createElement('button'));
    sidebar.append(toast);
    await flush();
    toast.remove();
    await flush();
    expect(extract.mock.calls.length).toBe(scans);

    // A block of links may be results (a page of them loaded in place, elsewhere than the first).
    const more = document.createElement('div');
    more.className = 'result';
    more.append(Object.assign(document.createElement('a'), { href: 'https://c.example/', textContent: 'Title of c' }));
    sidebar.append(more);
    await flush();
    expect(extract.mock.calls.length).toBeGreaterThan(scans);
    expect(document.querySelectorAll('rl-tags')).toHaveLength(3);

    // Next to the results, even without a link: the results list itself changed.
    const afterMore = extract.mock.calls.length;
    results.append(document.createElement('hr'));
    await flush();
    expect(extract.mock.calls.length).toBeGreaterThan(afterMore);
  });

  it('reads another query’s results whole, even where the page reuses the result elements', async () => {
    const { extract, fresh } = readingExtractor();
    const api = backend();
    addResult('https://old.example/');
    start(api, { extract });
    await flush();
    // The URL changes first (the navigation's scan finds the old results still shown) ...
    window.history.pushState(null, '', '/search?q=reused');
    annotator!.scan();
    expect(api.observed).toHaveLength(1);
    // ... then a framework rewrites the same elements: an attribute, and text inside a row's item.
    const link = document.querySelector('.result a')!;
    link.setAttribute('href', 'https://reused.example/');
    link.textContent = 'Title of the new result';
    await flush();
    expect(fresh.at(-1)).toBe('https://reused.example/');
    expect(api.observed.at(-1)).toEqual(['https://reused.example/']);
  });

  it('the page’s changes made just before its own writes are not lost', async () => {
    const api = backend();
    addResult('https://a.example/');
    start(api);
    await flush();
    // The page adds a result, and in the same task the user's click makes the annotator write (its observer paused).
    addResult('https://b.example/');
    rowOf(document.querySelector('[data-rl-item]')!)!.button('positive').click();
    await flush();
    expect(api.observed.flat()).toEqual(['https://a.example/', 'https://b.example/']);
  });
});

describe('script instances', () => {
  it('a newer instance of a script takes the page over from the earlier one, and only of that script', () => {
    const earlier = takeOverPage('test-script');
    const other = takeOverPage('other-script');
    const newer = takeOverPage('test-script');
    expect(earlier.signal.aborted).toBe(true);
    expect(earlier.isInCharge()).toBe(false);
    expect(newer.isInCharge()).toBe(true);
    expect(other.isInCharge()).toBe(true);
  });
});
