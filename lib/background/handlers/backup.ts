import { LocalizedError, problem } from '../../i18n/problems';
import { BackupWriter, parseBackupFile } from '../../backup/format';
import type { ExportFile } from '../../backup/limits';
import { STORAGE_FULL, isStorageFull } from '../../db/connection';
import type { LensRepository } from '../../db/repository';
import { kpisCsv, mentionsCsv, snapshotsCsv } from '../../export/csv';
import { monthOf } from '../../schema';
import type { Handlers } from '../../messaging';
import type { SenderContext } from '../sender';
import type { HandlerDeps } from './common';

type BackupHandlers = Pick<Handlers<SenderContext>, 'files.export' | 'backup.import'>;

const fileDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Extension messages are JSON of at most 64 MB; text of this many characters stays under it in UTF-8. */
const MAX_ANSWERED_FILE_CHARS = 16 * 1024 * 1024;

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
): Promise<{ scope: string; name: string; extension: string; body: Blob | string }> {
  const projects = (await repository.projects.listProjects()).filter((project) => projectId === null || project.id === projectId);
  if (projectId !== null && projects.length === 0) throw new LocalizedError(problem('projectGone'));
  const scope = projectId === null ? 'all' : slug(projects[0]!.name);
  const projectIds = projects.map((project) => project.id);
  if (file === 'backup') return { scope, name: 'backup', extension: 'json', body: await backupFile(repository, projectIds) };
  if (file === 'kpis.csv') {
    const tables = await Promise.all(projects.map(async (project) => kpisCsv(project, await repository.aggregates.kpiHistory(project.id, monthOf(at)))));
    return { scope, name: 'kpis', extension: 'csv', body: joinTables(tables) };
  }
  const backup = await repository.backup.exportProjects(projectIds);
  const own = <T extends { projectId: string }>(records: readonly T[], id: string) => records.filter((record) => record.projectId === id);
  const tables = backup.projects.map((project) =>
    file === 'mentions.csv' ? mentionsCsv(project, own(backup.mentions, project.id)) : snapshotsCsv(project, own(backup.snapshots, project.id)),
  );
  return { scope, name: file.replace('.csv', ''), extension: 'csv', body: joinTables(tables) };
}

/**
 * The backup file, made while it is read: each piece of text (a slice of mentions, mostly) is encoded as
 * soon as it is written, while IndexedDB reads the next slice, and no 60 MB string is ever built.
 */
async function backupFile(repository: LensRepository, projectIds: readonly string[]): Promise<Blob> {
  const file = new Utf8Blob();
  const writer = new BackupWriter((text) => file.append(text));
  await repository.backup.readBackup(projectIds, (kind, records) => writer.write(kind, records));
  writer.end();
  return new Blob(file.pieces);
}

/**
 * Text made into a UTF-8 file piece by piece through one reused buffer: in Chromium `new Blob([text])` and
 * TextEncoder.encode each took about twice as long as encodeInto (600 against 350 ms for 29 MB).
 */
class Utf8Blob {
  readonly pieces: Blob[] = [];
  private readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(0);

  append(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (this.buffer.length < text.length * 3) this.buffer = new Uint8Array(text.length * 3);
    const { written } = this.encoder.encodeInto(text, this.buffer);
    this.pieces.push(new Blob([this.buffer.subarray(0, written)]));
  }
}

/** Several projects' tables as one: the header (and byte-order mark) of the first only. */
function joinTables(tables: readonly string[]): string {
  return tables.map((table, index) => (index === 0 ? table : table.slice(table.indexOf('\r\n') + 2))).join('');
}

/** Backups are the user's whole data: only the extension's own pages may ask for one or write one back. */
export function backupHandlers({ repository, hooks, now }: HandlerDeps): BackupHandlers {
  const { transfers } = hooks;
  return {
    async 'files.export'({ file, projectId }) {
      const made = await fileOf(repository, file, projectId, now());
      const type = made.extension === 'json' ? 'application/json' : 'text/csv;charset=utf-8';
      const fileName = `reputation-lens-${made.scope}-${made.name}-${fileDate(now())}.${made.extension}`;
      try {
        return { fileName, transferId: await transfers.put(made.body, type) };
      } catch (error) {
        // A full profile is when a backup matters most: the file goes in the answer when it fits in a message.
        if (!isStorageFull(error)) throw error;
        const text = typeof made.body === 'string' ? made.body : await made.body.text();
        if (text.length > MAX_ANSWERED_FILE_CHARS) {
          throw new LocalizedError(STORAGE_FULL, problem('fileNeedsRoom', { size: Math.round(text.length / 1024 / 1024) }));
        }
        return { fileName, text };
      }
    },
    async 'backup.import'({ transferId }) {
      const file = await transfers.take(transferId);
      if (!file) throw new LocalizedError(problem('backupNotImported'), problem('backupNotReceived'));
      const reading = await parseBackupFile(file);
      // Refused whole: nothing is written unless every record of the file is valid.
      if (!reading.ok) throw new LocalizedError(problem('backupNotImported'), reading.problem);
      const counts = await repository.backup.importBackup(reading.backup);
      for (const project of reading.backup.projects) hooks.onDataChanged(project.id);
      return { counts };
    },
  };
}
