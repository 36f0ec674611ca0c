import Papa from 'papaparse';
import { labelStateOf, recommendStateOf } from '../kpi/label-state';
import type { MonthReport } from '../kpi';
import type { Mention, Project, Snapshot } from '../schema';

/**
 * CSV files a manager opens in Excel or LibreOffice: UTF-8 with a byte-order mark (without it Excel reads
 * Cyrillic as mojibake), CRLF line ends, every field quoted where needed (papaparse's writer), and no
 * cell a spreadsheet would run as a formula.
 */

export type Cell = string | number | boolean | null;

const BOM = '\uFEFF';
/** A cell starting with one of these is a formula to a spreadsheet, even inside quotes ("=HYPERLINK(...)"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula gets a leading apostrophe, which spreadsheets show as plain text. */
export function safeCell(value: Cell): string | number | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(safeCell)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `${BOM}${body}\r\n`;
}

const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);

/** One row per mention: where, what it says, how it counts (the mark, else a suggestion the project counts), and its badges. */
export function mentionsCsv(project: Project, mentions: readonly Mention[]): string {
  const header = [
    'project', 'kind', 'url', 'domain', 'title', 'excerpt', 'label', 'label source', 'suggested', 'suggestion score',
    'recommends', 'client site', 'links to client', 'mentions client', 'competitor', 'first seen', 'last seen', 'months',
  ];
  const rows = mentions.map((mention) => {
    const state = labelStateOf(mention, project);
    const [source, label] = state === 'unlabeled' ? ['', ''] : state.split(':');
    return [
      project.name, mention.kind, mention.url, mention.domain, mention.title, mention.excerpt, label ?? '', source ?? '',
      mention.suggested?.label ?? null, mention.suggested ? Math.round(mention.suggested.score * 1000) / 1000 : null,
      recommendStateOf(mention, project) !== 'none',
      mention.flags.clientSite, mention.flags.linksToClient, mention.flags.mentionsClient, mention.flags.competitor === true,
      isoDate(mention.firstSeen), isoDate(mention.lastSeen), mention.months.join(' '),
    ];
  });
  return toCsv(header, rows);
}

/** One row per result of each stored search-result page: the top-20 history behind the SERP KPIs. */
export function snapshotsCsv(project: Project, snapshots: readonly Snapshot[]): string {
  const rows = snapshots.flatMap((snapshot) =>
    snapshot.urls.map((url, index): Cell[] => [project.name, snapshot.month, new Date(snapshot.capturedAt).toISOString(), snapshot.engine, snapshot.query, snapshot.firstRank + index, url]),
  );
  return toCsv(['project', 'month', 'captured at', 'engine', 'query', 'rank', 'url'], rows);
}

/** One row per month and KPI: value, target, last month, and how many items it counts (confirmed of them). */
export function kpisCsv(project: Project, reports: readonly MonthReport[]): string {
  const rows = reports.flatMap((report) => [
    [project.name, report.month, 'score', 'reputation score (0-100)', report.score, null, null, null, null] as Cell[],
    ...report.kpis.map((kpi): Cell[] => [project.name, report.month, kpi.key, kpi.title, kpi.value, kpi.target, kpi.previous, kpi.counted, kpi.confirmed]),
  ]);
  return toCsv(['project', 'month', 'kpi', 'title', 'value', 'target', 'last month', 'counted', 'confirmed'], rows);
}
