import { BACKUP_FORMAT, BACKUP_VERSION, identityOf, type Backup, type BackupSection } from '../backup/format';
import type { PromotionMonth } from '../promotion';
import type { Mention, PortalRecord, Project } from '../schema';
import { inKeyOrder } from '../schema/key-order';
import { LearnedModelSchema } from '../sentiment';
import { COUNTER_STORES, frozenAggregates, rebuildProjectCounters, writeAggregate } from './aggregates';
import type { LensDatabase } from './database';
import { ACTIVE_PROJECT_KEY, learnedModelKey, projectKeyRange, putAll } from './stores';

/** Per kind of record: how many the import wrote (new or newer) and how many it left as they were. */
export type ImportCounts = Record<'projects' | 'mentions' | 'snapshots' | 'portals' | 'promotion' | 'frozenMonths', { written: number; kept: number }>;

/** Takes a backup's records section by section, in file order. */
type BackupSink = <K extends BackupSection>(kind: K, records: Backup[K]) => void;

/** When a record last changed, for "newer wins": what the user did counts as much as what was observed. */
const changedAt = {
  projects: (project: Project) => project.updatedAt,
  mentions: (mention: Mention) => Math.max(mention.lastSeen, mention.mark?.at ?? 0),
  portals: (portal: PortalRecord) => Math.max(0, ...Object.values(portal.months).map((month) => month.lastObservedAt)),
  promotion: (promotion: PromotionMonth) => promotion.updatedAt,
};

/** Mentions are read this many at a time, so that one slice is written out while the next is read. */
const MENTION_SLICE = 5000;

