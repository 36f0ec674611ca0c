import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type SenderContext } from '@/lib/background/service';
import { openLensDatabase } from '@/lib/db/database';
import { LensRepository } from '@/lib/db/repository';
import { normalizeQuery } from '@/lib/match/url';
import type { FileTransfers } from '@/lib/backup/transfer';
import { dispatchMessage, type Handlers } from '@/lib/messaging';
import { CONTENT_SCRIPT, contentScriptOn, EXTENSION_PAGE, senderOf } from '../support/service';
import { memoryTransfers } from '../support/transfers';
import { PendingMarks } from '@/lib/background/pending-marks';
import { memoryStorageArea } from '../support/extension-storage';
import { ReadyReports, readReadyReport } from '@/lib/background/ready-report';
const page = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'Acme  Clinic', firstRank: 1 };
const items = [
  { rank: 1, url: 'https://www.acmeclinic.com/?utm_source=x', title: 'Acme Clinic — official site', snippet: 'Family doctors.' },
  { rank: 2, url: 'https://reviews.example.org/acme', title: 'Acme Clinic is a scam', snippet: 'Terrible, rude staff. Avoid.' },
];

/** The browser side of auditing, faked: granted origins and what was registered or revoked. */
const audited = new Set<string>();
const siteAccess = {
  audited: async () => [...audited],
  register: async (origin: string) => void audited.add(origin),
  revoke: async (origin: string) => void audited.delete(origin),
};

let handlers: Handlers<SenderContext>;
let transfers: FileTransfers;
let changes: string[];
let session: ReturnType<typeof memoryStorageArea>;
let databaseCount = 0;

beforeEach(async () => {
  const db = await openLensDatabase(`service-${databaseCount++}`);
  changes = [];
  audited.clear();
  const now = () => new Date(2026, 10, 20).getTime();
  transfers = memoryTransfers(now);
  session = memoryStorageArea();
  // Worked out again only when a test says so.
  const readyReports = new ReadyReports(session, () => undefined, 2 ** 31 - 1);
  handlers = createHandlers(new LensRepository(db, normalizeQuery), {
    onDataChanged: (projectId) => {
      changes.push(projectId);
      readyReports.changed();
    },
    readyReports,
    openDashboard: async () => undefined,
    pendingMarks: new PendingMarks(memoryStorageArea()),
    siteAccess,
    transfers,
    now,
  });
});

async function call(type: string, payload: unknown, sender: SenderContext | typeof CONTENT_SCRIPT = EXTENSION_PAGE) {
  const reply = await dispatchMessage({ type, payload }, senderOf(sender, payload), handlers);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as never;
}

/** A file made by the background, taken from the transfer cache as the dashboard takes it. */
async function exportFile(file: string, projectId: string | null): Promise<{ fileName: string; type: string; text: string }> {
  const { fileName, transferId }: { fileName: string; transferId: string } = await call('files.export', { file, projectId });
  const made = await transfers.take(transferId);
  if (!made) throw new Error(`${fileName} is not in the transfer cache`);
  // Decoded by hand: Blob.text() would drop the CSV's byte-order mark.
  return { fileName, type: made.type, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await made.arrayBuffer()) };
}

const importText = async (text: string) => call('backup.import', { transferId: await transfers.put(text, 'application/json') });

