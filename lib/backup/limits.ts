/** Bigger backup files are refused before they are parsed; 100,000 mentions with a year of snapshots are about 60 MB. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** What the dashboard can download: the backup, and the tables a spreadsheet opens. */
export const EXPORT_FILES = ['backup', 'mentions.csv', 'snapshots.csv', 'kpis.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];
