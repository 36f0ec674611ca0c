import { BACKUP_FORMAT, BACKUP_VERSION, snapshotIdentity, type Backup } from '../backup/format';
import type { PromotionMonth } from '../promotion';
import type { Mention, PortalRecord, Project } from '../schema';
import { LearnedModelSchema } from '../sentiment';
import { COUNTER_STORES, rebuildProjectCounters } from './aggregates';
import type { LensDatabase } from './database';
import { ACTIVE_PROJECT_KEY, learnedModelKey } from './stores';

/** Per kind of record: how many the import wrote (new or newer) and how many it left as they were. */
export type ImportCounts = Record<'projects' | 'mentions' | 'snapshots' | 'portals' | 'promotion', { written: number; kept: number }>;

/** When a record last changed, for "newer wins": what the user did counts as much as what was observed. */
const changedAt = {
  project: (project: Project) => project.updatedAt,
  mention: (mention: Mention) => Math.max(mention.lastSeen, mention.mark?.at ?? 0),
  portal: (portal: PortalRecord) => Math.max(0, ...Object.values(portal.months).map((month) => month.lastObservedAt)),
  promotion: (promotion: PromotionMonth) => promotion.updatedAt,
};

/** Backups of the raw records, and their import merged by identity in one transaction. */
export class BackupRepository {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
  ) {}

  /** Every raw record of the given projects (all projects when none is given); derived records are left out. */
  async exportProjects(projectIds?: readonly string[]): Promise<Backup> {
    const tx = this.db.transaction(['projects', 'mentions', 'snapshots', 'portals', 'promotion', 'settings']);
    const projects = (await tx.objectStore('projects').getAll()).filter((project) => !projectIds || projectIds.includes(project.id));
    const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, projects, mentions: [], snapshots: [], portals: [], promotion: [], learned: [] };
    for (const project of projects) {
      // Appended one by one: spreading 100,000 records into push() overflows the call stack.
      for (const mention of await tx.objectStore('mentions').index('byProject').getAll(project.id)) backup.mentions.push(mention);
      // Snapshot ids are this profile's own counter: another profile numbers them differently.
      for (const { id: _id, ...snapshot } of await tx.objectStore('snapshots').index('byProject').getAll(project.id)) backup.snapshots.push(snapshot);
      for (const portal of await tx.objectStore('portals').index('byProject').getAll(project.id)) backup.portals.push(portal);
      for (const record of await tx.objectStore('promotion').index('byProject').getAll(project.id)) backup.promotion.push(record);
      const learned = LearnedModelSchema.safeParse((await tx.objectStore('settings').get(learnedModelKey(project.id)))?.value);
      if (learned.success) backup.learned.push({ projectId: project.id, model: learned.data });
    }
    await tx.done;
    return backup;
  }

  /**
   * Merges a validated backup: each record is written when it is new here or changed later than the one
   * here, and kept otherwise; then every imported project's aggregates are rebuilt, all in one transaction,
   * so a failure leaves the database as it was.
   */
  async importBackup(backup: Backup): Promise<ImportCounts> {
    const counts: ImportCounts = {
      projects: { written: 0, kept: 0 },
      mentions: { written: 0, kept: 0 },
      snapshots: { written: 0, kept: 0 },
      portals: { written: 0, kept: 0 },
      promotion: { written: 0, kept: 0 },
    };
    const tally = (kind: keyof ImportCounts, written: boolean) => (written ? counts[kind].written++ : counts[kind].kept++);
    const tx = this.db.transaction(['projects', 'promotion', ...COUNTER_STORES], 'readwrite');
    /**
     * Writes each record that is new here or changed later than the one here; returns the ones written.
     * Requests are queued together rather than awaited one by one: IndexedDB runs them in order anyway.
     */
    const mergeNewer = async <T>(kind: keyof ImportCounts, records: readonly T[], here: (record: T) => Promise<T | undefined>, write: (record: T) => Promise<unknown>, changed: (record: T) => number) => {
      const current = await Promise.all(records.map(here));
      const written = records.filter((record, index) => {
        const take = !current[index] || changed(record) > changed(current[index]!);
        tally(kind, take);
        return take;
      });
      await Promise.all(written.map(write));
      return written;
    };
    const projects = tx.objectStore('projects');
    // A project this database does not hold has no records here either: its records need no comparison.
    const newHere = new Set<string>();
    for (const { id } of backup.projects) if (!(await projects.get(id))) newHere.add(id);
    const hereUnlessNew = <T extends { projectId: string }>(read: (record: T) => Promise<T | undefined>) => (record: T) =>
      newHere.has(record.projectId) ? Promise.resolve(undefined) : read(record);
    const takenProjects = new Set(
      (await mergeNewer('projects', backup.projects, (project) => projects.get(project.id), (project) => projects.put(project), changedAt.project)).map((project) => project.id),
    );
    const mentions = tx.objectStore('mentions');
    await mergeNewer('mentions', backup.mentions, hereUnlessNew((mention) => mentions.get([mention.projectId, mention.canonicalUrl])), (mention) => mentions.put(mention), changedAt.mention);
    const snapshots = tx.objectStore('snapshots');
    for (const project of backup.projects) {
      const known = new Set(newHere.has(project.id) ? [] : (await snapshots.index('byProject').getAll(project.id)).map(snapshotIdentity));
      const own = backup.snapshots.filter((record) => record.projectId === project.id);
      const fresh = own.filter((record) => !known.has(snapshotIdentity(record)));
      counts.snapshots.written += fresh.length;
      counts.snapshots.kept += own.length - fresh.length;
      await Promise.all(fresh.map((snapshot) => snapshots.add(snapshot)));
    }
    const portals = tx.objectStore('portals');
    await mergeNewer('portals', backup.portals, hereUnlessNew((portal) => portals.get([portal.projectId, portal.domain])), (portal) => portals.put(portal), changedAt.portal);
    const promotionMonths = tx.objectStore('promotion');
    await mergeNewer('promotion', backup.promotion, hereUnlessNew((record) => promotionMonths.get([record.projectId, record.month])), (record) => promotionMonths.put(record), changedAt.promotion);
    const settings = tx.objectStore('settings');
    for (const { projectId, model } of backup.learned) {
      const here = await settings.get(learnedModelKey(projectId));
      if (!here || takenProjects.has(projectId)) await settings.put({ key: learnedModelKey(projectId), value: model });
    }
    const active = await settings.get(ACTIVE_PROJECT_KEY);
    if (typeof active?.value !== 'string' && backup.projects[0]) await settings.put({ key: ACTIVE_PROJECT_KEY, value: backup.projects[0].id });
    for (const { id } of backup.projects) {
      const project = await projects.get(id);
      if (project) await rebuildProjectCounters(tx, project, this.normalizeQuery);
    }
    await tx.done;
    return counts;
  }
}