describe('background service', () => {
  it('suggests labels and canonical URLs before any project exists, without storing anything', async () => {
    const answer: { projectId: null; items: { canonicalUrl: string; suggested: { label: string } }[] } = await call(
      'page.observe',
      { page, items },
      CONTENT_SCRIPT,
    );
    expect(answer.projectId).toBeNull();
    expect(answer.items[0]!.canonicalUrl).toBe('https://acmeclinic.com/');
    expect(answer.items[1]!.suggested.label).toBe('negative');
    await expect(call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/project/);
  });

  it('only extension pages manage projects; invalid input comes back per field', async () => {
    await expect(call('projects.save', { input: { name: 'X' } }, CONTENT_SCRIPT)).rejects.toThrow(/extension/);
    const refused: { saved: false; fieldErrors: Record<string, string> } = await call('projects.save', {
      input: { name: '', clientDomains: ['nope'] },
    });
    expect(refused.saved).toBe(false);
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(['clientDomains', 'name']);
    const list: { projects: unknown[] } = await call('projects.list', {});
    expect(list.projects).toHaveLength(0);
  });

  it('marks flow into the KPI report and announce the change', async () => {
    const saved: { saved: true; project: { id: string } } = await call('projects.save', {
      input: { name: 'Acme', clientDomains: ['acmeclinic.com'], brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic'] },
    });
    const observed: { items: { flags: { clientSite: boolean; mentionsClient: boolean } }[] } = await call('page.observe', { page, items }, CONTENT_SCRIPT);
    expect(observed.items[0]!.flags.clientSite).toBe(true);
    expect(observed.items[1]!.flags.mentionsClient).toBe(true);
    await call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, CONTENT_SCRIPT);
    await call('mark.set', { page, item: items[1], sentiment: 'negative', recommends: false }, CONTENT_SCRIPT);
    const kpis: { report: { markedCount: number; kpis: { key: string; value: number | null; confirmed: number }[] } } = await call('kpi.get', {});
    const positivity = kpis.report.kpis.find((kpi) => kpi.key === 'serp-positivity')!;
    expect(positivity.value).toBe(0.5);
    expect(positivity.confirmed).toBe(2);
    expect(kpis.report.markedCount).toBe(2);
    expect(changes.filter((id) => id === saved.project.id).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps the popup’s own report ahead for this month, and drops it at the first change', async () => {
    const saved: { project: { id: string } } = await call('projects.save', {
      input: { name: 'Acme', clientDomains: ['acmeclinic.com'], brandTerms: ['Acme Clinic'], keyQueries: ['acme clinic'] },
    });
    await call('page.observe', { page, items }, CONTENT_SCRIPT);
    await call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, CONTENT_SCRIPT);
    expect(await readReadyReport(session, '2026-11')).toBeNull();

    // Another project's or another month's report is the dashboard's question, not the popup's: nothing kept.
    await call('kpi.get', { projectId: saved.project.id });
    await call('kpi.get', { month: '2026-11' });
    expect(await readReadyReport(session, '2026-11')).toBeNull();

    const answer: { projects: unknown; activeProjectId: string; report: { markedCount: number } } = await call('kpi.get', {
      tabUrl: page.url,
    });
    const ready = await readReadyReport(session, '2026-11');
    expect(ready).toEqual({ month: '2026-11', projects: answer.projects, activeProjectId: saved.project.id, report: answer.report });
    expect(ready?.report?.markedCount).toBe(1);
    // Kept for its month only: in December the popup asks and waits.
    expect(await readReadyReport(session, '2026-12')).toBeNull();

    await call('mark.set', { page, item: items[1], sentiment: 'negative', recommends: false }, CONTENT_SCRIPT);
    expect(await readReadyReport(session, '2026-11')).toBeNull();
    await call('kpi.get', {});
    expect((await readReadyReport(session, '2026-11'))?.report?.markedCount).toBe(2);
  });

  it('says whether the popup tab’s page was recognised', async () => {
    await call('page.status', { site: 'google', url: page.url, itemsFound: 0, blocksSeen: 12 }, CONTENT_SCRIPT);
    const broken: { tabPage: { recognised: boolean } } = await call('kpi.get', { tabUrl: page.url });
    expect(broken.tabPage.recognised).toBe(false);
    await call('page.status', { site: 'google', url: page.url, itemsFound: 10, blocksSeen: 12 }, CONTENT_SCRIPT);
    const fine: { tabPage: { recognised: boolean; itemsFound: number } } = await call('kpi.get', { tabUrl: page.url });
    expect(fine.tabPage).toMatchObject({ recognised: true, itemsFound: 10 });
    const elsewhere: { tabPage: null } = await call('kpi.get', { tabUrl: 'https://example.com/' });
    expect(elsewhere.tabPage).toBeNull();
    const sites: { sites: { id: string; last: { itemsFound: number } | null }[] } = await call('sites.status', {});
    expect(sites.sites.find((site) => site.id === 'google')?.last?.itemsFound).toBe(10);
  });

  it('says what an audited forum page showed, per page and per engine', async () => {
    const thread = 'https://forum.example.org/viewtopic.php?t=7';
    await call('page.status', { site: 'phpbb', url: thread, itemsFound: 9, blocksSeen: 9 }, CONTENT_SCRIPT);
    const here: { tabPage: unknown } = await call('kpi.get', { tabUrl: thread });
    expect(here.tabPage).toEqual({ kind: 'forum', site: 'phpbb', siteName: 'phpBB', recognised: true, itemsFound: 9, query: null, isKeyQuery: null });
    const otherThread: { tabPage: { recognised: boolean } } = await call('kpi.get', { tabUrl: `${thread}0` });
    expect(otherThread.tabPage.recognised).toBe(false);
    await call('page.status', { site: 'generic', url: thread, itemsFound: 4, blocksSeen: 4 }, CONTENT_SCRIPT);
    const guessed: { tabPage: { siteName: string } } = await call('kpi.get', { tabUrl: thread });
    expect(guessed.tabPage.siteName).toMatch(/generic/);
  });

  it('validates pasted selector overrides and hands each search content script its own engine’s', async () => {
    const onGoogle = contentScriptOn(page.url);
    const badJson: { saved: false; error: string } = await call('overrides.save', { text: '{ "google": ' });
    expect(badJson.error).toMatch(/^This is not valid JSON: it ends before it is complete \(line 1, column 13\)\.$/);
    const badSelector: { saved: false; error: string } = await call('overrides.save', { text: '{"google":{"title":["h3[["]}}' });
    expect(badSelector.error).toBe('google.title[0]: The CSS selector “h3[[” is not valid.');
    const unknownSite: { saved: false; error: string } = await call('overrides.save', { text: '{"altavista":{}}' });
    expect(unknownSite.error).toBe('altavista: “altavista” is not a site the extension knows.');
    expect(await call('overrides.get', {}, onGoogle)).toEqual({ overrides: {} });
    const ok: { saved: true } = await call('overrides.save', { text: '{"google":{"title":["h3.new"]},"bing":{"title":["h2.b"]}}' });
    expect(ok.saved).toBe(true);
    expect(await call('overrides.get', {}, onGoogle)).toEqual({ overrides: { google: { title: ['h3.new'] } } });
    expect(await call('overrides.get', {}, contentScriptOn('https://forum.example.org/t/1'))).toEqual({ overrides: {} });
  });
});

