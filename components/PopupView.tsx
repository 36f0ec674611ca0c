import type { ComponentChildren } from 'preact';
import { monthInWords } from '@/lib/format/month';
import type { ResponseOf } from '@/lib/messaging';
import { KpiCard } from './KpiCard';
import { ProjectSelect } from './ProjectSelect';

export type PopupData = ResponseOf<'kpi.get'>;

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
}) {
  const { data } = props;
  const report = data?.report ?? null;
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
          {data.tabPage.kind === 'serp'
            ? `This ${data.tabPage.siteName} page was not recognised: no results were tagged. If the engine changed its markup, selector overrides can be pasted in the dashboard.`
            : 'No posts were found on this page of an audited site. Whole pages and selected passages can still be marked below.'}
        </p>
      )}
      {data?.tabPage?.recognised && (
        <p class="recognised" data-testid="page-recognised">
          {data.tabPage.itemsFound} {data.tabPage.kind === 'serp' ? 'results' : 'posts'} tagged on this{' '}
          {data.tabPage.siteName} page.
        </p>
      )}
      {data?.tabPage?.query && data.tabPage.isKeyQuery !== null && (
        <p class="key-query" data-testid="tab-key-query" data-value={String(data.tabPage.isKeyQuery)}>
          {data.tabPage.isKeyQuery ? (
            <>“{data.tabPage.query}” is one of this project's key queries: its top-20 counts in the KPIs.</>
          ) : (
            <>
              “{data.tabPage.query}” is not a key query: its results are tagged but do not count.{' '}
              <button type="button" class="link" data-testid="add-key-query" onClick={() => props.onAddKeyQuery(data.tabPage!.query!)}>
                Add it to the key queries
              </button>
            </>
          )}
        </p>
      )}
      {props.children}
      {data && data.projects.length === 0 && (
        <p class="empty">
          No project yet. Search pages are tagged with suggested labels; to mark results and see KPIs,{' '}
          <button type="button" class="link" onClick={props.onOpenDashboard}>
            set up a project
          </button>
          .
        </p>
      )}
      {report && (
        <>
          <section
            class="score"
            data-testid="kpi-score"
            data-value={report.score === null ? '' : String(report.score)}
            title="Mean over KPIs with a target and data of min(1, actual / target), times 100"
          >
            <span class="score-value">{report.score === null ? '—' : Math.round(report.score)}</span>
            <span class="score-caption">
              reputation score · <time dateTime={report.month}>{monthInWords(report.month)}</time>
            </span>
          </section>
          <p class="marked" data-testid="marked-count" data-value={String(report.markedCount)}>
            {report.markedCount} marked {report.markedCount === 1 ? 'result' : 'results'}
          </p>
          <section class="kpis">
            {report.kpis.map((kpi) => (
              <KpiCard key={kpi.key} kpi={kpi} recent={report.recent.map((month) => month.values[kpi.key] ?? null)} />
            ))}
          </section>
        </>
      )}
      <footer>
        <button type="button" class="link" onClick={props.onOpenDashboard}>
          Open dashboard
        </button>
      </footer>
    </main>
  );
}
