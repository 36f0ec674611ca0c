import { BACKUP_SECTIONS, BackupWriter, type Backup } from '@/lib/backup/format';

/** A whole backup's text at once: what the background writes piece by piece as it reads. */
export function serializeBackup(backup: Backup): string {
  const pieces: string[] = [];
  const writer = new BackupWriter((text) => pieces.push(text));
  for (const kind of BACKUP_SECTIONS) writer.write(kind, backup[kind]);
  writer.end();
  return pieces.join('');
}