describe('suggestions learn from marks', () => {
  it('a project-specific word the user keeps marking negative turns new suggestions negative, and agreement is counted', async () => {
    await call('projects.save', { input: { name: 'Telecom', keyQueries: ['acme clinic'] } });
    const texts = Array.from({ length: 12 }, (_, i) => ({
      rank: i + 1,
      url: `https://forum.example/t/${i}`,
      title: `Acme mobile roaming in district ${i}`,
      snippet: `Roaming in zone ${i}.`,
    }));
    const probe = { rank: 1, url: 'https://other.example/new', title: 'Acme mobile roaming downtown', snippet: 'Roaming all week.' };
    const unlearned: { items: { suggested: { label: string } }[] } = await call('page.observe', { page, items: [probe] }, CONTENT_SCRIPT);
    expect(unlearned.items[0]!.suggested.label).toBe('neutral');
    const before: { items: { suggested: { label: string } }[] } = await call('page.observe', { page, items: texts }, CONTENT_SCRIPT);
    const agreeing = before.items.filter((item) => item.suggested.label === 'negative').length;
    for (const item of texts) await call('mark.set', { page, item, sentiment: 'negative', recommends: false }, CONTENT_SCRIPT);
    const after: { items: { suggested: { label: string } }[] } = await call('page.observe', { page, items: [probe] }, CONTENT_SCRIPT);
    expect(after.items[0]!.suggested.label).toBe('negative');
    const agreement: { thisMonth: { agreed: number; total: number }; lastMonth: { total: number } } = await call('suggestions.agreement', {});
    expect(agreement.thisMonth.total).toBe(12);
    expect(agreement.thisMonth.agreed).toBe(agreeing);
    expect(agreement.lastMonth.total).toBe(0);
  });
});

