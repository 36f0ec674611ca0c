import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AgreementPanel, type AgreementData } from '@/components/AgreementPanel';
import { AuditedSitesPanel, type AuditedSites } from '@/components/AuditedSitesPanel';
import { BackupPanel, type BackupState } from '@/components/BackupPanel';
import { DrilldownPanel, type DrilldownData } from '@/components/DrilldownPanel';
import { HistoryPanel, type KpiHistory } from '@/components/HistoryPanel';
import { MentionsPanel, type MentionResults, type RelabelEdit } from '@/components/MentionsPanel';
import { PortalsPanel } from '@/components/PortalsPanel';
import { PromotionPanel, type PromotionData, type PromotionSave } from '@/components/PromotionPanel';
import { ProjectForm, type FieldErrors } from '@/components/ProjectForm';
import { ProjectList } from '@/components/ProjectList';
import { ShareOfVoicePanel } from '@/components/ShareOfVoicePanel';
import { SitesPanel, type SitesData } from '@/components/SitesPanel';
import { errorMessage, type MentionRow, type PortalRow, type ResponseOf } from '@/lib/messaging';
import type { MentionFilter } from '@/lib/mentions/filter';
import { monthInWords } from '@/lib/format/month';
import { monthOf, type Month, type Plan, type Project } from '@/lib/schema';
import { call, useDataChanges } from '@/lib/ui/extension-client';
import { describeImport, downloadFile, importBackupFile, persistStorage } from './backup';

type ProjectListData = ResponseOf<'projects.list'>;

