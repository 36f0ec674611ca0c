import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AgreementPanel, type AgreementData } from '@/components/AgreementPanel';
import { AuditedSitesPanel, type AuditedSites } from '@/components/AuditedSitesPanel';
import { BackupPanel, type BackupState } from '@/components/BackupPanel';
import { DrilldownPanel, type DrilldownChoice, type DrilldownData } from '@/components/DrilldownPanel';
import { HistoryPanel, type KpiHistory } from '@/components/HistoryPanel';
import { LanguageSelect } from '@/components/LanguageSelect';
import { LocaleContext } from '@/components/Locale';
import { MentionsPanel, type RelabelEdit } from '@/components/MentionsPanel';
import { Onboarding } from '@/components/Onboarding';
import { PortalsPanel } from '@/components/PortalsPanel';
import { PrivacyPanel } from '@/components/PrivacyPanel';
import { PromotionPanel, type PromotionSave } from '@/components/PromotionPanel';
import { ProjectForm, type FieldErrors } from '@/components/ProjectForm';
import { ProjectList } from '@/components/ProjectList';
import { ShareOfVoicePanel } from '@/components/ShareOfVoicePanel';
import { SitesPanel, type SitesData } from '@/components/SitesPanel';
import { type MentionRow, type PortalRow, type ResponseOf } from '@/lib/messaging';
import { failureText } from '@/lib/i18n/problems';
import { monthInWords } from '@/lib/format/month';
import { translator } from '@/lib/i18n';
import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { monthOf, type Month, type Plan, type Project } from '@/lib/schema';
import { call, useDataChanges } from '@/lib/ui/extension-client';
import { describeImport, downloadFile, importBackupFile, persistStorage } from './backup';
import { MENTIONS_PAGE_SIZE, useMentionList } from './mention-list';
import { useLanguagePreference } from '@/lib/ui/language';
import { usePromotionMonth } from './promotion';

type ProjectListData = ResponseOf<'projects.list'>;

