// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageAnnotator, type AnnotationBackend } from '@/lib/annotate/controller';
import { shadowTagRowViews } from '@/lib/annotate/shadow-view';
import type { ItemState } from '@/lib/messaging';
import type { PageExtract } from '@/lib/sites';

function extractResults(doc: Document, url: string): PageExtract | null {
  const query = new URL(url).searchParams.get('q') ?? undefined;
  const items = [...doc.querySelectorAll('.result')].map((element, index) => ({
    rank: index + 1,
    url: element.querySelector('a')!.getAttribute('href')!,
    title: element.querySelector('a')!.textContent ?? '',
    snippet: '',
    element,
  }));
  return { site: 'test', kind: 'serp', query, firstRank: 1, items };
}

function state(url: string, overrides: Partial<ItemState> = {}): ItemState {
  return {
    canonicalUrl: url,
    suggested: { label: 'neutral', score: 0.1, recommends: false },
    mark: null,
    flags: { clientSite: url.includes('client'), linksToClient: false, mentionsClient: false },
    ...overrides,
  };
}

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
afterEach(() => {
  annotator?.stop();
  annotator = null;
  document.body.replaceChildren();
});

function start(api: AnnotationBackend, frameBudgetMs?: number) {
  window.history.replaceState(null, '', '/search?q=acme');
  annotator = new PageAnnotator(document, { extract: extractResults, backend: api, createView: shadowTagRowViews(''), retryDelayMs: 1, frameBudgetMs });
  annotator.start();
}

describe('page annotator', () => {
  it('tags every item with the page-DOM contract and one open-shadow tag row', async () => {
    addResult('https://client.example/a');
    addResult('https://other.example/b');
    start(backend());
    await flush();
    const items = document.querySelectorAll('[data-rl-item="serp"]');
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(first.getAttribute('data-rl-rank')).toBe('1');
    expect(first.getAttribute('data-rl-url')).toBe('https://client.example/a');
    expect(first.getAttribute('data-rl-label')).toBe('neutral');
    expect(first.getAttribute('data-rl-label-source')).toBe('suggested');
    const row = first.querySelector('rl-tags')!;
    const actions = [...row.shadowRoot!.querySelectorAll('button[data-action]')].map((button) => button.getAttribute('data-action'));
    expect(actions).toEqual(['positive', 'neutral', 'negative', 'irrelevant', 'recommends']);
    expect(row.shadowRoot!.querySelector('.badge-client')?.textContent).toBe('client site');
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
    (item.querySelector('rl-tags')!.shadowRoot!.querySelector('[data-action="negative"]') as HTMLButtonElement).click();
    expect(item.getAttribute('data-rl-label-source')).toBe('suggested');
    await flush();
    expect(api.mark).toHaveBeenCalledTimes(2);
    expect(item.getAttribute('data-rl-label')).toBe('negative');
    expect(item.getAttribute('data-rl-label-source')).toBe('marked');
  });

  it('a second click on the same mark clears it', async () => {
    const api = backend();
    addResult('https://a.example/');
    start(api);
    await flush();
    const button = () => document.querySelector('rl-tags')!.shadowRoot!.querySelector('[data-action="positive"]') as HTMLButtonElement;
    button().click();
    await flush();
    button().click();
    await flush();
    expect(api.mark).toHaveBeenLastCalledWith(expect.anything(), expect.anything(), null, false);
  });

  it('without a project the buttons lead to the dashboard instead of marking', async () => {
    const api = backend(null);
    addResult('https://a.example/');
    start(api);
    await flush();
    const root = document.querySelector('rl-tags')!.shadowRoot!;
    expect(root.querySelector('.setup')?.textContent).toMatch(/project/);
    (root.querySelector('[data-action="positive"]') as HTMLButtonElement).click();
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
    const row = document.querySelector('rl-tags')!.shadowRoot!;
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
  it('draws rows in batches across animation frames, and every row gets drawn', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    for (let index = 0; index < 45; index++) addResult(`https://r${index}.example/`);
    // No time to spare in a frame: one row each, however fast this machine draws.
    start(backend(), 0);
    await flush();
    await flush();
    await flush();
    const rows = [...document.querySelectorAll('rl-tags')];
    expect(rows).toHaveLength(45);
    expect(rows.every((row) => row.shadowRoot?.querySelector('[data-action="positive"]'))).toBe(true);
    expect(document.querySelectorAll('[data-rl-label="neutral"]')).toHaveLength(45);
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
    annotator = new PageAnnotator(document, { extract: extractPosts, backend: api, createView: shadowTagRowViews(''), retryDelayMs: 1 });
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
    const source = post.querySelector('rl-tags')!.shadowRoot!.querySelector('.source');
    expect(source?.textContent).toBe('phpbb');
  });

  it('says visibly that the generic finder guessed', async () => {
    engine = 'generic';
    addPost('p1', 'hello');
    startForum(backend());
    await flush();
    const source = document.querySelector('rl-tags')!.shadowRoot!.querySelector('.source');
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
