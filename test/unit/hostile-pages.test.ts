import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_URL_LENGTH } from '@/lib/schema';
import { protocol, type RequestType, type ResponseOf } from '@/lib/messaging';
import { contentScriptOn, testService, type TestService } from '../support/service';

/** What content scripts on hostile pages (or a compromised renderer speaking for one) send, through the whole service. */

const SEARCH_URL = 'https://www.google.com/search?q=acme+clinic';
const serp = { url: SEARCH_URL, site: 'google', kind: 'serp' as const, query: 'acme clinic', firstRank: 1 };
const THREAD_URL = 'https://talk.example/viewtopic.php?t=7';
const thread = { url: THREAD_URL, site: 'phpbb', kind: 'forum' as const };
const result = (rank: number, title = `Acme Clinic result ${rank}`) => ({ rank, url: `https://r${rank}.example/acme`, title, snippet: 'Acme Clinic prices.' });

let service: TestService;
const onGoogle = () => contentScriptOn(SEARCH_URL);
const onForum = () => contentScriptOn(THREAD_URL);

beforeEach(async () => {
  service = await testService({ now: () => new Date(2026, 10, 20).getTime() });
  await service.call('projects.save', { input: { name: 'Acme', brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic'] } });
});

describe('a content script reads nothing but what its own page needs', () => {
  const extensionPageRequests = (Object.keys(protocol) as RequestType[]).filter((type) => protocol[type].sender === 'extension-page');

  it.each(extensionPageRequests)('%s is refused', async (type) => {
    await expect(service.call(type, {} as never, onGoogle())).rejects.toThrow('This request was refused: it may only come from the extension’s own pages.');
  });

  it('the user’s projects, KPIs and portals stay out of reach, while its own page is still served', async () => {
    await expect(service.call('projects.list', {}, onGoogle())).rejects.toThrow(/extension’s own pages/);
    await expect(service.call('kpi.get', {}, onForum())).rejects.toThrow(/extension’s own pages/);
    await expect(service.call('mentions.byPortal', { domain: 'talk.example' }, onForum())).rejects.toThrow(/extension’s own pages/);
    const observed = await service.call('page.observe', { page: serp, items: [result(1)] }, onGoogle());
    expect(observed.items).toHaveLength(1);
  });
});

describe('the page of a request is the sender’s', () => {
  it('refuses a page.observe naming another search engine, so no forged engine reaches the KPI breakdown', async () => {
    await expect(service.call('page.observe', { page: { ...serp, site: 'evil-engine' }, items: [result(1)] }, onGoogle())).rejects.toThrow(
      'page.site: The request did not describe the page it came from.',
    );
    await service.call('page.observe', { page: serp, items: [result(1)] }, onGoogle());
    const engines = (await service.db.getAll('snapshots')).map((snapshot) => snapshot.engine);
    expect(engines).toEqual(['google']);
  });

  it('refuses a page.observe or a mark naming a page of another origin than the sender’s', async () => {
    // The same origin is the page itself after in-page navigation; another origin never is.
    const elsewhere = { ...serp, url: 'https://www.bing.com/search?q=forged', site: 'google' };
    await expect(service.call('page.observe', { page: elsewhere, items: [result(1)] }, onGoogle())).rejects.toThrow(/page\.url/);
    const item = result(1);
    await expect(service.call('mark.set', { page: elsewhere, item, sentiment: 'negative', recommends: false }, onGoogle())).rejects.toThrow(/page\.url/);
    await expect(service.call('mark.set', { page: { ...thread, url: 'https://victim.example/t/1' }, item, sentiment: 'negative', recommends: false }, onForum())).rejects.toThrow(
      /page\.url/,
    );
    expect(await service.db.count('mentions')).toBe(0);
  });

  it('takes a search page’s query from the sender’s URL, whatever the payload says', async () => {
    await service.call('page.observe', { page: { ...serp, query: 'rival clinic' }, items: [result(1)] }, onGoogle());
    const queries = (await service.db.getAll('snapshots')).map((snapshot) => snapshot.query);
    expect(queries).toEqual(['acme clinic']);
  });

  it('refuses unknown sites: a forum engine nobody knows, a search engine claimed on a forum', async () => {
    await expect(service.call('page.observe', { page: { ...thread, site: 'forum-1' }, items: [] }, onForum())).rejects.toThrow(
      'page.site: Is not valid.',
    );
    await expect(service.call('page.observe', { page: { ...serp, url: THREAD_URL }, items: [] }, onForum())).rejects.toThrow(/page\.kind/);
    const portals = await service.db.getAll('portals');
    expect(portals).toEqual([]);
  });

  it('stores a page status only for the sender’s own page and site', async () => {
    for (let index = 0; index < 5; index++) {
      await expect(
        service.call('page.status', { site: `site-${index}`, url: `https://site-${index}.example/`, itemsFound: 1, blocksSeen: 1 }, onForum()),
      ).rejects.toThrow(/page\.url/);
    }
    await expect(service.call('page.status', { site: 'site-x', url: THREAD_URL, itemsFound: 1, blocksSeen: 1 }, onForum())).rejects.toThrow(/page\.site/);
    await service.call('page.status', { site: 'phpbb', url: THREAD_URL, itemsFound: 9, blocksSeen: 9 }, onForum());
    const settings = (await service.db.getAllKeys('settings')).filter((key) => String(key).startsWith('siteStatus:'));
    expect(settings).toEqual(['siteStatus:origin:https://talk.example']);
  });
});

describe('an oversized item costs its page nothing', () => {
  it('stores the other items and the oversized one cut to the limits', async () => {
    const items = [result(1), result(2, 'A'.repeat(1_000_000)), result(3)];
    const observed = await service.call('page.observe', { page: serp, items }, onGoogle());
    expect(observed.items.map((item) => item.canonicalUrl)).toEqual(items.map((item) => item.url));
    const titles = new Map((await service.db.getAll('mentions')).map((mention) => [mention.canonicalUrl, mention.title]));
    expect(items.map((item) => titles.get(item.url))).toEqual([items[0]!.title, 'A'.repeat(2000), items[2]!.title]);
  });

  it('skips an item whose URL is too long to store, and answers it all the same', async () => {
    const overlong = { ...result(2), url: `https://r2.example/${'a'.repeat(MAX_URL_LENGTH)}` };
    const observed = await service.call('page.observe', { page: serp, items: [result(1), overlong, result(3)] }, onGoogle());
    expect(observed.items.map((item) => item.suggested?.label)).toEqual(['neutral', 'neutral', 'neutral']);
    expect(observed.items[1]!.mark).toBeNull();
    const stored = (await service.db.getAll('mentions')).map((mention) => mention.canonicalUrl).sort();
    expect(stored).toEqual(['https://r1.example/acme', 'https://r3.example/acme']);
  });
});

describe('only web addresses are taken', () => {
  it('refuses a mark on a javascript: URL with a clear message', async () => {
    const item = { ...result(1), url: 'javascript:alert(document.cookie)' };
    await expect(service.call('mark.set', { page: serp, item, sentiment: 'positive', recommends: false }, onGoogle())).rejects.toThrow(
      'The request could not be carried out. item.url: Only http and https addresses are accepted, not javascript:.',
    );
    expect(await service.db.count('mentions')).toBe(0);
  });

  it('refuses a marked page or a link that is no web address', async () => {
    const capture = { url: 'javascript:alert(1)', title: 'x', passage: null, text: '' };
    await expect(service.call('pageMention.set', { capture, sentiment: 'positive', recommends: false })).rejects.toThrow(/capture\.url: Only http and https/);
    const linked = { ...result(1), linkedUrls: ['javascript:alert(1)'] };
    await expect(service.call('page.observe', { page: serp, items: [linked] }, onGoogle())).rejects.toThrow(/items\[0\]\.linkedUrls\[0\]: Only http and https/);
  });
});

describe('marks never queue behind observations', () => {
  /** Holds every observation write until released: a frame whose page keeps the background busy. */
  function holdObservationWrites() {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const write = service.repository.mentions.observePage.bind(service.repository.mentions);
    const writes = vi.spyOn(service.repository.mentions, 'observePage').mockImplementation(async (observation) => {
      await released;
      return write(observation);
    });
    return { writes, release };
  }

  it('a frame’s observations of one page are merged while one is written, and a mark is written at once', async () => {
    const { writes, release } = holdObservationWrites();
    const frame = contentScriptOn(SEARCH_URL, 'tab-1:0');
    const observations = Array.from({ length: 30 }, (_, index) => service.call('page.observe', { page: serp, items: [result(index + 1)] }, frame));
    const marked = await service.call('mark.set', { page: serp, item: result(40), sentiment: 'negative', recommends: false }, frame);
    expect(marked.item.mark?.sentiment).toBe('negative');
    release();
    const answers: ResponseOf<'page.observe'>[] = await Promise.all(observations);
    expect(answers.map((answer) => answer.items[0]!.canonicalUrl)).toEqual(Array.from({ length: 30 }, (_, index) => `https://r${index + 1}.example/acme`));
    // The first observation, then the 29 that came while it was written, as one.
    expect(writes).toHaveBeenCalledTimes(2);
    expect(await service.db.count('mentions')).toBe(31);
  });

  /** Sends `count` parts of 50 results of one search page at once, from one frame. */
  const observeInParts = (count: number) => {
    const frame = contentScriptOn(SEARCH_URL, 'tab-1:0');
    return Array.from({ length: count }, (_, part) =>
      service.call('page.observe', { page: serp, items: Array.from({ length: 50 }, (_, index) => result(part * 50 + index + 1)) }, frame),
    );
  };

  it('a big page sent in parts at once is stored whole, in batches', async () => {
    const { writes, release } = holdObservationWrites();
    const parts = observeInParts(6);
    release();
    await Promise.all(parts);
    // The first part, then the other five in batches of at most 100 items.
    expect(writes).toHaveBeenCalledTimes(4);
    expect(await service.db.count('mentions')).toBe(300);
  });

  it('a page that never stops adding items holds no more than three batches waiting', async () => {
    const { writes, release } = holdObservationWrites();
    const parts = observeInParts(10);
    release();
    const answers = await Promise.all(parts);
    expect(answers.every((answer) => answer.items.length === 50)).toBe(true);
    expect(writes).toHaveBeenCalledTimes(4);
    // The first part, and the last five: the parts that waited longest were answered without being stored.
    const storedRanks = (await service.db.getAll('mentions')).map((mention) => Number(/r(\d+)\./.exec(mention.canonicalUrl)![1]));
    const partOf = (rank: number) => Math.ceil(rank / 50);
    expect([...new Set(storedRanks.map(partOf))].sort((a, b) => a - b)).toEqual([1, 6, 7, 8, 9, 10]);
    expect(storedRanks).toHaveLength(300);
  });

  it('a page the frame left is answered without being stored (latest wins)', async () => {
    const { writes, release } = holdObservationWrites();
    await service.call('projects.save', { id: (await service.call('projects.list', {})).projects[0]!.id, input: { name: 'Acme', keyQueries: ['a', 'b', 'c'] } });
    const pageOf = (query: string) => ({ ...serp, url: `https://www.google.com/search?q=${query}`, query });
    const observeOn = (query: string, rank: number) =>
      service.call('page.observe', { page: pageOf(query), items: [result(rank)] }, contentScriptOn(pageOf(query).url, 'tab-1:0'));
    const [first, left, latest] = [observeOn('a', 1), observeOn('b', 2), observeOn('c', 3)];
    expect((await left).items.map((item) => item.canonicalUrl)).toEqual(['https://r2.example/acme']);
    release();
    await Promise.all([first, latest]);
    expect(writes).toHaveBeenCalledTimes(2);
    const stored = (await service.db.getAll('mentions')).map((mention) => mention.canonicalUrl).sort();
    expect(stored).toEqual(['https://r1.example/acme', 'https://r3.example/acme']);
  });
});
