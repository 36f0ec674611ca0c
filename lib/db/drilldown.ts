import { previousMonth, type Aggregate, type Mention, type Month, type Project } from '../schema';
import type { LensDatabase } from './database';

/** What the dashboard's drill-down and share of voice are computed from. */
export interface DrilldownRecords {
  project: Project;
  /** The month's aggregate and those of the months before it, as far back as asked, oldest first. */
  aggregates: Aggregate[];
  /** The mentions of the URLs in the slots of the month and of the month before it, by canonical URL. */
  mentions: Map<string, Mention>;
}

/** Reads a project's top-20 history: whole month aggregates, and only the mentions their slots name. */
export class DrilldownRepository {
  constructor(private readonly db: LensDatabase) {}

  /** Months with an aggregate, newest first: from the keys alone, without reading the records. */
  async monthsWithData(projectId: string): Promise<Month[]> {
    const keys = await this.db.getAllKeysFromIndex('aggregates', 'byProject', projectId);
    return keys.map(([, month]) => month).sort((a, b) => b.localeCompare(a));
  }

  /** `months` aggregates ending at `month` (fewer where months have none). */
  async read(projectId: string, month: Month, months: number): Promise<DrilldownRecords> {
    const tx = this.db.transaction(['projects', 'aggregates', 'mentions']);
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    let first = month;
    for (let back = 1; back < months; back += 1) first = previousMonth(first);
    const aggregates = await tx.objectStore('aggregates').getAll(IDBKeyRange.bound([projectId, first], [projectId, month]));
    const compared = new Set([month, previousMonth(month)]);
    const urls = new Set(aggregates.filter((aggregate) => compared.has(aggregate.month)).flatMap((aggregate) => Object.values(aggregate.slots)));
    const mentionStore = tx.objectStore('mentions');
    const found = await Promise.all([...urls].map((url) => mentionStore.get([projectId, url])));
    return {
      project,
      aggregates,
      mentions: new Map(found.filter((mention) => mention !== undefined).map((mention) => [mention.canonicalUrl, mention])),
    };
  }
}
