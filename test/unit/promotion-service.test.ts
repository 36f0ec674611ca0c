import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, testService, type TestService } from '../support/service';
import type { LensDatabase } from '@/lib/db/database';
import { NO_FIGURES } from '@/lib/promotion';

const NOW = new Date(2026, 10, 20).getTime();

const VK = {
  name: 'VK',
  actual: { spend: 12_000, impressions: 48_000, clicks: 960, joins: 120, conversions: 30, sales: 6 },
  plan: { ...NO_FIGURES, spend: 10_000, clicks: 1_000 },
};

let db: LensDatabase;
let call: TestService['call'];
let changes: string[];

beforeEach(async () => {
  changes = [];
  ({ db, call } = await testService({ onDataChanged: (projectId) => changes.push(projectId), now: () => NOW }));
});

let projectCount = 0;
async function newProject(monthlyBudget: number | null = 150_000) {
  // Two projects of one name are refused.
  const saved = await call('projects.save', { input: { name: `Acme ${++projectCount}`, monthlyBudget } });
  if (!saved.saved) throw new Error('project not saved');
  return saved.project;
}

describe('promotion months through the background', () => {
  it('an unsaved month is empty; a saved one comes back as saved, with the budget and the months that have data', async () => {
    const project = await newProject();
    expect(await call('promotion.get', { month: '2026-11' })).toEqual({
      promotion: { projectId: project.id, month: '2026-11', channels: [], updatedAt: 0 },
      budget: 150_000,
      months: [],
    });
    changes = [];
    const { promotion } = await call('promotion.save', { month: '2026-11', channels: [VK] });
    expect(promotion).toEqual({ projectId: project.id, month: '2026-11', channels: [VK], updatedAt: NOW });
    expect(changes).toEqual([project.id]);
    expect(await call('promotion.get', { projectId: project.id, month: '2026-11' })).toEqual({ promotion, budget: 150_000, months: ['2026-11'] });
  });

  it('a later month not saved yet names the latest earlier month’s channels, with empty figures', async () => {
    await newProject();
    await call('promotion.save', { month: '2026-09', channels: [{ ...VK, name: 'Old' }] });
    await call('promotion.save', { month: '2026-11', channels: [VK, { name: 'Telegram', actual: NO_FIGURES, plan: NO_FIGURES }] });
    const next = await call('promotion.get', { month: '2027-01' });
    expect(next.promotion.channels).toEqual([
      { name: 'VK', actual: NO_FIGURES, plan: NO_FIGURES },
      { name: 'Telegram', actual: NO_FIGURES, plan: NO_FIGURES },
    ]);
    expect(next.promotion.updatedAt).toBe(0);
    expect(next.months).toEqual(['2026-09', '2026-11']);
    expect((await call('promotion.get', { month: '2026-08' })).promotion.channels).toEqual([]);
  });

  it('only the extension’s pages read or write promotion; invalid figures and unknown projects are refused', async () => {
    const project = await newProject(null);
    await expect(call('promotion.get', { month: '2026-11' }, CONTENT_SCRIPT)).rejects.toThrow(/extension’s own pages/);
    await expect(call('promotion.save', { month: '2026-11', channels: [VK] }, CONTENT_SCRIPT)).rejects.toThrow(/extension’s own pages/);
    await expect(call('promotion.save', { month: '2026-11', channels: [{ ...VK, actual: { ...VK.actual, spend: -5 } }] })).rejects.toThrow('channels[0].actual.spend: Cannot be negative.');
    await expect(call('promotion.save', { month: '2026-11', channels: [VK, { ...VK, name: 'vk' }] })).rejects.toThrow(/already a channel/);
    await expect(call('promotion.save', { projectId: 'nope', month: '2026-11', channels: [VK] })).rejects.toThrow(/Create a project/);
    expect(await db.count('promotion')).toBe(0);
    expect((await call('promotion.get', { projectId: project.id, month: '2026-11' })).budget).toBeNull();
  });

  it('without a project there is nothing to enter figures for', async () => {
    await expect(call('promotion.get', { month: '2026-11' })).rejects.toThrow(/Create a project/);
  });

  it('deleting a project deletes its promotion months, and only its own', async () => {
    const kept = await newProject();
    const deleted = await newProject();
    await call('promotion.save', { projectId: kept.id, month: '2026-11', channels: [VK] });
    for (const month of ['2026-10', '2026-11']) await call('promotion.save', { projectId: deleted.id, month, channels: [VK] });
    await call('projects.delete', { id: deleted.id });
    expect(await db.getAllKeys('promotion')).toEqual([[kept.id, '2026-11']]);
  });
});
