import { LocalizedError, problem } from '../i18n/problems';
import { addMonths, monthBounds, monthOf, type Month } from '../schema';
import { COUNTER_STORES, rebuildProjectCounters } from './aggregates';
import type { LensDatabase } from './database';
import { deleteProjectRecords, markedMentionsRange, projectKeyRange, putAll, scanProjectMentions } from './stores';

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
    if (!project) throw new LocalizedError(problem('projectGone'));
    const mentions = tx.objectStore('mentions');
    const [snapshots, allMentions, marked] = await Promise.all([
      tx.objectStore('snapshots').index('byProject').count(projectId),
      mentions.count(projectKeyRange(projectId)),
      mentions.index('byProjectMarkedAt').getAll(markedMentionsRange(projectId)),
    ]);
    await deleteProjectRecords(tx, 'snapshots', projectId);
    await mentions.delete(projectKeyRange(projectId));
    await putAll(tx, 'mentions', marked);
    await rebuildProjectCounters(tx, project, this.normalizeQuery, { snapshots: [], mentions: marked });
    await tx.done;
    return { snapshots, mentions: allMentions - marked.length };
  }

  /**
   * Deletes the searches older than the project's retention: their snapshots, and the search results seen in
   * none of the kept months and never marked. Nothing the kept months count changes (their slots come from kept
   * snapshots, and a deleted result was seen in none of them), and the older months keep the counters they ended
   * with: `searchesKeptFrom` tells later rebuilds to leave them alone. Forum posts and pages stay (the user chose
   * those sites). Nothing happens without a retention or when nothing is old enough.
   */
  async applyRetention(projectId: string, now: number): Promise<ClearedHistory & { keptFrom: Month | null }> {
    const tx = this.db.transaction(['projects', 'snapshots', 'mentions'], 'readwrite');
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    if (!project.retentionMonths) return { snapshots: 0, mentions: 0, keptFrom: null };
    const keptFrom = addMonths(monthOf(now), 1 - project.retentionMonths);
    const [keptSince] = monthBounds(keptFrom);
    let snapshots = 0;
    const snapshotStore = tx.objectStore('snapshots');
    const old = IDBKeyRange.bound([projectId, ''], [projectId, keptFrom], false, true);
    for (let cursor = await snapshotStore.index('byProjectMonth').openKeyCursor(old); cursor; cursor = await cursor.continue()) {
      await snapshotStore.delete(cursor.primaryKey);
      snapshots += 1;
    }
    const mentionStore = tx.objectStore('mentions');
    const outdated: [string, string][] = [];
    await scanProjectMentions(mentionStore, projectId, (slice) => {
      for (const mention of slice) {
        if (mention.kind === 'serp-result' && mention.mark === null && mention.lastSeen < keptSince) outdated.push([projectId, mention.canonicalUrl]);
      }
    });
    await Promise.all(outdated.map((key) => mentionStore.delete(key)));
    if (!project.searchesKeptFrom || project.searchesKeptFrom < keptFrom) {
      await tx.objectStore('projects').put({ ...project, searchesKeptFrom: keptFrom });
    }
    await tx.done;
    return { snapshots, mentions: outdated.length, keptFrom };
  }
}
