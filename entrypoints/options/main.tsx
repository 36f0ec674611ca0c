import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { AgreementPanel, type AgreementData } from '@/components/AgreementPanel';
import { AuditedSitesPanel, type AuditedSites } from '@/components/AuditedSitesPanel';
import { BackupPanel, type BackupState } from '@/components/BackupPanel';
import { PortalsPanel } from '@/components/PortalsPanel';
import { ProjectForm, type FieldErrors } from '@/components/ProjectForm';
import { ProjectList } from '@/components/ProjectList';
import { SitesPanel, type SitesData } from '@/components/SitesPanel';
import { errorMessage, type MentionRow, type PortalRow, type ResponseOf } from '@/lib/messaging';
import type { Project } from '@/lib/schema';
import { call, useDataChanges } from '@/lib/ui/extension-client';
import { describeImport, downloadFile, importBackupFile, persistStorage } from './backup';

type ProjectListData = ResponseOf<'projects.list'>;

function Dashboard() {
  const [data, setData] = useState<ProjectListData>({ projects: [], activeProjectId: null });
  const [editing, setEditing] = useState<Project | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [sites, setSites] = useState<SitesData | null>(null);
  const [agreement, setAgreement] = useState<AgreementData | null>(null);
  const [overridesError, setOverridesError] = useState<string | null>(null);
  const [portals, setPortals] = useState<PortalRow[] | null>(null);
  const [openMentions, setOpenMentions] = useState<Record<string, MentionRow[]>>({});
  const [auditedSites, setAuditedSites] = useState<AuditedSites | null>(null);
  const [backup, setBackup] = useState<BackupState>({ persisted: null, busy: false, result: null });
  useEffect(() => {
    void persistStorage().then((persisted) => setBackup((current) => ({ ...current, persisted })));
  }, []);

  const refresh = useCallback(() => {
    Promise.all([
      call('projects.list', {}).then(setData),
      call('sites.status', {}).then(setSites),
      call('suggestions.agreement', {}).then(setAgreement),
      call('portals.list', {}).then((answer) => setPortals(answer.portals)),
      call('sites.audited', {}).then((answer) => setAuditedSites(answer.sites)),
    ]).catch(
      (failure: unknown) => setNotice(errorMessage(failure)),
    );
  }, []);
  useEffect(refresh, [refresh]);
  useDataChanges(refresh);

  const save = async (input: Record<string, unknown>) => {
    setSaving(true);
    try {
      const result = await call('projects.save', { id: editing?.id, input });
      if (!result.saved) {
        setErrors(result.fieldErrors);
        setNotice('Not saved: please correct the highlighted fields.');
        return;
      }
      setErrors({});
      setEditing(result.project);
      setNotice(`Saved “${result.project.name}”.`);
      refresh();
    } catch (failure) {
      setNotice(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const saveOverrides = async (text: string) => {
    setSaving(true);
    try {
      const result = await call('overrides.save', { text });
      setOverridesError(result.saved ? null : result.error);
      if (result.saved) setNotice('Selector overrides saved: they apply from the next page load.');
      refresh();
    } finally {
      setSaving(false);
    }
  };

  const remove = async (project: Project) => {
    if (!confirm(`Delete “${project.name}” and all its marks and history?`)) return;
    await call('projects.delete', { id: project.id });
    if (editing?.id === project.id) setEditing(null);
    setNotice(`Deleted “${project.name}”.`);
    refresh();
  };

  const savePortal = async (domain: string, popularity: number | null, note: string) => {
    try {
      await call('portals.update', { domain, popularity, note });
      setNotice(`Saved ${domain}.`);
      refresh();
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const toggleMentions = async (domain: string) => {
    if (openMentions[domain]) {
      setOpenMentions(({ [domain]: _closed, ...rest }) => rest);
      return;
    }
    try {
      const { mentions } = await call('mentions.byPortal', { domain });
      setOpenMentions((open) => ({ ...open, [domain]: mentions }));
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const revokeSite = async (origin: string) => {
    try {
      await call('sites.revoke', { origin });
      setNotice(`${origin} is no longer audited: no tags there from the next page load. Its marks stay.`);
      refresh();
    } catch (failure) {
      setNotice(errorMessage(failure));
    }
  };

  const runBackup = async (work: () => Promise<string>) => {
    setBackup((current) => ({ ...current, busy: true, result: null }));
    let result: BackupState['result'];
    try {
      result = { ok: true, text: await work() };
    } catch (failure) {
      result = { ok: false, text: errorMessage(failure) };
    }
    setBackup((current) => ({ ...current, busy: false, result }));
    refresh();
  };

  const activeProject = data.projects.find((project) => project.id === data.activeProjectId) ?? null;

  return (
    <main class="dashboard">
      <h1>Reputation Lens</h1>
      {notice && (
        <p class="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <section>
        <h2>Projects</h2>
        <ProjectList
          projects={data.projects}
          activeId={data.activeProjectId}
          editingId={editing?.id ?? null}
          onEdit={(project) => {
            setErrors({});
            setEditing(project);
          }}
          onActivate={(id) => void call('projects.setActive', { id }).then(refresh)}
          onDelete={(project) => void remove(project)}
        />
      </section>
      <ProjectForm
        project={editing}
        errors={errors}
        saving={saving}
        onSave={(input) => void save(input)}
        onCancel={() => {
          setErrors({});
          setEditing(null);
        }}
      />
      <AgreementPanel data={agreement} />
      <PortalsPanel
        portals={portals}
        openMentions={openMentions}
        onSave={(domain, popularity, note) => void savePortal(domain, popularity, note)}
        onToggleMentions={(domain) => void toggleMentions(domain)}
      />
      <AuditedSitesPanel sites={auditedSites} onRevoke={(origin) => void revokeSite(origin)} />
      <BackupPanel
        state={backup}
        activeProjectName={activeProject?.name ?? null}
        onExport={(file, scope) =>
          void runBackup(async () => `Saved ${await downloadFile(file, scope === 'all' ? null : (activeProject?.id ?? null))}.`)
        }
        onImport={(file) => void runBackup(async () => describeImport(await importBackupFile(file)))}
      />
      <SitesPanel data={sites} error={overridesError} saving={saving} onSaveOverrides={(text) => void saveOverrides(text)} />
    </main>
  );
}

render(<Dashboard />, document.getElementById('app')!);
