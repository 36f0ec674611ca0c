import type { ExportFile } from '@/lib/backup/limits';

export interface BackupState {
  /** Whether the browser keeps this profile's data under storage pressure; null until it answers. */
  persisted: boolean | null;
  busy: boolean;
  /** What the last import or export did, or why it was refused. */
  result: { ok: boolean; text: string } | null;
}

const TABLES: ReadonlyArray<{ file: ExportFile; label: string }> = [
  { file: 'mentions.csv', label: 'Mentions (CSV)' },
  { file: 'snapshots.csv', label: 'Top-20 history (CSV)' },
  { file: 'kpis.csv', label: 'Monthly KPIs (CSV)' },
];

/**
 * Backup, restore and spreadsheets: the data lives only in this browser profile, so the dashboard says so
 * and offers a backup, its import, and CSV tables that open in Excel and LibreOffice.
 */
export function BackupPanel(props: {
  state: BackupState;
  activeProjectName: string | null;
  onExport: (file: ExportFile, scope: 'project' | 'all') => void;
  onImport: (file: File) => void;
}) {
  const { state } = props;
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and export</h2>
      <p>
        Marks and history are stored only in this browser profile: removing the extension or the profile removes them.
        Download a backup regularly and keep it with the client's files.
      </p>
      {state.persisted !== null && (
        <p data-testid="storage-persisted" data-value={String(state.persisted)}>
          {state.persisted
            ? 'The browser keeps this data even when disk space runs low.'
            : 'The browser may clear this data when disk space runs low: a backup is the only copy that is safe.'}
        </p>
      )}
      <div class="actions">
        <button type="button" data-testid="backup-export-project" disabled={state.busy || props.activeProjectName === null} onClick={() => props.onExport('backup', 'project')}>
          {props.activeProjectName ? `Download backup of “${props.activeProjectName}”` : 'Download backup of the active project'}
        </button>
        <button type="button" data-testid="backup-export-all" disabled={state.busy} onClick={() => props.onExport('backup', 'all')}>
          Download backup of all projects
        </button>
      </div>
      <div class="actions">
        {TABLES.map(({ file, label }) => (
          <button
            type="button"
            key={file}
            data-testid={`export-${file.replace('.', '-')}`}
            disabled={state.busy || props.activeProjectName === null}
            onClick={() => props.onExport(file, 'project')}
          >
            {label}
          </button>
        ))}
      </div>
      <label class="file">
        Import a backup (JSON): records newer than the ones here replace them; an invalid file is refused whole.
        <input
          type="file"
          accept="application/json,.json"
          data-testid="backup-import"
          disabled={state.busy}
          onChange={(event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) props.onImport(file);
            input.value = '';
          }}
        />
      </label>
      {state.result && (
        <p class={state.result.ok ? 'notice' : 'field-error'} role={state.result.ok ? 'status' : 'alert'} data-testid={state.result.ok ? 'backup-result' : 'backup-error'}>
          {state.result.text}
        </p>
      )}
    </section>
  );
}