describe('editing the client', () => {
  it('re-derives the stored badges and the KPIs that depend on them when the client domains change', async () => {
    const saved: { project: { id: string } } = await call('projects.save', {
      input: { name: 'Acme', clientDomains: ['elsewhere.example'], keyQueries: ['acme clinic'] },
    });
    await call('page.observe', { page, items }, CONTENT_SCRIPT);
    await call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: true }, CONTENT_SCRIPT);
    const thirdParty = async () => {
      const kpis: { report: { kpis: { key: string; value: number | null }[] } } = await call('kpi.get', {});
      return kpis.report.kpis.find((kpi) => kpi.key === 'third-party-recommend')!.value;
    };
    // acmeclinic.com is not the client yet, so its recommendation counts as third-party.
    expect(await thirdParty()).toBe(0.5);
    await call('projects.save', {
      id: saved.project.id,
      input: { name: 'Acme', clientDomains: ['acmeclinic.com'], keyQueries: ['acme clinic'] },
    });
    expect(await thirdParty()).toBe(0);
    const states: { items: { flags: { clientSite: boolean } }[] } = await call('page.observe', { page, items: [items[0]] }, CONTENT_SCRIPT);
    expect(states.items[0]!.flags.clientSite).toBe(true);
  });

  it('badges results on a competitor domain, and re-derives stored badges when the competitors change', async () => {
    const saved: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    const observed: { items: { flags: { competitor?: boolean } }[] } = await call('page.observe', { page, items }, CONTENT_SCRIPT);
    expect(observed.items.map((item) => item.flags.competitor === true)).toEqual([false, false]);
    await call('projects.save', { id: saved.project.id, input: { name: 'Acme', keyQueries: ['acme clinic'], competitorDomains: ['reviews.example.org'] } });
    const again: { items: { flags: { competitor?: boolean } }[] } = await call('page.observe', { page, items }, CONTENT_SCRIPT);
    expect(again.items.map((item) => item.flags.competitor === true)).toEqual([false, true]);
    const csv = await exportFile('mentions.csv', saved.project.id);
    // The stored mention was re-derived: its competitor column (just before the first-seen date) says true.
    expect(csv.text.split('\r\n').filter((line) => line.includes('reviews.example.org') && line.includes(',true,2026-'))).toHaveLength(1);
  });
});

describe('backups through the background', () => {
  it('exports for extension pages only, and imports a file handed over in the transfer cache', async () => {
    const { project }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    await call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, CONTENT_SCRIPT);
    await expect(call('files.export', { file: 'backup', projectId: null }, CONTENT_SCRIPT)).rejects.toThrow(/extension’s own pages/);
    const exported = await exportFile('backup', project.id);
    expect(exported).toMatchObject({ fileName: 'reputation-lens-acme-backup-2026-11-20.json', type: 'application/json' });
    await call('projects.delete', { id: project.id });

    const done: { counts: { projects: { written: number } } } = await importText(exported.text);
    expect(done.counts.projects.written).toBe(1);
    expect((await exportFile('backup', project.id)).text).toBe(exported.text);
  });

  it('takes each file once: what was taken, or never put, is not there', async () => {
    const { transferId }: { transferId: string } = await call('files.export', { file: 'backup', projectId: null });
    expect(await transfers.take(transferId)).not.toBeNull();
    expect(await transfers.take(transferId)).toBeNull();
    const uploaded = await transfers.put('{}', 'application/json');
    await expect(call('backup.import', { transferId: uploaded })).rejects.toThrow(/not a Reputation Lens backup/);
    await expect(call('backup.import', { transferId: uploaded })).rejects.toThrow(/did not reach the background/);
    await expect(call('backup.import', { transferId: '../../etc' })).rejects.toThrow('transferId: Is not written in the expected form.');
  });

  it('refuses an invalid file whole, with where and why, and writes nothing', async () => {
    await expect(importText('{"format": "reputation-lens-backup", "version": 1, "projects": [{"id": 1}]')).rejects.toThrow(
      /^Backup not imported\. This is not valid JSON: it ends before it is complete \(line 1, column 75\)\.$/,
    );
    const { projects }: { projects: unknown[] } = await call('projects.list', {});
    expect(projects).toEqual([]);
  });
});

describe('CSV files through the background', () => {
  it('mentions and monthly KPIs of a project, for spreadsheets', async () => {
    const { project }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    await call('page.observe', { page, items }, CONTENT_SCRIPT);
    await call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, CONTENT_SCRIPT);
    const mentions = await exportFile('mentions.csv', project.id);
    expect(mentions).toMatchObject({ fileName: 'reputation-lens-acme-mentions-2026-11-20.csv', type: 'text/csv;charset=utf-8' });
    const lines = mentions.text.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFproject,kind,url,domain,title,excerpt,label,label source,/);
    expect(lines.filter((line) => line.includes(',positive,marked,'))).toHaveLength(1);
    const kpis = await exportFile('kpis.csv', project.id);
    expect(kpis.text.split('\r\n').filter((line) => line.startsWith('Acme,2026-11,serp-positivity,'))).toHaveLength(1);
  });
});

