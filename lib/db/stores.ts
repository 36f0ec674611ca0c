import type { IDBPTransaction, StoreNames } from 'idb';
import type { LensDB } from './database';

/** What the repositories of lib/db share: the transaction type, per-project deletion and the settings keys. */

export type WriteTransaction = IDBPTransaction<LensDB, ArrayLike<StoreNames<LensDB>>, 'readwrite'>;

export type ProjectScopedStore = 'mentions' | 'snapshots' | 'aggregates' | 'portals' | 'promotion';

/** Removes every record of one project from a store keyed by project (through its byProject index). */
export async function deleteProjectRecords(tx: WriteTransaction, store: ProjectScopedStore, projectId: string): Promise<void> {
  const records = tx.objectStore(store);
  for (let cursor = await records.index('byProject').openKeyCursor(projectId); cursor; cursor = await cursor.continue()) {
    await records.delete(cursor.primaryKey);
  }
}

export const ACTIVE_PROJECT_KEY = 'activeProjectId';
export const learnedModelKey = (projectId: string) => `learned:${projectId}`;
/** Settings key of the project's marked-mention counter, kept with every mark so the popup never counts marks. */
export const markedCountKey = (projectId: string) => `markedCount:${projectId}`;
