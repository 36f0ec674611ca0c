import type { ComponentChildren } from 'preact';
import { monthInWords } from '@/lib/format/month';
import { POPUP_MESSAGES } from '@/lib/i18n/popup';
import type { ResponseOf } from '@/lib/messaging';
import { KpiCard } from './KpiCard';
import { useLocale, useMessages } from './Locale';
import { ProjectSelect } from './ProjectSelect';

export type PopupData = ResponseOf<'kpi.get'>;

/**
 * What a project lacks for its KPIs to mean anything, said where they are shown: without key queries no search
 * counts, without a client domain no result is the client's own and no link points to the client.
 */
function missingOf(project: Pick<PopupData['projects'][number], 'keyQueries' | 'clientDomains'>): ('missingKeyQueries' | 'missingClientDomains')[] {
  return [
    ...(project.keyQueries.length === 0 ? (['missingKeyQueries'] as const) : []),
    ...(project.clientDomains.length === 0 ? (['missingClientDomains'] as const) : []),
  ];
}

/** The popup: active project, reputation score and every KPI against its target. */
export function PopupView(props: {
  data: PopupData | null;
  error: string | null;
  onSelectProject: (id: string) => void;
  onOpenDashboard: () => void;
  /** Adds the tab's search query to the active project's key queries. */
  onAddKeyQuery: (query: string) => void;
  /** Tools for the page in the tab (audit the site, mark the page), shown under the page's status. */
  children?: ComponentChildren;
  /** The user's settings for every page (keyboard marking), shown last. */
  settings?: ComponentChildren;
}) {
  const { data } = props;
  const t = useMessages(POPUP_MESSAGES);
  const locale = useLocale();
  const report = data?.report ?? null;
  const activeProject = data?.projects.find((project) => project.id === data.activeProjectId) ?? null;
  return (
    <main class="popup">
      <header>
        <h1>Reputation Lens</h1>
        {data && data.projects.length > 0 && (
          <ProjectSelect projects={data.projects} activeId={data.activeProjectId} onSelect={props.onSelectProject} />
        )}
      </header>
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {data?.tabPage && !data.tabPage.recognised && (
        <p class="not-recognised" data-testid="page-not-recognised">
          {data.tabPage.kind === 'serp' ? t('pageNotRecognisedSerp', { site: data.tabPage.siteName }) : t('pageNotRecognisedForum')}
        </p>
      )}
      {data?.tabPage?.recognised && (
        <p class="recognised" data-testid="page-recognised">
          {t(data.tabPage.kind === 'serp' ? 'pageRecognisedSerp' : 'pageRecognisedForum', { count: data.tabPage.itemsFound, site: data.tabPage.siteName })}
        </p>
      )}
      {data?.tabPage?.query && data.tabPage.isKeyQuery !== null && (
        <p class="key-query" data-testid="tab-key-query" data-value={String(data.tabPage.isKeyQuery)}>
          {data.tabPage.isKeyQuery ? (
            t('keyQuery', { query: data.tabPage.query })
          ) : (
            <>
              {t('notKeyQuery', { query: data.tabPage.query })}{' '}
              <button type="button" class="link" data-testid="add-key-query" onClick={() => props.onAddKeyQuery(data.tabPage!.query!)}>
                {t('addKeyQuery')}
              </button>
            </>
          )}
        </p>
      )}
      {props.children}
      {data && data.projects.length === 0 && (
        <p class="empty">
          {t('noProject')}{' '}
          <button type="button" class="link" onClick={props.onOpenDashboard}>
            {t('noProjectLink')}
          </button>
          .
        </p>
      )}
      {activeProject && missingOf(activeProject).length > 0 && (
        <ul class="incomplete" data-testid="project-incomplete">
          {missingOf(activeProject).map((missing) => (
            <li key={missing}>{t(missing)}</li>
          ))}
        </ul>
      )}
      {report && (
        <>
          <section
            class="score"
            data-testid="kpi-score"
            data-value={report.score === null ? '' : String(report.score)}
            title={t('scoreFormula')}
          >
            <span class="score-value">{report.score === null ? '—' : Math.round(report.score)}</span>
            <span class="score-caption">
              {t('scoreCaption')} · <time dateTime={report.month}>{monthInWords(report.month, locale)}</time>
            </span>
          </section>
          <p class="marked" data-testid="marked-count" data-value={String(report.markedCount)}>
            {t('markedCount', { count: report.markedCount })}
          </p>
          <section class="kpis">
            {report.kpis.map((kpi) => (
              <KpiCard key={kpi.key} kpi={kpi} recent={report.recent.map((month) => month.values[kpi.key] ?? null)} />
            ))}
          </section>
        </>
      )}
      {props.settings}
      <footer>
        <button type="button" class="link" onClick={props.onOpenDashboard}>
          {t('openDashboard')}
        </button>
      </footer>
    </main>
  );
}
