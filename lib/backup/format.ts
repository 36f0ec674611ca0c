import { parse as parseTolerantly, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { placedIssueProblem, placeOf, problem, type Problem } from '../i18n/problems';
import { MAX_BACKUP_BYTES } from './limits';
import { PromotionMonthSchema } from '../promotion';
import { AggregateSchema, MentionSchema, PortalRecordSchema, ProjectSchema, SnapshotSchema } from '../schema';
import { inKeyOrder } from '../schema/key-order';
import { LearnedModelSchema } from '../sentiment';

/**
 * The backup file: everything a project is made of that cannot be derived again. Month aggregates,
 * portal link counts and the marked counter are rebuilt from these records on import, except the counters of
 * months whose searches retention deleted, which the file carries as they are. Records are
 * written sorted, keys in a fixed order, one per line, with no export time inside, so exporting, wiping,
 * importing and exporting again gives the same bytes (the date goes into the file name).
 */
export const BACKUP_FORMAT = 'reputation-lens-backup';
export const BACKUP_VERSION = 1;

const SnapshotRecordSchema = SnapshotSchema.omit({ id: true });
const LearnedRecordSchema = z.object({ projectId: z.string(), model: LearnedModelSchema });

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  projects: z.array(ProjectSchema),
  mentions: z.array(MentionSchema),
  snapshots: z.array(SnapshotRecordSchema),
  portals: z.array(PortalRecordSchema),
  // Files written before promotion months were backed up have no such list.
  promotion: z.array(PromotionMonthSchema).default([]),
  learned: z.array(LearnedRecordSchema),
  // The counters of months whose searches were deleted for retention (before the project's searchesKeptFrom):
  // nothing left in the file could count them again. Files written before retention existed have none.
  frozenMonths: z.array(AggregateSchema).default([]),
});
export type Backup = z.infer<typeof BackupSchema>;
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;

/** A backup read, or why it cannot be: said in the user's language where it is shown (lib/i18n/errors.ts). */
export type BackupReading = { ok: true; backup: Backup } | { ok: false; problem: Problem };

const refuse = (key: Parameters<typeof problem>[0], params?: Problem['params']): BackupReading => ({ ok: false, problem: problem(key, params) });

/** Identity of each record kind inside one backup: two records with one identity make the file ambiguous. */
export const identityOf = {
  projects: (record: Backup['projects'][number]) => record.id,
  mentions: (record: Backup['mentions'][number]) => `${record.projectId}\u0001${record.canonicalUrl}`,
  snapshots: (record: SnapshotRecord) => [record.projectId, record.engine, record.query, record.firstRank, record.capturedAt].join('\u0001'),
  portals: (record: Backup['portals'][number]) => `${record.projectId}\u0001${record.domain}`,
  promotion: (record: Backup['promotion'][number]) => `${record.projectId}\u0001${record.month}`,
  learned: (record: Backup['learned'][number]) => record.projectId,
  frozenMonths: (record: Backup['frozenMonths'][number]) => `${record.projectId}\u0001${record.month}`,
} as const;

/**
 * Reads a backup's text, or says exactly where and why it cannot: the line and column of broken JSON, the
 * record and field of a wrong value, the two records that repeat one identity, a record of a project the
 * file does not hold. Nothing is written by reading.
 */
export function parseBackup(text: string): BackupReading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: jsonSyntaxProblem(text) };
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT) return refuse('backupNotOurs');
  if (header.version !== BACKUP_VERSION) return refuse('backupVersion', { found: JSON.stringify(header.version) ?? '—', expected: BACKUP_VERSION });
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problem: placedIssueProblem(parsed.error.issues[0]!) };
  const backup = parsed.data;
  for (const kind of Object.keys(identityOf) as (keyof typeof identityOf)[]) {
    const seen = new Map<string, number>();
    const identityOfRecord = identityOf[kind] as (record: unknown) => string;
    const records = backup[kind] as unknown[];
    for (let index = 0; index < records.length; index++) {
      const identity = identityOfRecord(records[index]);
      const first = seen.get(identity);
      if (first !== undefined) return refuse('backupRepeats', { place: placeOf([kind, index]), first: placeOf([kind, first]) });
      seen.set(identity, index);
    }
  }
  const projects = new Map(backup.projects.map((project) => [project.id, project]));
  for (const kind of ['mentions', 'snapshots', 'portals', 'promotion', 'learned', 'frozenMonths'] as const) {
    const index = backup[kind].findIndex((record) => !projects.has(record.projectId));
    if (index >= 0) return refuse('backupUnknownProject', { place: placeOf([kind, index, 'projectId']), id: backup[kind][index]!.projectId });
  }
  const unfrozen = backup.frozenMonths.findIndex(({ projectId, month }) => month >= (projects.get(projectId)!.searchesKeptFrom ?? ''));
  if (unfrozen >= 0) {
    const { projectId, month } = backup.frozenMonths[unfrozen]!;
    const keptFrom = projects.get(projectId)!.searchesKeptFrom;
    const place = placeOf(['frozenMonths', unfrozen, 'month']);
    return keptFrom ? refuse('backupFrozenKept', { place, month, keptFrom }) : refuse('backupFrozenNothingDeleted', { place, month });
  }
  return { ok: true, backup };
}

