import { previousMonth, type Month, type MonthSlots } from '../schema';
import type { LensDatabase } from './database';

/** Reads a project's top-20 history, the months' slots, for the drill-down and share of voice. */
export class DrilldownRepository {
  constructor(private readonly db: LensDatabase) {}

  /** Months with an aggregate, newest first: from the keys alone, without reading the records. */
  async monthsWithData(projectId: string): Promise<Month[]> {
    const keys = await this.db.getAllKeysFromIndex('aggregates', 'byProject', projectId);
    return keys.map(([, month]) => month).sort((a, b) => b.localeCompare(a));
  }

  /** `months` months of slots ending at `month`, oldest first (fewer where months have none). */
  monthSlots(projectId: string, month: Month, months: number): Promise<MonthSlots[]> {
    let first = month;
    for (let back = 1; back < months; back += 1) first = previousMonth(first);
    return this.db.getAll('topSlots', IDBKeyRange.bound([projectId, first], [projectId, month]));
  }
}
