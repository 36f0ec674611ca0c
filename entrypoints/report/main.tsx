import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ReportView, type ReportData } from '@/components/ReportView';
import { errorMessage } from '@/lib/messaging';
import { MonthSchema, monthOf } from '@/lib/schema';
import { call } from '@/lib/ui/extension-client';

/** How many negative mentions the report lists (the newest sightings of the month). */
const NEGATIVES_LISTED = 20;

/** report.html?project=<id>&month=YYYY-MM: the active project and this month when left out. */
async function loadReport(params: URLSearchParams): Promise<ReportData> {
  const monthParam = params.get('month');
  const month = monthParam && MonthSchema.safeParse(monthParam).success ? monthParam : monthOf(Date.now());
  const projectId = params.get('project') ?? undefined;
  const popup = await call('kpi.get', { projectId, month });
  const project = popup.projects.find((candidate) => candidate.id === (projectId ?? popup.activeProjectId));
  if (!project || !popup.report) throw new Error('No such project: open the report from the dashboard.');
  const [history, drilldown, negatives, promotion] = await Promise.all([
    call('kpi.history', { projectId: project.id, through: month }),
    call('drilldown.get', { projectId: project.id, month, everyQuery: true }),
    call('mentions.search', { projectId: project.id, filter: { label: 'negative', month }, offset: 0, limit: NEGATIVES_LISTED }),
    call('promotion.get', { projectId: project.id, month }),
  ]);
  return { project, report: popup.report, history, drilldown, negatives: { rows: negatives.rows, total: negatives.total }, promotion, generatedAt: Date.now() };
}

function Report() {
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadReport(new URLSearchParams(location.search))
      .then((loaded) => {
        setData(loaded);
        document.title = `${loaded.project.name}: reputation report, ${loaded.report.month}`;
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading the report…</p>;
  return <ReportView data={data} onPrint={() => window.print()} />;
}

render(<Report />, document.getElementById('app')!);
