import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type SenderContext } from '@/lib/background/service';
import { openLensDatabase, type LensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { newPortal, newestStatedDate, recordPortalObservation } from '@/lib/kpi/portals';
import { canonicalizeUrl, normalizeQuery } from '@/lib/match/url';
import { dispatchMessage, type Handlers } from '@/lib/messaging';
import { CONTENT_SCRIPT, EXTENSION_PAGE, senderOf } from '../support/service';
import { memoryTransfers } from '../support/transfers';
import { PendingMarks } from '@/lib/background/pending-marks';
import { memoryStorageArea } from '../support/extension-storage';

const thread = { url: 'https://www.talk.example/viewtopic.php?t=7', site: 'phpbb', kind: 'forum' as const };
const posts = [
  {
    url: 'https://www.talk.example/viewtopic.php?t=7#p101',
    title: 'Acme Clinic is terrible?',
    snippet: 'Great experience',
    text: 'Great experience at Acme Clinic, friendly doctors. Booked at acmeclinic.com',
    linkedUrls: ['https://acmeclinic.com/book'],
    dateIso: '2026-10-30T10:00:00Z',
  },
  {
    url: 'https://www.talk.example/viewtopic.php?t=7#p102',
    title: 'Acme Clinic is terrible?',
    snippet: 'Rude staff',
    text: 'Rude staff and a wrong bill. Avoid.',
    linkedUrls: [],
    dateIso: '2026-10-31T09:00:00Z',
  },
];

let handlers: Handlers<SenderContext>;
let db: LensDatabase;
let clock: number;
const audited = new Set<string>();
let databaseCount = 0;

beforeEach(async () => {
  db = await openLensDatabase(`portals-${databaseCount++}`);
  clock = new Date(2026, 9, 31, 12).getTime();
  audited.clear();
  handlers = createHandlers(new LensRepository(db, normalizeQuery), {
    onDataChanged: () => undefined,
    openDashboard: async () => undefined,
    pendingMarks: new PendingMarks(memoryStorageArea()),
    siteAccess: {
      audited: async () => [...audited],
      register: async (origin) => void audited.add(origin),
      revoke: async (origin) => void audited.delete(origin),
    },
    transfers: memoryTransfers(() => clock),
    now: () => clock,
  });
});

async function call(type: string, payload: unknown, sender: SenderContext | typeof CONTENT_SCRIPT = EXTENSION_PAGE) {
  const reply = await dispatchMessage({ type, payload }, senderOf(sender, payload), handlers);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as never;
}

async function kpi(key: string, month: string): Promise<{ value: number | null; previous: number | null }> {
  const answer: { report: { kpis: { key: string; value: number | null; previous: number | null }[] } } = await call('kpi.get', { month });
  return answer.report.kpis.find((entry) => entry.key === key)!;
}

async function saveAcme() {
  await call('projects.save', { input: { name: 'Acme', clientDomains: ['acmeclinic.com'], brandTerms: ['Acme Clinic'] } });
}

describe('forum posts', () => {
  it('are keyed by their permalink with the fragment and judged by their own text, not the thread title', async () => {
    expect(canonicalizeUrl(posts[0]!.url, { keepFragment: true })).toBe('https://talk.example/viewtopic.php?t=7#p101');
    expect(canonicalizeUrl(posts[0]!.url)).toBe('https://talk.example/viewtopic.php?t=7');
    await saveAcme();
    const answer: { items: { canonicalUrl: string; suggested: { label: string }; flags: Record<string, boolean> }[] } = await call(
      'page.observe',
      { page: thread, items: posts },
      CONTENT_SCRIPT,
    );
    expect(answer.items.map((item) => item.canonicalUrl)).toEqual([
      'https://talk.example/viewtopic.php?t=7#p101',
      'https://talk.example/viewtopic.php?t=7#p102',
    ]);
    expect(answer.items.map((item) => item.suggested.label)).toEqual(['positive', 'negative']);
    expect(answer.items[0]!.flags).toEqual({ clientSite: false, linksToClient: true, mentionsClient: true });
    expect(answer.items[1]!.flags).toEqual({ clientSite: false, linksToClient: false, mentionsClient: false });
    expect(await db.count('snapshots')).toBe(0);
    const stored = await db.getAll('mentions');
    expect(stored.map((mention) => [mention.kind, mention.domain, mention.excerpt.slice(0, 5)])).toEqual([
      ['forum-post', 'talk.example', 'Great'],
      ['forum-post', 'talk.example', 'Rude '],
    ]);
    expect((await kpi('forum-positive', '2026-10')).value).toBe(0.5);
    expect((await kpi('forum-negative', '2026-10')).value).toBe(0.5);
  });

  it('make a portal with its engine, threads, newest post date and link to the client', async () => {
    await saveAcme();
    await call('page.observe', { page: thread, items: posts }, CONTENT_SCRIPT);
    await call('page.observe', { page: { ...thread, url: 'https://talk.example/viewtopic.php?t=8' }, items: [] }, CONTENT_SCRIPT);
    await call('page.observe', { page: { ...thread, url: 'https://talk.example/viewtopic.php?t=7&start=20' }, items: [{ ...posts[1]!, url: 'https://talk.example/viewtopic.php?t=7#p140' }] }, CONTENT_SCRIPT);
    await call('mark.set', { page: thread, item: posts[1], sentiment: 'irrelevant', recommends: false }, CONTENT_SCRIPT);
    const list: { portals: Record<string, unknown>[] } = await call('portals.list', {});
    expect(list.portals).toEqual([
      {
        domain: 'talk.example',
        kind: 'forum',
        engine: 'phpbb',
        threads: 2,
        mentions: 3,
        byLabel: { positive: 1, neutral: 0, negative: 1, irrelevant: 1, unmarked: 0 },
        hasLinkToClient: true,
        lastActivityAt: Date.parse('2026-10-31T09:00:00Z'),
        popularity: null,
        note: '',
      },
    ]);
    // A page with no posts is no sighting of the portal, and no search page ever makes one.
    await call('page.observe', { page: { url: 'https://www.google.com/search?q=acme', site: 'google', kind: 'serp', query: 'acme' }, items: [{ rank: 1, url: 'https://reviews.example/acme', title: 'Acme', snippet: 'Acme Clinic' }] }, CONTENT_SCRIPT);
    expect(((await call('portals.list', {})) as { portals: unknown[] }).portals).toHaveLength(1);
    const byPortal: { mentions: { canonicalUrl: string; item: { mark: { sentiment: string } | null } }[] } = await call('mentions.byPortal', { domain: 'talk.example' });
    expect(byPortal.mentions.map((mention) => mention.canonicalUrl)).toContain('https://talk.example/viewtopic.php?t=7#p140');
    expect(byPortal.mentions.find((mention) => mention.canonicalUrl.endsWith('#p102'))?.item.mark?.sentiment).toBe('irrelevant');
  });

  it('a site whose engine reads reviews is a review-site portal, and a page marked there later does not relabel it', async () => {
    await saveAcme();
    const reviewPage = { url: 'https://www.trustpilot.com/review/acmeclinic.com', site: 'reviews', kind: 'forum' as const };
    const review = { url: `${reviewPage.url}#r1`, title: 'Acme Clinic reviews', snippet: 'Great', text: 'Great clinic, friendly staff.', linkedUrls: [] };
    await call('page.observe', { page: reviewPage, items: [review] }, CONTENT_SCRIPT);
    const capture = { url: 'https://www.trustpilot.com/blog/clinics', title: 'Clinics', passage: null, text: 'Acme Clinic news.', kindHint: 'news' };
    await call('pageMention.set', { capture, sentiment: 'neutral', recommends: false });
    const list: { portals: { domain: string; kind: string; engine: string | null }[] } = await call('portals.list', {});
    expect(list.portals.map(({ domain, kind, engine }) => ({ domain, kind, engine }))).toEqual([
      { domain: 'trustpilot.com', kind: 'review-site', engine: 'reviews' },
    ]);
  });

  it('portal coverage of a month stays what it was after the next month’s observations', async () => {
    await saveAcme();
    await call('page.observe', { page: thread, items: posts }, CONTENT_SCRIPT);
    expect((await kpi('portal-coverage', '2026-10')).value).toBe(1);
    // November: the thread is read again, the link is gone (the post was edited), a second forum appears.
    clock = new Date(2026, 10, 25, 12).getTime();
    await call('page.observe', { page: { ...thread, url: 'https://other.example/t/1' }, items: [{ ...posts[1]!, url: 'https://other.example/t/1#c1' }] }, CONTENT_SCRIPT);
    const november = await kpi('portal-coverage', '2026-11');
    expect(november.previous).toBe(1);
    expect((await kpi('portal-coverage', '2026-10')).value).toBe(1);
    // talk.example was not seen in November's last 30 days; other.example has no link to the client.
    expect(november.value).toBe(0);
    expect((await kpi('portal-coverage', '2027-01')).value).toBe(0);
    expect((await kpi('portal-coverage', '2026-09')).value).toBeNull();
  });

});

describe('page mentions', () => {
  const capture = {
    url: 'https://www.reviewhub.example/clinics/acme?utm_source=x#reviews',
    title: 'Acme Clinic reviews',
    passage: null,
    text: 'Acme Clinic: excellent dentists, highly recommended. Book online at acmeclinic.com.',
    linkedUrls: ['https://acmeclinic.com/'],
    kindHint: 'review-site' as const,
    dateIso: '2026-10-20T00:00:00Z',
  };

  it('mark a whole page or each passage of it, from extension pages only', async () => {
    await expect(call('pageMention.set', { capture, sentiment: 'positive', recommends: false })).rejects.toThrow(/project/);
    await saveAcme();
    await expect(call('pageMention.set', { capture, sentiment: 'positive', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    const whole: { item: { canonicalUrl: string; mark: { sentiment: string }; flags: { linksToClient: boolean }; suggested: { label: string } } } = await call(
      'pageMention.set',
      { capture, sentiment: 'positive', recommends: true },
    );
    expect(whole.item.canonicalUrl).toBe('https://reviewhub.example/clinics/acme');
    expect(whole.item.flags.linksToClient).toBe(true);
    expect(whole.item.suggested.label).toBe('positive');
    const passage: { item: { canonicalUrl: string; suggested: { label: string } } } = await call('pageMention.set', {
      capture: { ...capture, passage: 'Waited two hours, rude front-desk staff, and a wrong bill, never again' },
      sentiment: null,
      recommends: false,
    });
    expect(passage.item.canonicalUrl).toBe(
      'https://reviewhub.example/clinics/acme#:~:text=Waited%20two%20hours%2C%20rude%20front%2Ddesk%20staff%2C%20and%20a',
    );
    expect(passage.item.suggested.label).toBe('negative');
    const got: { item: { mark: { sentiment: string; recommends: boolean } } | null } = await call('pageMention.get', { url: capture.url });
    expect(got.item?.mark).toMatchObject({ sentiment: 'positive', recommends: true });
    expect(((await call('pageMention.get', { url: 'https://reviewhub.example/other' })) as { item: null }).item).toBeNull();

    // Page mentions count in forum tone like posts, and their domain is a portal of the kind the page says it is.
    expect((await kpi('forum-positive', '2026-10')).value).toBe(0.5);
    const list: { portals: { domain: string; kind: string; mentions: number; threads: number; hasLinkToClient: boolean; lastActivityAt: number }[] } =
      await call('portals.list', {});
    expect(list.portals).toMatchObject([
      { domain: 'reviewhub.example', kind: 'review-site', mentions: 2, threads: 1, hasLinkToClient: true, lastActivityAt: Date.parse(capture.dateIso) },
    ]);
    expect((await kpi('portal-coverage', '2026-10')).value).toBe(1);
  });

  it('a marked page that also shows up among search results keeps what its own text says', async () => {
    await saveAcme();
    await call('pageMention.set', { capture, sentiment: null, recommends: false });
    const serp = { url: 'https://www.google.com/search?q=acme', site: 'google', kind: 'serp' as const, query: 'acme' };
    const result = { rank: 1, url: capture.url, title: 'Acme Clinic reviews', snippet: 'Avoid, terrible, a scam.' };
    const seen: { items: { suggested: { label: string }; flags: { linksToClient: boolean } }[] } = await call('page.observe', { page: serp, items: [result] }, CONTENT_SCRIPT);
    expect(seen.items[0]).toMatchObject({ suggested: { label: 'positive' }, flags: { linksToClient: true } });
    expect((await db.getAll('mentions')).map((mention) => mention.kind)).toEqual(['page']);
  });

  it('a page on a client domain is never a covered portal', async () => {
    await saveAcme();
    await call('pageMention.set', { capture: { ...capture, url: 'https://forum.acmeclinic.com/t/1', linkedUrls: [] }, sentiment: 'positive', recommends: false });
    expect((await kpi('portal-coverage', '2026-10')).value).toBeNull();
  });

  it('portal attributes are typed in from extension pages only, for known portals', async () => {
    await saveAcme();
    await call('pageMention.set', { capture, sentiment: 'positive', recommends: false });
    await expect(call('portals.update', { domain: 'reviewhub.example', popularity: 5, note: 'x' }, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    await expect(call('portals.update', { domain: 'unknown.example', popularity: 5, note: '' })).rejects.toThrow('unknown.example is not a portal of this project.');
    await call('portals.update', { domain: 'reviewhub.example', popularity: 120_000, note: 'Top review site' });
    const list: { portals: { popularity: number | null; note: string }[] } = await call('portals.list', {});
    expect(list.portals[0]).toMatchObject({ popularity: 120_000, note: 'Top review site' });
  });
});

describe('audited sites', () => {
  it('registers and revokes origins through the browser side, with the last status of each forum origin', async () => {
    await expect(call('sites.audit', { origin: 'https://talk.example' }, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    await call('sites.audit', { origin: 'https://talk.example' });
    await call('page.status', { site: 'phpbb', url: 'https://talk.example/viewtopic.php?t=7', itemsFound: 12, blocksSeen: 12 }, CONTENT_SCRIPT);
    const sites: { sites: { origin: string; engine: string | null; last: { itemsFound: number } | null }[] } = await call('sites.audited', {});
    expect(sites.sites).toEqual([{ origin: 'https://talk.example', engine: 'phpbb', last: expect.objectContaining({ itemsFound: 12 }) }]);
    // A forum's status never passes for a search engine's.
    const engines: { sites: { id: string; last: unknown }[] } = await call('sites.status', {});
    expect(engines.sites.every((site) => site.last === null)).toBe(true);
    await call('sites.revoke', { origin: 'https://talk.example' });
    expect(((await call('sites.audited', {})) as { sites: unknown[] }).sites).toEqual([]);
  });
});

describe('portal records', () => {
  it('keep the forum kind, a bounded set of threads, and the newest stated post date per month', () => {
    const at = new Date(2026, 9, 10).getTime();
    const observation = { domain: 'a.example', kind: 'forum' as const, engine: 'generic', threadUrl: 'https://a.example/t/1', newestPostAt: at - 5, at };
    let portal = recordPortalObservation(newPortal('p', 'a.example'), observation);
    portal = recordPortalObservation(portal, { ...observation, kind: 'blog', engine: null, newestPostAt: null, at: at + 10 });
    expect(portal).toMatchObject({ kind: 'forum', engine: 'generic', threads: ['https://a.example/t/1'] });
    expect(portal.months['2026-10']).toEqual({ lastObservedAt: at + 10, newestPostAt: at - 5 });
    expect(recordPortalObservation(newPortal('p', 'b.example'), { ...observation, kind: null }).kind).toBe('other');
    expect(newestStatedDate(['2026-10-01', 'garbage', undefined, '2099-01-01'], at)).toBe(Date.parse('2026-10-01'));
  });
});
