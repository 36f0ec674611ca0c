import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PENDING_MARKS, PendingMarks } from '@/lib/background/pending-marks';
import type { ExtensionStorageArea } from '@/lib/settings/extension-storage';
import { parseBackup } from '@/lib/backup/format';
import { FileTransfers, type TransferStorage } from '@/lib/backup/transfer';
import { monthOf } from '@/lib/schema';
import { memoryStorageArea } from '../support/extension-storage';
import { CONTENT_SCRIPT, testService, type TestService } from '../support/service';

const page = { url: 'https://www.google.com/search?q=acme+clinic', site: 'google', kind: 'serp' as const, query: 'acme clinic' };
const item = (n: number) => ({ rank: n, url: `https://site${n}.example/review`, title: `Review ${n}`, snippet: 'Acme Clinic was fine', linkedUrls: [] });

/** The database refuses every mark write for want of room, as the browser does at commit, until `room()`. */
function fillDatabase(service: TestService) {
  const write = service.repository.mentions.setMarkSeen.bind(service.repository.mentions);
  const spy = vi.spyOn(service.repository.mentions, 'setMarkSeen').mockImplementation(async () => {
    throw new DOMException('The quota was exceeded.', 'QuotaExceededError');
  });
  return { room: () => spy.mockImplementation(write) };
}

async function serviceWithProject(area: ExtensionStorageArea = memoryStorageArea(), clock = { now: new Date(2026, 9, 30, 12).getTime() }) {
  const service = await testService({ pendingMarks: new PendingMarks(area), now: () => clock.now });
  const saved = await service.call('projects.save', { input: { name: 'Acme', keyQueries: ['acme clinic'], brandTerms: ['Acme Clinic'] } });
  if (!saved.saved) throw new Error('The project was not saved');
  await service.call('page.observe', { page, items: [item(1), item(2), item(3)] }, CONTENT_SCRIPT);
  return { service, project: saved.project, area, clock };
}

const markOf = async (service: TestService, projectId: string, n: number) =>
  (await service.repository.mentions.getMentions(projectId, [`https://site${n}.example/review`]))[0]?.mark ?? null;

afterEach(() => vi.restoreAllMocks());

describe('a mark the database has no room for', () => {
  it('is refused with a plain message, stored nowhere in the database, and kept', async () => {
    const { service, project, area } = await serviceWithProject();
    const before = await service.call('kpi.get', {});
    fillDatabase(service);
    await expect(service.call('mark.set', { page, item: item(1), sentiment: 'negative', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(
      'The browser has no room left to store Reputation Lens data: free some disk space, then try again. This mark is kept and will be saved with the next write that finds room.',
    );
    expect(await markOf(service, project.id, 1)).toBeNull();
    // Reading goes on while the database is full.
    expect(await service.call('kpi.get', {})).toEqual(before);
    expect(((await area.get('pendingMarks')).pendingMarks as unknown[]).length).toBe(1);
  });

  it('is written, with the time it was set, by the next write that finds room, before that write', async () => {
    const { service, project, clock } = await serviceWithProject();
    const markedAt = clock.now;
    const full = fillDatabase(service);
    await expect(service.call('mark.set', { page, item: item(1), sentiment: 'negative', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/kept/);
    // A second try of the same item keeps the later mark only.
    await expect(service.call('mark.set', { page, item: item(1), sentiment: 'positive', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/kept/);
    await expect(service.call('mark.set', { page, item: item(2), sentiment: 'negative', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/kept/);
    full.room();
    clock.now = new Date(2026, 10, 2).getTime();
    await service.call('mark.set', { page, item: item(3), sentiment: 'neutral', recommends: false }, CONTENT_SCRIPT);
    expect(await markOf(service, project.id, 1)).toMatchObject({ sentiment: 'positive', at: markedAt });
    expect(await markOf(service, project.id, 2)).toMatchObject({ sentiment: 'negative', at: markedAt });
    expect(await markOf(service, project.id, 3)).toMatchObject({ sentiment: 'neutral', at: clock.now });
    const october = await service.call('kpi.get', { month: monthOf(markedAt) });
    expect(october.report!.markedCount).toBe(3);
  });

  it('outlives the worker: a restarted worker writes it with the next page it stores', async () => {
    const area = memoryStorageArea();
    const first = await serviceWithProject(area);
    fillDatabase(first.service);
    await expect(first.service.call('mark.set', { page, item: item(2), sentiment: 'negative', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/kept/);
    vi.restoreAllMocks();
    // The restarted worker: handlers and a queue made anew, over the same database and extension storage.
    const restarted = await testService({ pendingMarks: new PendingMarks(area), now: () => first.clock.now }, first.service.db);
    await restarted.call('page.observe', { page, items: [item(1)] }, CONTENT_SCRIPT);
    await vi.waitFor(async () => expect(await markOf(restarted, first.project.id, 2)).toMatchObject({ sentiment: 'negative' }));
    expect((await area.get('pendingMarks')).pendingMarks).toEqual([]);
  });

  it('is dropped when its project is gone, and never kept past the limit', async () => {
    const { service, project, area } = await serviceWithProject();
    const full = fillDatabase(service);
    await expect(service.call('mark.set', { page, item: item(1), sentiment: 'negative', recommends: false }, CONTENT_SCRIPT)).rejects.toThrow(/kept/);
    full.room();
    await service.call('projects.delete', { id: project.id });
    const queue = new PendingMarks(area);
    const written: unknown[] = [];
    await queue.replay(async (mark) => {
      written.push(mark);
      throw new Error(`No project with id ${mark.projectId}`);
    });
    expect(written).toHaveLength(1);
    expect((await area.get('pendingMarks')).pendingMarks).toEqual([]);
    const template = { projectId: 'p', at: 1, request: { page, item: item(1), sentiment: 'negative' as const, recommends: false } };
    const markOfItem = (n: number) => ({ ...template, request: { ...template.request, item: item(n) } });
    await area.set({ pendingMarks: Array.from({ length: MAX_PENDING_MARKS - 1 }, (_, n) => markOfItem(n + 1)) });
    expect(await queue.keep(markOfItem(MAX_PENDING_MARKS))).toBe(true);
    expect(await queue.keep(markOfItem(MAX_PENDING_MARKS + 1))).toBe(false);
    // Another mark of an item already kept replaces it, full or not.
    expect(await queue.keep({ ...markOfItem(1), at: 2 })).toBe(true);
  });
});

describe('export while the profile is full', () => {
  it('answers with the file itself when the transfer cache has no room for it', async () => {
    const fullCache: TransferStorage = {
      open: async () => ({
        put: async () => Promise.reject(new DOMException('The quota was exceeded.', 'QuotaExceededError')),
        match: async () => undefined,
        delete: async () => false,
        keys: async () => [],
      }),
    };
    const { service } = await serviceWithProject();
    const full = await testService({ transfers: new FileTransfers(fullCache) }, service.db);
    const backup = await full.call('files.export', { file: 'backup', projectId: null });
    if (!('text' in backup)) throw new Error('The backup was expected in the answer');
    expect(parseBackup(backup.text)).toMatchObject({ ok: true, backup: { mentions: expect.any(Array) } });
    expect(backup.fileName).toMatch(/^reputation-lens-all-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const csv = await full.call('files.export', { file: 'mentions.csv', projectId: null });
    expect('text' in csv && csv.text.startsWith('\uFEFF')).toBe(true);
  });
});
