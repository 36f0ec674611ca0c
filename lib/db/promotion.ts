import { PromotionMonthSchema, type PromotionMonth } from '../promotion';
import type { Month } from '../schema';
import type { LensDatabase } from './database';

/** The promotion figures typed in per project and month. */
export class PromotionRepository {
  constructor(private readonly db: LensDatabase) {}

  getMonth(projectId: string, month: Month): Promise<PromotionMonth | undefined> {
    return this.db.get('promotion', [projectId, month]);
  }

  /** Replaces the month as a whole (a channel left out is removed); an invalid record is refused, not stored. */
  async saveMonth(record: PromotionMonth): Promise<PromotionMonth> {
    const valid = PromotionMonthSchema.parse(record);
    await this.db.put('promotion', valid);
    return valid;
  }

  /** The months saved for the project, oldest first (read from the keys alone). */
  async listMonths(projectId: string): Promise<Month[]> {
    const keys = await this.db.getAllKeysFromIndex('promotion', 'byProject', projectId);
    return keys.map(([, month]) => month).sort();
  }
}