/** Reads a backup file as parseBackup does; one too big is refused by its size, before its text is read. */
export async function parseBackupFile(file: Blob): Promise<BackupReading> {
  if (file.size > MAX_BACKUP_BYTES) {
    return refuse('backupTooBig', { size: Math.round((file.size / 1024 / 1024) * 10) / 10, limit: MAX_BACKUP_BYTES / 1024 / 1024 });
  }
  return parseBackup(await file.text());
}

/**
 * Where JSON.parse stopped in a text it refused: the line and column. JSON.parse's own messages differ between
 * engines, are in English and often give no position; jsonc-parser reports the offset of the first error.
 */
export function jsonSyntaxProblem(text: string): Problem {
  const errors: ParseError[] = [];
  parseTolerantly(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return problem('notJson');
  const lines = text.slice(0, first.offset).split('\n');
  const place = { line: lines.length, column: lines.at(-1)!.length + 1 };
  const found = text.slice(first.offset).match(/^\S/u)?.[0];
  return found === undefined ? problem('notJsonEnds', place) : problem('notJsonAt', { ...place, found });
}

/** The sections of a backup file, in the order they are written. */
export const BACKUP_SECTIONS = ['projects', 'mentions', 'snapshots', 'portals', 'promotion', 'learned', 'frozenMonths'] as const;
export type BackupSection = (typeof BACKUP_SECTIONS)[number];
type RecordOf<K extends BackupSection> = Backup[K][number];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byIdentity =
  <T>(identity: (record: T) => string) =>
  (a: T, b: T) =>
    compare(identity(a), identity(b));

/**
 * The order records are written in: by identity; mentions by project id, then URL, which is the order the
 * mentions store is keyed in, so they can be written slice by slice as they are read.
 */
const FILE_ORDER: { [K in BackupSection]: (a: RecordOf<K>, b: RecordOf<K>) => number } = {
  projects: byIdentity(identityOf.projects),
  mentions: (a, b) => compare(a.projectId, b.projectId) || compare(a.canonicalUrl, b.canonicalUrl),
  snapshots: byIdentity(identityOf.snapshots),
  portals: byIdentity(identityOf.portals),
  promotion: byIdentity(identityOf.promotion),
  learned: byIdentity(identityOf.learned),
  frozenMonths: byIdentity(identityOf.frozenMonths),
};

/**
 * Writes the file's text in pieces, in its one canonical form: records sorted, keys in a fixed order, one
 * record per line, so equal contents give equal files. Sections come in BACKUP_SECTIONS order; one section may
 * come in several calls (the mentions, slice by slice as they are read) when each call's records sort after
 * the previous call's.
 */
export class BackupWriter {
  private section = -1;
  private recordsInSection = 0;

  constructor(private readonly out: (text: string) => void) {}

  write<K extends BackupSection>(kind: K, records: readonly RecordOf<K>[]): void {
    this.openThrough(BACKUP_SECTIONS.indexOf(kind));
    if (records.length === 0) return;
    const lines = [...records].sort(FILE_ORDER[kind]).map((record) => JSON.stringify(inKeyOrder(record)));
    this.out(`${this.recordsInSection === 0 ? '\n' : ',\n'}${lines.join(',\n')}`);
    this.recordsInSection += records.length;
  }

  /** Closes the file: sections not written are empty. */
  end(): void {
    this.openThrough(BACKUP_SECTIONS.length);
    this.out('\n}\n');
  }

  /** Closes the open section and opens the following ones up to `index`. */
  private openThrough(index: number): void {
    if (index < this.section) throw new Error(`The ${BACKUP_SECTIONS[index]} of a backup must come before its ${BACKUP_SECTIONS[this.section] ?? 'end'}`);
    while (this.section < index) {
      this.out(this.section < 0 ? `{"format": "${BACKUP_FORMAT}", "version": ${BACKUP_VERSION},\n` : `${this.recordsInSection === 0 ? '' : '\n'}]`);
      this.section++;
      this.recordsInSection = 0;
      if (this.section < BACKUP_SECTIONS.length) this.out(`${this.section === 0 ? '' : ',\n'}"${BACKUP_SECTIONS[this.section]}": [`);
    }
  }
}
