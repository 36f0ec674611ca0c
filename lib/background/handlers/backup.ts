import { parseBackup, serializeBackup } from '../../backup/format';
import { partsOf, type ExportFile } from '../../backup/limits';
import type { LensRepository } from '../../db/repository';
import { kpisCsv, mentionsCsv, snapshotsCsv } from '../../export/csv';
import { monthOf } from '../../schema';
import type { Handlers } from '../../messaging';
import type { SenderContext } from '../service';
import { requireExtensionPage, type HandlerDeps } from './common';

type BackupHandlers = Pick<Handlers<SenderContext>, 'files.export' | 'backup.import'>;

/** A file between its first and its last part; one left half-way is dropped after this long. */
const TRANSFER_TTL_MS = 10 * 60 * 1000;

interface Transfer {
  startedAt: number;
  parts: string[];
}

/** A monthly KPI table reaches back at most this far (ten years) whatever the baseline says. */

const fileDate = (at: number) => new Date(at).toISOString().slice(0, 10);

function slug(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'project';
}


/**
 * One file of one project (by id) or of every project (null), with the parts of its name. The KPI table
 * reads only the month aggregates; the others read every raw record of the projects.
 */
async function fileOf(
  repository: LensRepository,
  file: ExportFile,
  projectId: string | null,
  at: number,
): Promise<{ scope: string; name: string; extension: string; text: string }> {
  const projects = (await repository.projects.listProjects()).filter((project) => projectId === null || project.id === projectId);
  if (projectId !== null && projects.length === 0) throw new Error(`No project with id ${projectId}`);
  const scope = projectId === null ? 'all' : slug(projects[0]!.name);
  if (file === 'kpis.csv') {
    const tables = await Promise.all(projects.map(async (project) => kpisCsv(project, await repository.aggregates.kpiHistory(project.id, monthOf(at)))));
    return { scope, name: 'kpis', extension: 'csv', text: joinTables(tables) };
  }
  const backup = await repository.backup.exportProjects(projects.map((project) => project.id));
  if (file === 'backup') return { scope, name: 'backup', extension: 'json', text: serializeBackup(backup) };
  const own = <T extends { projectId: string }>(records: readonly T[], id: string) => records.filter((record) => record.projectId === id);
  const tables = backup.projects.map((project) =>
    file === 'mentions.csv' ? mentionsCsv(project, own(backup.mentions, project.id)) : snapshotsCsv(project, own(backup.snapshots, project.id)),
  );
  return { scope, name: file.replace('.csv', ''), extension: 'csv', text: joinTables(tables) };
}

/** Several projects' tables as one: the header (and byte-order mark) of the first only. */
function joinTables(tables: readonly string[]): string {
  return tables.map((table, index) => (index === 0 ? table : table.slice(table.indexOf('\r\n') + 2))).join('');
}

/** Backups are the user's whole data: only the extension's own pages may ask for one or write one back. */
export function backupHandlers({ repository, now }: HandlerDeps): BackupHandlers {
  const exports = new Map<string, Transfer & { fileName: string }>();
  const uploads = new Map<string, Transfer>();
  const dropStale = () => {
    for (const transfers of [exports, uploads] as Map<string, Transfer>[]) {
      for (const [id, transfer] of transfers) if (now() - transfer.startedAt > TRANSFER_TTL_MS) transfers.delete(id);
    }
  };
  return {
    async 'files.export'({ file, projectId, part, exportId }, context) {
      requireExtensionPage(context);
      dropStale();
      let transfer = exportId === undefined ? undefined : exports.get(exportId);
      let id = exportId ?? '';
      if (part === 0) {
        const made = await fileOf(repository, file, projectId, now());
        id = crypto.randomUUID();
        transfer = { startedAt: now(), parts: partsOf(made.text), fileName: `reputation-lens-${made.scope}-${made.name}-${fileDate(now())}.${made.extension}` };
        exports.set(id, transfer);
      }
      const text = transfer?.parts[part];
      if (!transfer || text === undefined) throw new Error('This file is no longer being made: download it again.');
      if (part === transfer.parts.length - 1) exports.delete(id);
      return { fileName: transfer.fileName, exportId: id, part, parts: transfer.parts.length, text };
    },
    async 'backup.import'({ uploadId, part, parts, text }, context) {
      requireExtensionPage(context);
      dropStale();
      const upload = uploads.get(uploadId) ?? { startedAt: now(), parts: [] };
      if (part !== upload.parts.length || part >= parts) {
        uploads.delete(uploadId);
        throw new Error('Backup not imported: its parts arrived out of order. Please import it again.');
      }
      upload.parts.push(text);
      if (part < parts - 1) {
        uploads.set(uploadId, upload);
        return { counts: null };
      }
      uploads.delete(uploadId);
      const reading = parseBackup(upload.parts.join(''));
      // Refused whole: nothing is written unless every record of the file is valid.
      if (!reading.ok) throw new Error(`Backup not imported. ${reading.error}`);
      return { counts: await repository.backup.importBackup(reading.backup) };
    },
  };
}
