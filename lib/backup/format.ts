import { parse as parseTolerantly, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { MAX_BACKUP_BYTES } from './limits';
import { PromotionMonthSchema } from '../promotion';
import { MentionSchema, PortalRecordSchema, ProjectSchema, SnapshotSchema } from '../schema';
import { LearnedModelSchema } from '../sentiment';

/**
 * The backup file: everything a project is made of that cannot be derived again. Month aggregates,
 * portal link counts and the marked counter are rebuilt from these records on import. Records are
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
});
export type Backup = z.infer<typeof BackupSchema>;
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;

export type BackupReading = { ok: true; backup: Backup } | { ok: false; error: string };

const refuse = (error: string): BackupReading => ({ ok: false, error });

/** Identity of each record kind inside one backup: two records with one identity make the file ambiguous. */
const IDENTITY = {
  projects: (record: Backup['projects'][number]) => record.id,
  mentions: (record: Backup['mentions'][number]) => `${record.projectId}\u0001${record.canonicalUrl}`,
  snapshots: (record: SnapshotRecord) => snapshotIdentity(record),
  portals: (record: Backup['portals'][number]) => `${record.projectId}\u0001${record.domain}`,
  promotion: (record: Backup['promotion'][number]) => `${record.projectId}\u0001${record.month}`,
  learned: (record: Backup['learned'][number]) => record.projectId,
} as const;

export function snapshotIdentity(record: SnapshotRecord): string {
  return [record.projectId, record.engine, record.query, record.firstRank, record.capturedAt].join('\u0001');
}

/**
 * Reads a backup file, or says exactly where and why it cannot: the line and column of broken JSON, the
 * record and field of a wrong value, the two records that repeat one identity, a record of a project the
 * file does not hold. Nothing is written by reading.
 */
export function parseBackup(text: string): BackupReading {
  // UTF-8 takes one to three bytes per UTF-16 unit: only a text that might be too big is measured exactly.
  const bytes = text.length > MAX_BACKUP_BYTES || text.length <= MAX_BACKUP_BYTES / 3 ? text.length : new TextEncoder().encode(text).length;
  if (bytes > MAX_BACKUP_BYTES) {
    return refuse(`The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; backups up to ${MAX_BACKUP_BYTES / 1024 / 1024} MB are read.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`Not valid JSON${jsonErrorPlace(text) || `: ${error instanceof Error ? error.message : String(error)}`}.`);
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT) {
    return refuse('This is not a Reputation Lens backup (its "format" is not "reputation-lens-backup").');
  }
  if (header.version !== BACKUP_VERSION) {
    return refuse(`This backup has version ${JSON.stringify(header.version)}; this extension reads version ${BACKUP_VERSION}.`);
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`${placeOf(issue.path)}: ${issue.message}.`);
  }
  const backup = parsed.data;
  for (const kind of Object.keys(IDENTITY) as (keyof typeof IDENTITY)[]) {
    const seen = new Map<string, number>();
    const identityOf = IDENTITY[kind] as (record: unknown) => string;
    const records = backup[kind] as unknown[];
    for (let index = 0; index < records.length; index++) {
      const identity = identityOf(records[index]);
      const first = seen.get(identity);
      if (first !== undefined) return refuse(`${kind}[${index}] repeats ${kind}[${first}]: the same record twice.`);
      seen.set(identity, index);
    }
  }
  const projectIds = new Set(backup.projects.map((project) => project.id));
  for (const kind of ['mentions', 'snapshots', 'portals', 'promotion', 'learned'] as const) {
    const index = backup[kind].findIndex((record) => !projectIds.has(record.projectId));
    if (index >= 0) return refuse(`${kind}[${index}].projectId: no project with id "${backup[kind][index]!.projectId}" in this backup.`);
  }
  return { ok: true, backup };
}

/** `mentions[12].mark.sentiment`, from a zod issue path. */
function placeOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'The file';
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}

/**
 * Where and why JSON.parse stopped, as " at line L, column C: reason". JSON.parse's own messages differ
 * between engines and often give no position; jsonc-parser reports the offset of the first error.
 */
function jsonErrorPlace(text: string): string {
  const errors: ParseError[] = [];
  parseTolerantly(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return '';
  const lines = text.slice(0, first.offset).split('\n');
  return ` at line ${lines.length}, column ${lines.at(-1)!.length + 1}: ${describeParseError(printParseErrorCode(first.error))}`;
}

function describeParseError(code: string): string {
  // "ValueExpected" -> "value expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The file's text: records sorted by identity, one per line, so equal contents give equal files. */
export function serializeBackup(backup: Backup): string {
  const section = <T>(records: readonly T[], identity: (record: T) => string) =>
    [...records].sort((a, b) => compare(identity(a), identity(b))).map((record) => JSON.stringify(withSortedKeys(record)));
  const sections: [string, string[]][] = [
    ['projects', section(backup.projects, IDENTITY.projects)],
    ['mentions', section(backup.mentions, IDENTITY.mentions)],
    ['snapshots', section(backup.snapshots, IDENTITY.snapshots)],
    ['portals', section(backup.portals, IDENTITY.portals)],
    ['promotion', section(backup.promotion, IDENTITY.promotion)],
    ['learned', section(backup.learned, IDENTITY.learned)],
  ];
  const body = sections.map(([name, lines]) => `"${name}": [${lines.length ? `\n${lines.join(',\n')}\n` : ''}]`).join(',\n');
  return `{"format": "${BACKUP_FORMAT}", "version": ${BACKUP_VERSION},\n${body}\n}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Object keys in one order whatever order a record was built in (validation rebuilds records in schema order). */
function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compare)
      .map((key) => [key, withSortedKeys((value as Record<string, unknown>)[key])]),
  );
}
