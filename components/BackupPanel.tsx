import type { ExportFile } from '@/lib/backup/limits';
import { DASHBOARD_MESSAGES, type DashboardMessageKey } from '@/lib/i18n/dashboard';
import { useMessages } from './Locale';

export interface BackupState {
  /** Whether the browser keeps this profile's data under storage pressure; null until it answers. */
  persisted: boolean | null;
  busy: boolean;
  /** What the last import or export did, or why it was refused. */
  result: { ok: boolean; text: string } | null;
}

const TABLES: ReadonlyArray<{ file: ExportFile; label: DashboardMessageKey }> = [
  { file: 'mentions.csv', label: 'exportMentions' },
  { file: 'snapshots.csv', label: 'exportSnapshots' },
  { file: 'kpis.csv', label: 'exportKpis' },
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
  const t = useMessages(DASHBOARD_MESSAGES);
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p>{t('backupIntro')}</p>
      {state.persisted !== null && (
        <p data-testid="storage-persisted" data-value={String(state.persisted)}>
          {state.persisted ? t('storagePersisted') : t('storageNotPersisted')}
        </p>
      )}
      <div class="actions">
        <button type="button" data-testid="backup-export-project" disabled={state.busy || props.activeProjectName === null} onClick={() => props.onExport('backup', 'project')}>
          {props.activeProjectName ? t('downloadBackupOf', { name: props.activeProjectName }) : t('downloadBackupOfActive')}
        </button>
        <button type="button" data-testid="backup-export-all" disabled={state.busy} onClick={() => props.onExport('backup', 'all')}>
          {t('downloadBackupAll')}
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
            {t(label)}
          </button>
        ))}
      </div>
      <label class="file">
        {t('importBackup')}
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
