import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { kpisCsv, mentionsCsv, snapshotsCsv, toCsv } from '@/lib/export/csv';
import type { MonthReport } from '@/lib/kpi';
import { ProjectInputSchema, type Mention, type Project } from '@/lib/schema';

const project = { ...ProjectInputSchema.parse({ name: 'Акме, "Клиника"' }), id: 'p1', baselineMonth: '2026-10', createdAt: 0, updatedAt: 0 } as Project;

const read = (csv: string) => Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;

describe('CSV for spreadsheets', () => {
  it('starts with a byte-order mark, ends lines with CRLF and quotes what needs it', () => {
    const csv = toCsv(['a', 'b'], [['Отзыв, "честный"', 'line\nbreak'], [1.5, null]]);
    expect(csv.startsWith('\uFEFFa,b\r\n')).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\n"Отзыв, ""честный""","line\nbreak"\r\n1.5,\r\n');
    expect(read(csv)).toEqual([['a', 'b'], ['Отзыв, "честный"', 'line\nbreak'], ['1.5', '']]);
  });

  it('never writes a cell a spreadsheet would run as a formula', () => {
    const csv = toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tcmd'], [-4]]);
    expect(read(csv).slice(1).map(([cell]) => cell)).toEqual(["'=HYPERLINK(\"http://evil\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", '-4']);
  });

  it('mentions: how each counts, its badges and dates, text kept as text', () => {
    const mention: Mention = {
      projectId: 'p1', canonicalUrl: 'a.example/x', url: 'https://a.example/x', domain: 'a.example', kind: 'forum-post',
      title: '=cmd|/C calc', excerpt: 'Хорошая клиника <b>', lang: 'ru',
      suggested: { label: 'positive', score: 0.61234, recommends: true }, mark: { sentiment: 'negative', recommends: false, at: 5, suggestedAtMark: 'positive' },
      flags: { clientSite: false, linksToClient: true, mentionsClient: true }, months: ['2026-10', '2026-11'],
      firstSeen: Date.UTC(2026, 9, 3), lastSeen: Date.UTC(2026, 10, 4),
    };
    const [header, row] = read(mentionsCsv(project, [mention]));
    expect(Object.fromEntries(header!.map((name, index) => [name, row![index]]))).toEqual({
      project: 'Акме, "Клиника"', kind: 'forum-post', url: 'https://a.example/x', domain: 'a.example', title: "'=cmd|/C calc",
      excerpt: 'Хорошая клиника <b>', label: 'negative', 'label source': 'marked', suggested: 'positive', 'suggestion score': '0.612',
      recommends: 'false', 'client site': 'false', 'links to client': 'true', 'mentions client': 'true', competitor: 'false',
      'first seen': '2026-10-03', 'last seen': '2026-11-04', months: '2026-10 2026-11',
    });
  });

  it('snapshots: one row per ranked result; KPIs: one row per month and KPI', () => {
    const snapshots = read(snapshotsCsv(project, [{ projectId: 'p1', engine: 'google', query: 'acme', firstRank: 11, capturedAt: Date.UTC(2026, 10, 1), month: '2026-11', urls: ['a.com/', 'b.com/'] }]));
    expect(snapshots.slice(1).map((row) => [row[5], row[6]])).toEqual([['11', 'a.com/'], ['12', 'b.com/']]);
    const report: MonthReport = {
      month: '2026-11', score: 71.5,
      kpis: [{ key: 'serp-positivity', titleKey: 'kpiSerpPositivity', title: 'SERP positivity', formula: '', unit: 'share', direction: 'higher-is-better', value: 0.5, target: 0.7, previous: null, counted: 4, confirmed: 2 }],
    };
    expect(read(kpisCsv(project, [report])).slice(1)).toEqual([
      ['Акме, "Клиника"', '2026-11', 'score', 'reputation score (0-100)', '71.5', '', '', '', ''],
      ['Акме, "Клиника"', '2026-11', 'serp-positivity', 'SERP positivity', '0.5', '0.7', '', '4', '2'],
    ]);
  });
});