const MENTIONS_PAGE_SIZE = 50;
/** Typing in the mention search waits this long for the next key before the background scans the mentions. */
const MENTION_SEARCH_DELAY_MS = 250;

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
  const [mentionQuery, setMentionQuery] = useState<{ filter: MentionFilter; offset: number }>({ filter: {}, offset: 0 });
  const [mentionResults, setMentionResults] = useState<MentionResults | null>(null);
  const [relabeling, setRelabeling] = useState(false);
  /** Counts the refreshes, so the mention list is searched again whenever the rest of the page is. */
  const [dataRevision, setDataRevision] = useState(0);
  const [backup, setBackup] = useState<BackupState>({ persisted: null, busy: false, result: null });
  useEffect(() => {
    void persistStorage().then((persisted) => setBackup((current) => ({ ...current, persisted })));
  }, []);

  const [history, setHistory] = useState<KpiHistory | null>(null);
  const [drilldown, setDrilldown] = useState<DrilldownData | null>(null);
  /** The month chosen in the drill-down; unset follows the latest month with data. */
  const drilldownMonth = useRef<string | undefined>(undefined);
  const loadDrilldown = useCallback(() => call('drilldown.get', { month: drilldownMonth.current }).then(setDrilldown), []);

  const refresh = useCallback(() => {
    setDataRevision((revision) => revision + 1);
    Promise.all([
      call('projects.list', {}).then(async (list) => {
        setData(list);
        setHistory(list.activeProjectId ? await call('kpi.history', {}) : null);
      }),
      call('sites.status', {}).then(setSites),
      call('suggestions.agreement', {}).then(setAgreement),
      call('portals.list', {}).then((answer) => setPortals(answer.portals)),
      loadDrilldown(),
      call('sites.audited', {}).then((answer) => setAuditedSites(answer.sites)),
    ]).catch(
      (failure: unknown) => setNotice(errorMessage(failure)),
    );
  }, []);
  useEffect(refresh, [refresh]);
  useDataChanges(refresh);

  const activeProjectId = data.activeProjectId;
  useEffect(() => setMentionQuery({ filter: {}, offset: 0 }), [activeProjectId]);
  useEffect(() => {
    if (!activeProjectId) {
      setMentionResults(null);
      return;
    }
    let stale = false;
    const { filter, offset } = mentionQuery;
    const timer = setTimeout(() => {
      call('mentions.search', { projectId: activeProjectId, filter, offset, limit: MENTIONS_PAGE_SIZE })
        .then(({ rows, total }) => {
          if (stale) return;
          // A relabel can empty the last page of a filtered list: the new last page is shown instead.
          if (rows.length === 0 && offset > 0) {
            setMentionQuery({ filter, offset: Math.floor(Math.max(total - 1, 0) / MENTIONS_PAGE_SIZE) * MENTIONS_PAGE_SIZE });
          } else {
            setMentionResults({ rows, total, offset });
          }
        })
        .catch((failure: unknown) => {
          if (!stale) setNotice(errorMessage(failure));
        });
    }, MENTION_SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [activeProjectId, mentionQuery, dataRevision]);

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

  const relabelMentions = async (canonicalUrls: string[], edit: RelabelEdit) => {
    if (edit.sentiment === null && !confirm(`Clear the marks of ${canonicalUrls.length} mentions?`)) return;
    setRelabeling(true);
    try {
      const { changed } = await call('mentions.relabel', { projectId: activeProjectId ?? undefined, canonicalUrls, ...edit });
      setNotice(`Changed the marks of ${changed} of ${canonicalUrls.length} selected mentions.`);
      refresh();
    } catch (failure) {
      setNotice(errorMessage(failure));
    } finally {
      setRelabeling(false);
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

  const thisMonth = monthOf(Date.now());
  const [promotionMonth, setPromotionMonth] = useState<Month>(thisMonth);
  const [promotion, setPromotion] = useState<PromotionData | null>(null);
  // Every refresh brings a new project list, so the promotion month is read again with the rest of the page.
  useEffect(() => {
    const projectId = data.activeProjectId;
    if (!projectId) return;
    let stale = false;
    call('promotion.get', { projectId, month: promotionMonth })
      .then((answer) => {
        if (!stale) setPromotion(answer);
      })
      .catch((failure: unknown) => setNotice(errorMessage(failure)));
    return () => {
      stale = true;
    };
  }, [data, promotionMonth]);

  const savePromotion = async (request: PromotionSave) => {
    setSaving(true);
    try {
      await call('promotion.save', request);
      setNotice(`Saved the promotion figures of ${monthInWords(request.month)}.`);
      refresh();
    } catch (failure) {
      setNotice(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const savePlan = async (project: Project, baselineMonth: Month, plan: Plan) => {
    setSaving(true);
    try {
      await call('projects.setPlan', { id: project.id, baselineMonth, plan });
      setNotice(`Saved the plan of “${project.name}”.`);
      refresh();
    } catch (failure) {
      setNotice(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const activeProject = data.projects.find((project) => project.id === data.activeProjectId) ?? null;

  return (
    <main class="dashboard">
      <h1>Reputation Lens</h1>
      {activeProject && (
        <p>
          <a href={`report.html?project=${encodeURIComponent(activeProject.id)}&month=${monthOf(Date.now())}`} target="_blank" data-testid="open-report">
            Monthly report of “{activeProject.name}” (printable)
          </a>
        </p>
      )}
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
      {activeProject && (
        <>
          <HistoryPanel
            history={history?.projectId === activeProject.id ? history : null}
            project={activeProject}
            saving={saving}
            onSavePlan={(baselineMonth, plan) => void savePlan(activeProject, baselineMonth, plan)}
          />
          <DrilldownPanel
            data={drilldown}
            onSelectMonth={(month) => {
              drilldownMonth.current = month;
              loadDrilldown().catch((failure: unknown) => setNotice(errorMessage(failure)));
            }}
          />
          <ShareOfVoicePanel data={drilldown?.shareOfVoice ?? null} />
        </>
      )}
      <PortalsPanel
        portals={portals}
        openMentions={openMentions}
        onSave={(domain, popularity, note) => void savePortal(domain, popularity, note)}
        onToggleMentions={(domain) => void toggleMentions(domain)}
      />
      {activeProject && (
        <MentionsPanel
          filter={mentionQuery.filter}
          onFilterChange={(filter) => setMentionQuery({ filter, offset: 0 })}
          results={mentionResults}
          pageSize={MENTIONS_PAGE_SIZE}
          onPage={(offset) => setMentionQuery((query) => ({ ...query, offset }))}
          engines={sites?.sites.filter((site) => site.kind === 'serp') ?? []}
          portals={portals?.map((portal) => portal.domain) ?? []}
          busy={relabeling}
          onRelabel={(canonicalUrls, edit) => void relabelMentions(canonicalUrls, edit)}
        />
      )}
      {activeProject && (
        <PromotionPanel
          data={promotion?.promotion.projectId === activeProject.id && promotion.promotion.month === promotionMonth ? promotion : null}
          month={promotionMonth}
          thisMonth={thisMonth}
          saving={saving}
          onMonthChange={setPromotionMonth}
          onSave={(request) => void savePromotion(request)}
        />
      )}
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
