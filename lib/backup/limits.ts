/** Bigger backup files are refused before they are parsed; 100,000 mentions with a year of snapshots are about 60 MB. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/**
 * A backup crosses between the dashboard and the background in parts of this many characters: one
 * extension message is limited to 64 MB of JSON, and escaping can grow text by half.
 */
export const BACKUP_PART_CHARS = 16 * 1024 * 1024;
export const MAX_BACKUP_PARTS = Math.ceil(MAX_BACKUP_BYTES / BACKUP_PART_CHARS);

/** A file's text in the parts it crosses in (one empty part for an empty text): both sides cut it the same way. */
export function partsOf(text: string): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length || parts.length === 0; start += BACKUP_PART_CHARS) parts.push(text.slice(start, start + BACKUP_PART_CHARS));
  return parts;
}

/** What the dashboard can download: the backup, and the tables a spreadsheet opens. */
export const EXPORT_FILES = ['backup', 'mentions.csv', 'snapshots.csv', 'kpis.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