function Dashboard() {
  const language = useLanguagePreference();
  /** The notices and confirmations this page writes itself, in the interface language. */
  const t = translator(DASHBOARD_MESSAGES, language.locale);
  const [data, setData] = useState<ProjectListData>({ projects: [], activeProjectId: null });
  const [projectsLoaded, setProjectsLoaded] = useState(false);
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
  const [relabeling, setRelabeling] = useState(false);
  const [storeIncognito, setStoreIncognito] = useState<boolean | null>(null);
  /** Counts the refreshes, so the mention list and the promotion month are read again with the rest of the page. */
  const [dataRevision, setDataRevision] = useState(0);
  const [backup, setBackup] = useState<BackupState>({ persisted: null, busy: false, result: null });
  useEffect(() => {
    void persistStorage().then((persisted) => setBackup((current) => ({ ...current, persisted })));
  }, []);

  const [history, setHistory] = useState<KpiHistory | null>(null);
  const [drilldown, setDrilldown] = useState<DrilldownData | null>(null);
  /** The month and key query chosen in the drill-down; unset, the latest month with data and its first query. */
  const drilldownChoice = useRef<DrilldownChoice>({});
  const loadDrilldown = useCallback(() => call('drilldown.get', drilldownChoice.current).then(setDrilldown), []);

  const refresh = useCallback(() => {
    setDataRevision((revision) => revision + 1);
    Promise.all([
      call('projects.list', {}).then(async (list) => {
        setData(list);
        setProjectsLoaded(true);
        setHistory(list.activeProjectId ? await call('kpi.history', {}) : null);
      }),
      call('sites.status', {}).then(setSites),
      call('suggestions.agreement', {}).then(setAgreement),
      call('portals.list', {}).then((answer) => setPortals(answer.portals)),
      loadDrilldown(),
      call('sites.audited', {}).then((answer) => setAuditedSites(answer.sites)),
      call('privacy.get', {}).then((answer) => setStoreIncognito(answer.storeIncognito)),
    ]).catch(
      (failure: unknown) => setNotice(failureText(failure, language.locale)),
    );
  }, []);
  useEffect(refresh, [refresh]);
  useDataChanges(refresh);

  const activeProjectId = data.activeProjectId;
  const showFailure = (failure: unknown) => setNotice(failureText(failure, language.locale));
  const mentionList = useMentionList(activeProjectId, dataRevision, showFailure);
  const promotion = usePromotionMonth(activeProjectId, dataRevision, showFailure);

  /** Runs a dashboard action: its message (or its failure) becomes the notice, and the page is read again. */
  const act = async (work: () => Promise<string>, busy: (busy: boolean) => void = setSaving) => {
    busy(true);
    try {
      setNotice(await work());
      refresh();
    } catch (failure) {
      setNotice(failureText(failure, language.locale));
    } finally {
      busy(false);
    }
  };

  const save = (input: Record<string, unknown>) =>
    act(async () => {
      const result = await call('projects.save', { id: editing?.id, input });
      if (!result.saved) {
        setErrors(result.fieldErrors);
        return t('notSaved');
      }
      setErrors({});
      setEditing(result.project);
      // Repeated entries (a domain typed twice, a query differing only in case) are merged on saving: said so.
      const merged = (['brandTerms', 'clientDomains', 'competitorDomains', 'keyQueries'] as const).reduce(
        (count, list) => count + Math.max(0, (Array.isArray(input[list]) ? (input[list] as unknown[]).length : 0) - result.project[list].length),
        0,
      );
      const saved = t('projectSaved', { name: result.project.name });
      return merged > 0 ? `${saved} ${t('entriesMerged', { count: merged })}` : saved;
    });

  const saveOverrides = (text: string) =>
    act(async () => {
      const result = await call('overrides.save', { text });
      setOverridesError(result.saved ? null : result.error);
      return result.saved ? t('overridesSaved') : t('overridesNotSaved');
    });

  const remove = async (project: Project) => {
    if (!confirm(t('confirmDeleteProject', { name: project.name }))) return;
    await call('projects.delete', { id: project.id });
    if (editing?.id === project.id) setEditing(null);
    setNotice(t('projectDeleted', { name: project.name }));
    refresh();
  };

  const savePortal = (domain: string, popularity: number | null, note: string) =>
    act(async () => {
      await call('portals.update', { domain, popularity, note });
      return t('portalSaved', { domain });
    });

  const toggleMentions = async (domain: string) => {
    if (openMentions[domain]) {
      setOpenMentions(({ [domain]: _closed, ...rest }) => rest);
      return;
    }
    try {
      const { mentions } = await call('mentions.byPortal', { domain });
      setOpenMentions((open) => ({ ...open, [domain]: mentions }));
    } catch (failure) {
      setNotice(failureText(failure, language.locale));
    }
  };

  const relabelMentions = async (canonicalUrls: string[], edit: RelabelEdit) => {
    if (edit.sentiment === null && !confirm(t('confirmClearMarks', { count: canonicalUrls.length }))) return;
    await act(async () => {
      const { changed } = await call('mentions.relabel', { projectId: activeProjectId ?? undefined, canonicalUrls, ...edit });
      return t('marksChanged', { changed, count: canonicalUrls.length });
    }, setRelabeling);
  };

  const revokeSite = (origin: string) =>
    act(async () => {
      await call('sites.revoke', { origin });
      return t('siteRevoked', { origin });
    });

  const runBackup = async (work: () => Promise<string>) => {
    setBackup((current) => ({ ...current, busy: true, result: null }));
    let result: BackupState['result'];
    try {
      result = { ok: true, text: await work() };
    } catch (failure) {
      result = { ok: false, text: failureText(failure, language.locale) };
    }
    setBackup((current) => ({ ...current, busy: false, result }));
    refresh();
  };

  const savePromotion = (request: PromotionSave) =>
    act(async () => {
      await call('promotion.save', request);
      return t('promotionSaved', { month: monthInWords(request.month, language.locale) });
    });

  const savePlan = (project: Project, baselineMonth: Month, plan: Plan) =>
    act(async () => {
      await call('projects.setPlan', { id: project.id, baselineMonth, plan });
      return t('planSaved', { name: project.name });
    });

  const activeProject = data.projects.find((project) => project.id === data.activeProjectId) ?? null;

  const clearHistory = (project: Project) => {
    if (!confirm(t('confirmClearHistory', { name: project.name }))) return;
    void act(async () => {
      const cleared = await call('history.clear', { id: project.id });
      return t('historyCleared', {
        snapshots: t('searchSnapshots', { count: cleared.snapshots }),
        mentions: t('unmarkedMentions', { count: cleared.mentions }),
        name: project.name,
      });
    });
  };

  const allowIncognito = (allowed: boolean) =>
    act(async () => {
      setStoreIncognito((await call('privacy.set', { storeIncognito: allowed })).storeIncognito);
      return allowed ? t('incognitoOn') : t('incognitoOff');
    });

  return (
    <LocaleContext.Provider value={language.locale}>
      <main class="dashboard">
        <h1>Reputation Lens</h1>
        <LanguageSelect value={language.preference} onChange={language.choose} />
        {activeProject && (
          <p>
            <a href={`report.html?project=${encodeURIComponent(activeProject.id)}&month=${monthOf(Date.now())}`} target="_blank" data-testid="open-report">
              {t('reportLink', { name: activeProject.name })}
            </a>
          </p>
        )}
        {notice && (
          <p class="notice" role="status" data-testid="notice">
            {notice}
          </p>
        )}
        {projectsLoaded && data.projects.length === 0 && <Onboarding />}
        <section>
          <h2>{t('projects')}</h2>
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
              onSelect={(choice) => {
                drilldownChoice.current = { ...drilldownChoice.current, ...choice };
                loadDrilldown().catch((failure: unknown) => setNotice(failureText(failure, language.locale)));
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
            filter={mentionList.query.filter}
            onFilterChange={(filter) => mentionList.setQuery({ filter, offset: 0 })}
            results={mentionList.results}
            pageSize={MENTIONS_PAGE_SIZE}
            onPage={(offset) => mentionList.setQuery((query) => ({ ...query, offset }))}
            engines={sites?.sites.filter((site) => site.kind === 'serp') ?? []}
            portals={portals?.map((portal) => portal.domain) ?? []}
            busy={relabeling}
            onRelabel={(canonicalUrls, edit) => void relabelMentions(canonicalUrls, edit)}
          />
        )}
        {activeProject && (
          <PromotionPanel
            data={promotion.data}
            month={promotion.month}
            thisMonth={promotion.thisMonth}
            saving={saving}
            onMonthChange={promotion.setMonth}
            onSave={(request) => void savePromotion(request)}
          />
        )}
        <AuditedSitesPanel sites={auditedSites} onRevoke={(origin) => void revokeSite(origin)} />
        <BackupPanel
          state={backup}
          activeProjectName={activeProject?.name ?? null}
          onExport={(file, scope) =>
            void runBackup(async () => t('fileSaved', { file: await downloadFile(file, scope === 'all' ? null : (activeProject?.id ?? null), t) }))
          }
          onImport={(file) => void runBackup(async () => describeImport(await importBackupFile(file), t))}
        />
        <PrivacyPanel
          storeIncognito={storeIncognito}
          activeProjectName={activeProject?.name ?? null}
          busy={saving}
          onStoreIncognitoChange={(allowed) => void allowIncognito(allowed)}
          onClearHistory={() => activeProject && clearHistory(activeProject)}
        />
        <SitesPanel data={sites} error={overridesError} saving={saving} onSaveOverrides={(text) => void saveOverrides(text)} />
      </main>
    </LocaleContext.Provider>
  );
}

render(<Dashboard />, document.getElementById('app')!);
