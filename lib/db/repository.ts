import { AggregateRepository } from './aggregates';
import { BackupRepository } from './backup';
import type { LensDatabase } from './database';
import { DrilldownRepository } from './drilldown';
import { BrowsingHistory } from './history';
import { MentionSearch } from './mention-search';
import { MentionRepository } from './mentions';
import { PortalRepository } from './portals';
import { ProjectRepository } from './projects';
import { PromotionRepository } from './promotion';

export { ProjectValidationError } from './projects';
export type { ImportCounts } from './backup';
export type { ClearedHistory } from './history';
export type { MentionPage } from './mention-search';
export { textOfMention, type MarkChange, type MarkEdit, type MentionDraft, type PageObservation, type SuggestionAgreement } from './mentions';
export { STORE_INCOGNITO_KEY, markedCountKey, retentionDayKey } from './stores';

/**
 * The background's only door to IndexedDB, one repository per group of stores: projects and settings, mentions
 * (observations, marks, the learned model) and their search, month aggregates, portals, promotion months, the
 * browsing history kept, and backups of them all.
 */
export class LensRepository {
  readonly projects: ProjectRepository;
  readonly mentions: MentionRepository;
  readonly mentionSearch: MentionSearch;
  readonly aggregates: AggregateRepository;
  readonly portals: PortalRepository;
  readonly promotion: PromotionRepository;
  readonly backup: BackupRepository;
  readonly drilldown: DrilldownRepository;
  readonly history: BrowsingHistory;

  constructor(db: LensDatabase, normalizeQuery: (q: string) => string, newId?: () => string) {
    this.projects = new ProjectRepository(db, normalizeQuery, newId);
    this.mentions = new MentionRepository(db, normalizeQuery);
    this.mentionSearch = new MentionSearch(db);
    this.aggregates = new AggregateRepository(db, normalizeQuery);
    this.portals = new PortalRepository(db);
    this.promotion = new PromotionRepository(db);
    this.backup = new BackupRepository(db, normalizeQuery);
    this.drilldown = new DrilldownRepository(db);
    this.history = new BrowsingHistory(db, normalizeQuery);
  }
}
