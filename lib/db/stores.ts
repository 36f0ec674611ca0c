import { unwrap, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import type { Mention, Project } from '../schema';
import type { LensDB } from './database';

/** What the repositories of lib/db share: the transaction type, per-project deletion and the settings keys. */

export type WriteTransaction = IDBPTransaction<LensDB, ArrayLike<StoreNames<LensDB>>, 'readwrite'>;

export type ProjectScopedStore = 'mentions' | 'snapshots' | 'aggregates' | 'topSlots' | 'portals' | 'promotion';

/**
 * Removes every record of one project from a store keyed by project. Stores keyed [projectId, …] lose the
 * whole key range in one request (a cursor deleting 100,000 mentions one by one took minutes); snapshots,
 * numbered by the database, go through their byProject index.
 */
export async function deleteProjectRecords(tx: WriteTransaction, store: ProjectScopedStore, projectId: string): Promise<void> {
  if (store !== 'snapshots') {
    await tx.objectStore(store).delete(projectKeyRange(projectId));
    return;
  }
  const records = tx.objectStore(store);
  for (let cursor = await records.index('byProject').openKeyCursor(projectId); cursor; cursor = await cursor.continue()) {
    await records.delete(cursor.primaryKey);
  }
}

/** Every key [projectId, …] of one project: an array sorts after every string, so [projectId, []] closes the range. */
export const projectKeyRange = (projectId: string) => IDBKeyRange.bound([projectId], [projectId, []]);

/** A project's marked mentions in the byProjectMarkedAt index (unmarked ones have no mark.at and are not in it). */
export const markedMentionsRange = (projectId: string) => IDBKeyRange.bound([projectId, -Infinity], [projectId, Infinity]);

/** Mentions read per request while scanning: one request per record made a 100,000-mention scan crawl. */
const SCAN_SLICE = 1000;

/** Walks a project's mentions in key order ([projectId, canonicalUrl]), a slice at a time, in the caller's transaction. */
export async function scanProjectMentions(
  mentions: { getAll(range: IDBKeyRange, count: number): Promise<Mention[]> },
  projectId: string,
  visit: (slice: Mention[]) => void,
): Promise<void> {
  for (let range: IDBKeyRange | null = projectKeyRange(projectId); range; ) {
    const slice = await mentions.getAll(range, SCAN_SLICE);
    visit(slice);
    const last = slice.at(-1);
    range = slice.length === SCAN_SLICE && last ? IDBKeyRange.bound([projectId, last.canonicalUrl], [projectId, []], true) : null;
  }
}

/**
 * Chromium's IndexedDB spends more per request when tens of thousands are queued at once: 100,000 mentions
 * took 29 to 35 s to put queued together, 23 to 26 s with a few hundred in flight (Chromium 150, two cores).
 */
const WRITES_IN_FLIGHT = 256;

/**
 * Puts many records in one store of the transaction, without a promise per request, and resolves once all
 * are written. A failed write rejects, and aborts the transaction.
 */
export function putAll<S extends StoreNames<LensDB>>(tx: WriteTransaction, storeName: S, records: readonly LensDB[S]['value'][]): Promise<void> {
  const store = unwrap(tx.objectStore(storeName));
  return new Promise((resolve, reject) => {
    let queued = 0;
    let written = 0;
    const queueNext = () => {
      if (queued === records.length) return;
      const request = store.put(records[queued++]);
      request.onsuccess = () => (++written === records.length ? resolve() : queueNext());
      request.onerror = () => reject(request.error);
    };
    if (records.length === 0) resolve();
    for (let slot = 0; slot < WRITES_IN_FLIGHT; slot++) queueNext();
  });
}

export const ACTIVE_PROJECT_KEY = 'activeProjectId';
/** Settings key: whether pages seen in private windows are stored (the user's choice; off by default). */
export const STORE_INCOGNITO_KEY = 'storeIncognito';
export const learnedModelKey = (projectId: string) => `learned:${projectId}`;
/** Settings key of the day (days since 1970, UTC) retention was last applied to the project. */
export const retentionDayKey = (projectId: string) => `retentionDay:${projectId}`;
/** Settings key of the project's marked-mention counter, kept with every mark so the popup never counts marks. */
export const markedCountKey = (projectId: string) => `markedCount:${projectId}`;

/** A project's records of one store keyed [projectId, name]: the portals by domain. */
export type ProjectRecordStore<S extends 'portals'> = IDBPObjectStore<LensDB, ArrayLike<StoreNames<LensDB>>, S, 'readwrite'>;

/**
 * The records of one project that a write touches, each loaded on first use and written back once at the end,
 * in the transaction of the write they follow from.
 */
export class ProjectRecordWrites<S extends 'portals'> {
  private readonly loaded = new Map<string, LensDB[S]['value'] | undefined>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly store: ProjectRecordStore<S>,
    private readonly projectId: string,
  ) {}

  async get(name: string): Promise<LensDB[S]['value'] | undefined> {
    if (!this.loaded.has(name)) this.loaded.set(name, await this.store.get([this.projectId, name]));
    return this.loaded.get(name);
  }

  /** Replaces (or creates) the record to be written back. */
  set(name: string, record: LensDB[S]['value']): void {
    this.loaded.set(name, record);
    this.dirty.add(name);
  }

  /** The loaded record was changed in place. */
  changed(name: string): void {
    this.dirty.add(name);
  }

  async writeBack(): Promise<void> {
    for (const name of this.dirty) {
      const record = this.loaded.get(name);
      if (record) await this.store.put(record);
    }
  }
}

/** Projects in the order they were made: the order every list of them shows. */
export function inCreationOrder(projects: Project[]): Project[] {
  return projects.sort((a, b) => a.createdAt - b.createdAt);
}

/** The active project's id as the setting stores it, when it names one of `projects` (a deleted one is no longer active). */
export function activeProjectIdAmong(setting: unknown, projects: readonly Project[]): string | null {
  return typeof setting === 'string' && projects.some((project) => project.id === setting) ? setting : null;
}
