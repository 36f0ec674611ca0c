import { partsOf, type ExportFile } from '@/lib/backup/limits';
import type { ResponseOf } from '@/lib/messaging';
import { call } from '@/lib/ui/extension-client';

/** The dashboard's side of backups and CSV files: fetching a file part by part, saving it, sending a backup back. */

type ImportCounts = NonNullable<ResponseOf<'backup.import'>['counts']>;

export async function downloadFile(file: ExportFile, projectId: string | null): Promise<string> {
  const first = await call('files.export', { file, projectId, part: 0 });
  const parts = [first.text];
  for (let part = 1; part < first.parts; part++) parts.push((await call('files.export', { file, projectId, part, exportId: first.exportId })).text);
  const type = file === 'backup' ? 'application/json' : 'text/csv;charset=utf-8';
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = first.fileName;
  link.click();
  // The click has handed the file to the browser's download by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return first.fileName;
}

export async function importBackupFile(file: File): Promise<ImportCounts> {
  const parts = partsOf(await file.text());
  const uploadId = crypto.randomUUID();
  for (const [part, text] of parts.entries()) {
    const { counts } = await call('backup.import', { uploadId, part, parts: parts.length, text });
    if (counts) return counts;
  }
  throw new Error('Backup not imported: the background never confirmed the last part.');
}

export function describeImport(counts: ImportCounts): string {
  const part = (name: keyof ImportCounts) => `${name}: ${counts[name]?.written ?? 0} written, ${counts[name]?.kept ?? 0} kept`;
  return `Imported. ${(['projects', 'mentions', 'snapshots', 'portals', 'promotion'] as const).map(part).join('; ')}.`;
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