describe('the popup tab query', () => {
  it('says whether the tab’s search query is a key query of the active project', async () => {
    const tabUrl = 'https://www.google.com/search?q=Acme+Clinic+prices';
    const before: { tabPage: { query: string | null; isKeyQuery: boolean | null } } = await call('kpi.get', { tabUrl });
    expect(before.tabPage).toMatchObject({ query: 'Acme Clinic prices', isKeyQuery: null });
    const { project }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    expect(((await call('kpi.get', { tabUrl })) as typeof before).tabPage.isKeyQuery).toBe(false);
    await call('projects.save', { id: project.id, input: { name: 'Acme', keyQueries: ['acme clinic', 'acme  clinic PRICES'] } });
    expect(((await call('kpi.get', { tabUrl })) as typeof before).tabPage.isKeyQuery).toBe(true);
    expect(((await call('kpi.get', { tabUrl: 'https://forum.example/t/1' })) as { tabPage: unknown }).tabPage).toBeNull();
  });
});

describe('what browsing leaves behind', () => {
  const otherSearch = { ...page, url: 'https://www.google.com/search?q=weather+today', query: 'weather today' };
  const privateWindow = { ...contentScriptOn(page.url), incognito: true };

  it('stores searches of the key queries only; another search keeps only what the user marks on it', async () => {
    await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    const seen: { items: { mark: unknown }[] } = await call('page.observe', { page: otherSearch, items }, contentScriptOn(otherSearch.url));
    expect(seen.items).toHaveLength(2);
    const stored = async () => {
      const rows: { total: number } = await call('mentions.search', { filter: {}, offset: 0, limit: 50 });
      return rows.total;
    };
    expect(await stored()).toBe(0);
    await call('mark.set', { page: otherSearch, item: items[1], sentiment: 'negative', recommends: false }, contentScriptOn(otherSearch.url));
    expect(await stored()).toBe(1);
    // Seen again, the marked result shows its mark; nothing else is kept.
    const again: { items: { mark: { sentiment: string } | null }[] } = await call('page.observe', { page: otherSearch, items }, contentScriptOn(otherSearch.url));
    expect(again.items.map((item) => item.mark?.sentiment ?? null)).toEqual([null, 'negative']);
    expect(await stored()).toBe(1);
    await call('page.observe', { page, items }, contentScriptOn(page.url));
    expect(await stored()).toBe(2);
  });

  it('stores nothing from a private window until the user allows it', async () => {
    await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    expect(await call('privacy.get', {})).toEqual({ storeIncognito: false });
    await call('page.observe', { page, items }, privateWindow);
    await expect(call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, privateWindow)).rejects.toThrow(/private windows are not stored/);
    const report: { report: { markedCount: number } } = await call('kpi.get', {});
    expect(report.report.markedCount).toBe(0);
    expect(((await call('mentions.search', { filter: {}, offset: 0, limit: 50 })) as { total: number }).total).toBe(0);
    await expect(call('privacy.set', { storeIncognito: true }, contentScriptOn(page.url))).rejects.toThrow(/extension/);
    await call('privacy.set', { storeIncognito: true });
    await call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false }, privateWindow);
    expect(((await call('kpi.get', {})) as { report: { markedCount: number } }).report.markedCount).toBe(1);
  });

  it('clears a project’s history from the dashboard only, keeping the marks', async () => {
    const { project }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    await call('page.observe', { page, items }, contentScriptOn(page.url));
    await call('mark.set', { page, item: items[1], sentiment: 'negative', recommends: false }, contentScriptOn(page.url));
    await expect(call('history.clear', { id: project.id }, contentScriptOn(page.url))).rejects.toThrow(/extension/);
    expect(await call('history.clear', { id: project.id })).toEqual({ snapshots: 1, mentions: 1 });
    expect(changes.at(-1)).toBe(project.id);
    const rows: { rows: { url: string }[] } = await call('mentions.search', { filter: {}, offset: 0, limit: 50 });
    expect(rows.rows.map((row) => row.url)).toEqual([items[1]!.url]);
  });
});

