import type { ExportFile } from '@/lib/backup/limits';
import { FileTransfers } from '@/lib/backup/transfer';
import type { Translate } from '@/lib/i18n';
import type { DashboardMessageKey } from '@/lib/i18n/dashboard';
import type { ResponseOf } from '@/lib/messaging';
import { call } from '@/lib/ui/extension-client';

/** The dashboard's side of backups and CSV files: taking a made file and saving it, handing a backup over. */

type ImportCounts = ResponseOf<'backup.import'>['counts'];

const transfers = new FileTransfers(caches);

export async function downloadFile(file: ExportFile, projectId: string | null, t: Translate<DashboardMessageKey>): Promise<string> {
  const answer = await call('files.export', { file, projectId });
  const { fileName } = answer;
  const made = 'text' in answer ? new Blob([answer.text], { type: file === 'backup' ? 'application/json' : 'text/csv;charset=utf-8' }) : await transfers.take(answer.transferId);
  if (!made) throw new Error(t('fileUnreadable', { file: fileName }));
  const url = URL.createObjectURL(made);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the file to the browser's download by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

export async function importBackupFile(file: File): Promise<ImportCounts> {
  const { counts } = await call('backup.import', { transferId: await transfers.put(file, 'application/json') });
  return counts;
}

const IMPORTED_KINDS: Record<keyof ImportCounts, DashboardMessageKey> = {
  projects: 'importedProjects',
  mentions: 'importedMentions',
  snapshots: 'importedSnapshots',
  portals: 'importedPortals',
  promotion: 'importedPromotion',
  frozenMonths: 'importedFrozenMonths',
};

export function describeImport(counts: ImportCounts, t: Translate<DashboardMessageKey>): string {
  const part = (name: keyof ImportCounts) =>
    t('importedPart', { kind: t(IMPORTED_KINDS[name]), written: counts[name]?.written ?? 0, kept: counts[name]?.kept ?? 0 });
  return t('imported', { parts: (Object.keys(IMPORTED_KINDS) as (keyof ImportCounts)[]).map(part).join('; ') });
}

/** Asks the browser to keep the extension's storage under pressure; says whether it does. */
export async function persistStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}
