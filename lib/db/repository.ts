import { AggregateRepository } from './aggregates';
import { BackupRepository } from './backup';
import type { LensDatabase } from './database';
import { MentionRepository } from './mentions';
import { PortalRepository } from './portals';
import { ProjectRepository } from './projects';

export { ProjectValidationError } from './projects';
export type { ImportCounts } from './backup';
export { textOfMention, type MarkChange, type MentionDraft, type PageObservation, type SuggestionAgreement } from './mentions';
export { markedCountKey } from './stores';

/**
 * The background's only door to IndexedDB, one repository per group of stores: projects and settings, mentions
 * (observations, marks, the learned model), month aggregates, portals, and backups of them all.
 */
export class LensRepository {
  readonly projects: ProjectRepository;
  readonly mentions: MentionRepository;
  readonly aggregates: AggregateRepository;
  readonly portals: PortalRepository;
  readonly backup: BackupRepository;

  constructor(db: LensDatabase, normalizeQuery: (q: string) => string, newId?: () => string) {
    this.projects = new ProjectRepository(db, normalizeQuery, newId);
    this.mentions = new MentionRepository(db, normalizeQuery);
    this.aggregates = new AggregateRepository(db, normalizeQuery);
    this.portals = new PortalRepository(db);
    this.backup = new BackupRepository(db, normalizeQuery);
  }
}
