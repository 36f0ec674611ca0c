import { COUNTER_STORES, rebuildProjectCounters } from './aggregates';
import type { LensDatabase } from './database';
import { deleteProjectRecords, projectKeyRange, putAll } from './stores';

export interface ClearedHistory {
  snapshots: number;
  mentions: number;
}

/** What a project keeps of the user's browsing: the search snapshots and the mentions seen but never marked. */
export class BrowsingHistory {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
  ) {}

  /**
   * Deletes the project's snapshots and every mention the user did not mark, in one transaction; the marks stay,
   * and the counters are rebuilt from them. The marked mentions are set aside and the project's whole key range
   * is dropped in one request: deleting 100,000 records one by one takes minutes.
   */
  async clear(projectId: string): Promise<ClearedHistory> {
    const tx = this.db.transaction(['projects', ...COUNTER_STORES], 'readwrite');
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    const mentions = tx.objectStore('mentions');
    const [snapshots, allMentions, marked] = await Promise.all([
      tx.objectStore('snapshots').index('byProject').count(projectId),
      mentions.count(projectKeyRange(projectId)),
      mentions.index('byProjectMarkedAt').getAll(IDBKeyRange.bound([projectId, -Infinity], [projectId, Infinity])),
    ]);
    await deleteProjectRecords(tx, 'snapshots', projectId);
    await mentions.delete(projectKeyRange(projectId));
    await putAll(tx, 'mentions', marked);
    await rebuildProjectCounters(tx, project, this.normalizeQuery, { snapshots: [], mentions: marked });
    await tx.done;
    return { snapshots, mentions: allMentions - marked.length };
  }
}
