import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocaleContext, useLocale, useMessages } from '@/components/Locale';
import { ReportView, type ReportData } from '@/components/ReportView';
import { monthInWords } from '@/lib/format/month';
import { REPORT_MESSAGES } from '@/lib/i18n/report';
import { failureText } from '@/lib/i18n/problems';
import { MonthSchema, monthOf } from '@/lib/schema';
import { call } from '@/lib/ui/extension-client';
import { useLanguagePreference } from '@/lib/ui/language';

/** How many negative mentions the report lists (the newest sightings of the month). */
const NEGATIVES_LISTED = 20;

/** report.html?project=<id>&month=YYYY-MM: the active project and this month when left out; null: no such project. */
async function loadReport(params: URLSearchParams): Promise<ReportData | null> {
  const monthParam = params.get('month');
  const month = monthParam && MonthSchema.safeParse(monthParam).success ? monthParam : monthOf(Date.now());
  const projectId = params.get('project') ?? undefined;
  const popup = await call('kpi.get', { projectId, month });
  const project = popup.projects.find((candidate) => candidate.id === (projectId ?? popup.activeProjectId));
  if (!project || !popup.report) return null;
  const [history, drilldown, negatives, promotion] = await Promise.all([
    call('kpi.history', { projectId: project.id, through: month }),
    call('drilldown.get', { projectId: project.id, month, everyQuery: true }),
    call('mentions.search', { projectId: project.id, filter: { label: 'negative', month }, offset: 0, limit: NEGATIVES_LISTED }),
    call('promotion.get', { projectId: project.id, month }),
  ]);
  return { project, report: popup.report, history, drilldown, negatives: { rows: negatives.rows, total: negatives.total }, promotion, generatedAt: Date.now() };
}

function Report() {
  const t = useMessages(REPORT_MESSAGES);
  const locale = useLocale();
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    loadReport(new URLSearchParams(location.search))
      .then((loaded) => (loaded ? setData(loaded) : setMissing(true)))
      .catch((failure: unknown) => setError(failureText(failure, locale)));
  }, []);
  // The title names the file a "save as PDF" writes, in the report's language.
  useEffect(() => {
    document.title = data ? t('documentTitle', { project: data.project.name, month: monthInWords(data.report.month, locale) }) : t('pageTitle');
  }, [data, t, locale]);
  if (missing) return <p role="alert">{t('noSuchProject')}</p>;
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  return <ReportView data={data} onPrint={() => window.print()} />;
}

/** The report in the language chosen on the dashboard (or the browser's). */
function ReportPage() {
  const { locale } = useLanguagePreference();
  return (
    <LocaleContext.Provider value={locale}>
      <Report />
    </LocaleContext.Provider>
  );
}

render(<ReportPage />, document.getElementById('app')!);