describe('marks from rows that may be stale', () => {
  it('a row still showing an older mark (another tab changed it) writes nothing and gets the stored state', async () => {
    const { project }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    const sender = contentScriptOn(page.url);
    const mark = (sentiment: string | null, seenMarkAt: number | null) =>
      call('mark.set', { page, item: items[1], sentiment, recommends: false, projectId: project.id, seenMarkAt }, sender) as Promise<{
        applied: boolean;
        item: { mark: { sentiment: string; at: number } | null };
      }>;
    const first = await mark('negative', null);
    expect(first.applied).toBe(true);
    // The other tab's row was drawn before that mark: it still shows no mark, and its click must not undo it.
    const stale = await mark('positive', null);
    expect(stale).toMatchObject({ applied: false, item: { mark: { sentiment: 'negative' } } });
    const rows: { rows: { item: { mark: { sentiment: string } | null } }[] } = await call('mentions.search', { filter: {}, offset: 0, limit: 50 });
    expect(rows.rows.map((row) => row.item.mark?.sentiment)).toEqual(['negative']);
    // Redrawn with the stored state, the row acts.
    expect((await mark(null, first.item.mark!.at)).applied).toBe(true);
  });

  it('a row drawn for another project is refused once the active project changed', async () => {
    const { project: acme }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    const { project: other }: { project: { id: string } } = await call('projects.save', { input: { name: 'Other', keyQueries: ['acme clinic'] } });
    await call('projects.setActive', { id: other.id });
    await expect(
      call('mark.set', { page, item: items[0], sentiment: 'positive', recommends: false, projectId: acme.id, seenMarkAt: null }, contentScriptOn(page.url)),
    ).rejects.toThrow(/active project is now “Other”/);
    expect(((await call('kpi.get', { projectId: acme.id })) as { report: { markedCount: number } }).report.markedCount).toBe(0);
  });
});

describe('marks from many tabs at once', () => {
  it('three tabs marking 100 results each, all in flight together: every mark is stored and counted once', async () => {
    const { project }: { project: { id: string } } = await call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'] } });
    const results = Array.from({ length: 100 }, (_, index) => ({ rank: index + 1, url: `https://site${index}.example/acme`, title: `Acme Clinic ${index}`, snippet: 'Opening hours.' }));
    await call('page.observe', { page, items: results.slice(0, 20) }, contentScriptOn(page.url, 'tab-0:0'));
    const sentiments = ['positive', 'neutral', 'negative'] as const;
    // Each tab marks every result with its own sentiment; whichever lands last stands, and none is lost.
    await Promise.all(
      sentiments.map((sentiment, tab) =>
        Promise.all(results.map((item) => call('mark.set', { page, item, sentiment, recommends: false }, contentScriptOn(page.url, `tab-${tab}:0`)))),
      ),
    );
    const rows: { total: number; rows: { item: { mark: { sentiment: string } | null } }[] } = await call('mentions.search', {
      filter: { state: 'marked' },
      offset: 0,
      limit: 200,
    });
    expect(rows.total).toBe(100);
    type Report = { report: { markedCount: number; kpis: { key: string; value: number | null; counted?: number }[] } };
    const incremental: Report = await call('kpi.get', { projectId: project.id });
    expect(incremental.report.markedCount).toBe(100);
    // The counters the marks updated one by one equal a rebuild from the records (another key query makes one).
    await call('projects.save', { id: project.id, input: { name: 'Acme', keyQueries: ['acme clinic', 'acme clinic hours'] } });
    const rebuilt: Report = await call('kpi.get', { projectId: project.id });
    expect(rebuilt.report.kpis).toEqual(incremental.report.kpis);
  });
});

describe('repeated entries in a project', () => {
  it('a second project of the same name is refused beside its name; repeated list entries are merged', async () => {
    const first = (await call('projects.save', { input: { name: 'Acme' } })) as { saved: boolean };
    expect(first.saved).toBe(true);
    const twin = (await call('projects.save', { input: { name: '  acme ' } })) as { saved: false; fieldErrors: Record<string, string> };
    expect(twin).toEqual({ saved: false, fieldErrors: { name: 'Another project is already called “acme”.' } });
    const merged = (await call('projects.save', {
      input: {
        name: 'ЛСР',
        brandTerms: ['ЛСР', 'лср', 'Группа  ЛСР', 'группа лср'],
        clientDomains: ['лср.рф', 'https://www.лср.рф/', 'LSR.ru', 'lsr.ru'],
        keyQueries: ['лср отзывы', 'ЛСР  отзывы'],
      },
    })) as { saved: true; project: { brandTerms: string[]; clientDomains: string[]; keyQueries: string[] } };
    expect(merged.project.brandTerms).toEqual(['ЛСР', 'Группа  ЛСР']);
    expect(merged.project.clientDomains).toHaveLength(2);
    expect(merged.project.keyQueries).toEqual(['лср отзывы']);
  });
});