/** Backups of the raw records, and their import merged by identity in one transaction. */
export class BackupRepository {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
  ) {}

  /**
   * Every raw record of the given projects (all projects when none is given), read in one transaction and
   * handed to `take` in file order; derived records are left out. The mentions, nearly all of a backup, come
   * slice by slice in the store's key order (project, then URL), each slice handed over while the next is read.
   */
  async readBackup(projectIds: readonly string[] | undefined, take: BackupSink): Promise<void> {
    const tx = this.db.transaction(['projects', 'mentions', 'snapshots', 'portals', 'promotion', 'settings', 'aggregates', 'topSlots']);
    const projects = (await tx.objectStore('projects').getAll()).filter((project) => !projectIds || projectIds.includes(project.id));
    take('projects', projects);
    // Queued before the mentions: answered first, they wait in memory until the mentions are written.
    const counters = { aggregates: tx.objectStore('aggregates'), topSlots: tx.objectStore('topSlots') };
    const perProject = Promise.all(
      projects.map((project) =>
        Promise.all([
          tx.objectStore('snapshots').index('byProject').getAll(project.id),
          tx.objectStore('portals').getAll(projectKeyRange(project.id)),
          tx.objectStore('promotion').getAll(projectKeyRange(project.id)),
          tx.objectStore('settings').get(learnedModelKey(project.id)),
          frozenAggregates(counters, project),
        ]),
      ),
    );
    const mentions = tx.objectStore('mentions');
    for (const { id } of projects) {
      let slice = await mentions.getAll(projectKeyRange(id), MENTION_SLICE);
      while (slice.length > 0) {
        const after = IDBKeyRange.bound([id, slice.at(-1)!.canonicalUrl], [id, []], true);
        const next = slice.length < MENTION_SLICE ? Promise.resolve([]) : mentions.getAll(after, MENTION_SLICE);
        take('mentions', slice);
        slice = await next;
      }
    }
    const rest = await perProject;
    // Snapshot ids are this profile's own counter: another profile numbers them differently.
    take('snapshots', rest.flatMap(([snapshots]) => snapshots.map(({ id: _id, ...snapshot }) => snapshot)));
    take('portals', rest.flatMap(([, portals]) => portals));
    take('promotion', rest.flatMap(([, , promotion]) => promotion));
    take(
      'learned',
      rest.flatMap(([, , , setting], index) => {
        const learned = LearnedModelSchema.safeParse(setting?.value);
        return learned.success ? [{ projectId: projects[index]!.id, model: learned.data }] : [];
      }),
    );
    take('frozenMonths', rest.flatMap(([, , , , frozen]) => frozen));
    await tx.done;
  }

  /** Every raw record of the given projects (all projects when none is given), in memory. */
  async exportProjects(projectIds?: readonly string[]): Promise<Backup> {
    const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, projects: [], mentions: [], snapshots: [], portals: [], promotion: [], learned: [], frozenMonths: [] };
    await this.readBackup(projectIds, (kind, records) => {
      // Appended one by one: spreading 100,000 records into push() overflows the call stack.
      for (const record of records) (backup[kind] as unknown[]).push(record);
    });
    return backup;
  }

  /**
   * Merges a validated backup: each record is written when it is new here or changed later than the one
   * here, and kept otherwise; then every imported project's aggregates are rebuilt from the merged records,
   * all in one transaction, so a failure leaves the database as it was.
   */
  async importBackup(backup: Backup): Promise<ImportCounts> {
    const tx = this.db.transaction(['projects', 'promotion', ...COUNTER_STORES], 'readwrite');
    const projectIds = backup.projects.map((project) => project.id);
    // What is here of the file's projects: one request per project and store, never one per record.
    const perProject = <T>(read: (projectId: string) => Promise<T[]>) => Promise.all(projectIds.map(read)).then((lists) => lists.flat());
    const [projectsHere, mentionsHere, snapshotsHere, portalsHere, promotionHere] = await Promise.all([
      Promise.all(projectIds.map((id) => tx.objectStore('projects').get(id))).then((found) => found.filter((project) => project !== undefined)),
      perProject((id) => tx.objectStore('mentions').getAll(projectKeyRange(id))),
      perProject((id) => tx.objectStore('snapshots').index('byProject').getAll(id)),
      perProject((id) => tx.objectStore('portals').getAll(projectKeyRange(id))),
      perProject((id) => tx.objectStore('promotion').getAll(projectKeyRange(id))),
    ]);
    const projects = mergeNewer('projects', backup.projects, projectsHere);
    const mentions = mergeNewer('mentions', backup.mentions, mentionsHere);
    const portals = mergeNewer('portals', backup.portals, portalsHere);
    const promotion = mergeNewer('promotion', backup.promotion, promotionHere);
    const knownSnapshots = new Set(snapshotsHere.map(identityOf.snapshots));
    const freshSnapshots = backup.snapshots.filter((record) => !knownSnapshots.has(identityOf.snapshots(record)));

    await putAll(tx, 'projects', projects.written);
    await putAll(tx, 'mentions', mentions.written.map(inKeyOrder));
    await putAll(tx, 'snapshots', freshSnapshots);
    await putAll(tx, 'portals', portals.written);
    await putAll(tx, 'promotion', promotion.written);
    const settings = tx.objectStore('settings');
    const takenProjects = new Set(projects.written.map((project) => project.id));
    for (const { projectId, model } of backup.learned) {
      const here = await settings.get(learnedModelKey(projectId));
      if (!here || takenProjects.has(projectId)) await settings.put({ key: learnedModelKey(projectId), value: model });
    }
    // A project's frozen months go with its record: the one that wins says from which month searches are kept.
    const frozenMonths = backup.frozenMonths.filter((aggregate) => takenProjects.has(aggregate.projectId));
    for (const aggregate of frozenMonths) await writeAggregate(tx, aggregate);
    const active = await settings.get(ACTIVE_PROJECT_KEY);
    if (typeof active?.value !== 'string' && backup.projects[0]) await settings.put({ key: ACTIVE_PROJECT_KEY, value: backup.projects[0].id });

    // Rebuilt from the records in hand rather than read back: reading 100,000 mentions took seconds.
    const snapshotsOf = groupByProject([...snapshotsHere, ...freshSnapshots]);
    const mentionsOf = groupByProject(mentions.merged);
    for (const project of projects.merged) {
      await rebuildProjectCounters(tx, project, this.normalizeQuery, { snapshots: snapshotsOf.get(project.id) ?? [], mentions: mentionsOf.get(project.id) ?? [] });
    }
    await tx.done;
    return {
      projects: projects.counts,
      mentions: mentions.counts,
      snapshots: { written: freshSnapshots.length, kept: backup.snapshots.length - freshSnapshots.length },
      portals: portals.counts,
      promotion: promotion.counts,
      frozenMonths: { written: frozenMonths.length, kept: backup.frozenMonths.length - frozenMonths.length },
    };
  }
}

/**
 * Newer wins, by identity: the file's records that are new here or changed later than the one here (to be
 * written), how many were written and kept, and the records as they stand once written.
 */
function mergeNewer<K extends keyof typeof changedAt>(kind: K, incoming: Backup[K], here: Backup[K]) {
  type Item = Backup[K][number];
  const identity = identityOf[kind] as (record: Item) => string;
  const changed = changedAt[kind] as (record: Item) => number;
  const merged = new Map((here as Item[]).map((record) => [identity(record), record]));
  const written = (incoming as Item[]).filter((record) => {
    const current = merged.get(identity(record));
    const newer = !current || changed(record) > changed(current);
    if (newer) merged.set(identity(record), record);
    return newer;
  });
  return { written, counts: { written: written.length, kept: incoming.length - written.length }, merged: [...merged.values()] };
}

function groupByProject<T extends { projectId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.projectId);
    if (group) group.push(record);
    else groups.set(record.projectId, [record]);
  }
  return groups;
}
