// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrilldownPanel, type DrilldownData } from '@/components/DrilldownPanel';
import { ShareOfVoicePanel } from '@/components/ShareOfVoicePanel';

const all = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

function mount(node: preact.ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
}

afterEach(() => {
  render(null, document.body.firstElementChild!);
  document.body.replaceChildren();
});

const HOSTILE = '<img src=x onerror="alert(1)">';
const NO_FLAGS = { clientSite: false, linksToClient: false, mentionsClient: false };

const DATA: DrilldownData = {
  month: '2026-11',
  previousMonth: '2026-10',
  months: ['2026-11', '2026-10'],
  queries: ['acme clinic', 'acme dentist'],
  query: 'acme clinic',
  lists: [
    {
      query: 'acme clinic',
      engine: 'google',
      previousObserved: true,
      entries: [
        {
          rank: 1,
          canonicalUrl: 'https://acmeclinic.com/',
          url: 'https://www.acmeclinic.com/',
          title: 'Acme Clinic',
          domain: 'acmeclinic.com',
          label: 'marked:positive',
          flags: { ...NO_FLAGS, clientSite: true, mentionsClient: true },
          change: { moved: 3 },
          previousRank: 4,
          newNegative: false,
        },
        {
          rank: 2,
          canonicalUrl: 'https://scam.example.com/',
          url: 'javascript:alert(1)',
          title: HOSTILE,
          domain: 'scam.example.com',
          label: 'suggested:negative',
          flags: NO_FLAGS,
          change: 'new',
          previousRank: null,
          newNegative: true,
        },
        {
          rank: 3,
          canonicalUrl: 'https://rival.com/',
          url: 'https://rival.com/',
          title: 'Rival',
          domain: 'rival.com',
          label: 'unlabeled',
          flags: { ...NO_FLAGS, competitor: true },
          change: { moved: -2 },
          previousRank: 1,
          newNegative: false,
        },
      ],
      dropped: [{ canonicalUrl: 'https://old.example.net/', title: HOSTILE, previousRank: 2 }],
    },
    { query: 'acme clinic', engine: 'yandex', previousObserved: false, entries: [], dropped: [] },
  ],
  shareOfVoice: {
    byQuery: [
      {
        query: 'acme clinic',
        months: [
          { month: '2026-10', competitors: null, client: null, byCompetitor: {}, byEngine: {} },
          {
            month: '2026-11',
            competitors: 0.25,
            client: 0.125,
            byCompetitor: { 'rival.com': 0.25 },
            byEngine: { google: { competitors: 1 / 3, client: 1 / 3, byCompetitor: { 'rival.com': 1 / 3 } } },
          },
        ],
      },
    ],
  },
};

const percent = (share: number) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(share);

describe('drill-down panel', () => {
  it('shows one list per query and engine, with ranks, changes in words, badges and new negatives tagged', () => {
    mount(<DrilldownPanel data={DATA} onSelect={vi.fn()} />);
    const lists = all('[data-testid="drilldown-list"]');
    expect(lists.map((list) => [list.dataset.query, list.dataset.engine])).toEqual([
      ['acme clinic', 'google'],
      ['acme clinic', 'yandex'],
    ]);
    const entries = all('[data-testid="drilldown-entry"]');
    expect(entries.map((entry) => [entry.dataset.rank, entry.dataset.change])).toEqual([
      ['1', '+3'],
      ['2', 'new'],
      ['3', '-2'],
    ]);
    expect(entries[0]!.textContent).toContain('up 3');
    expect(entries[0]!.textContent).toContain('positive (your mark)');
    expect(entries[0]!.textContent).toContain('client site');
    expect(entries[2]!.textContent).toContain('down 2');
    expect(entries[2]!.textContent).toContain('competitor');
    expect(entries[2]!.textContent).toContain('no label');
    expect(entries[1]!.querySelector('.new-negative-tag')!.textContent).toBe('new negative');
    expect(entries.filter((entry) => entry.textContent!.includes('new negative'))).toHaveLength(1);
    // Page text stays text, and only web links are followed.
    expect(document.querySelector('img')).toBeNull();
    expect(entries[1]!.textContent).toContain(HOSTILE);
    expect(entries[1]!.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect(byTestId('drilldown-dropped').textContent).toBe(`${HOSTILE} (was #2)`);
    expect(lists[0]!.hasAttribute('open')).toBe(true);
    expect(lists[1]!.textContent).toContain('nothing to compare with');
  });

  it('offers the months with data and the month’s key queries, and asks for the one chosen', () => {
    const onSelect = vi.fn();
    mount(<DrilldownPanel data={{ ...DATA, month: '2026-12', previousMonth: '2026-11', lists: [] }} onSelect={onSelect} />);
    const month = byTestId('drilldown-month') as HTMLSelectElement;
    expect([...month.options].map((option) => option.value)).toEqual(['2026-12', '2026-11', '2026-10']);
    expect(byTestId('drilldown-panel').textContent).toContain('No key-query results seen in December 2026');
    month.value = '2026-10';
    month.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith({ month: '2026-10' });
    const query = byTestId('drilldown-query') as HTMLSelectElement;
    expect([...query.options].map((option) => option.value)).toEqual(['acme clinic', 'acme dentist']);
    query.value = 'acme dentist';
    query.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onSelect).toHaveBeenLastCalledWith({ query: 'acme dentist' });
  });

  it('has no query selector when it shows every query (the report)', () => {
    mount(<DrilldownPanel data={{ ...DATA, query: null }} onSelect={vi.fn()} />);
    expect(document.querySelector('[data-testid="drilldown-query"]')).toBeNull();
  });
});

describe('share of voice panel', () => {
  it('tabulates months against competitors’ and client’s shares, per competitor and per engine', () => {
    mount(<ShareOfVoicePanel data={DATA.shareOfVoice} />);
    const panel = byTestId('share-of-voice');
    const tables = all('[data-testid="share-of-voice"] table');
    expect(tables).toHaveLength(2);
    const [allEngines, google] = tables;
    const cells = (table: HTMLElement, month: string) =>
      [...table.querySelectorAll(`tr[data-month="${month}"] td`)].map((cell) => cell.textContent);
    expect(cells(allEngines!, '2026-10')).toEqual(['—', '—', '—']);
    expect(cells(allEngines!, '2026-11')).toEqual([percent(0.25), percent(0.125), percent(0.25)]);
    expect(cells(google!, '2026-10')).toEqual(['—', '—', '—']);
    expect(cells(google!, '2026-11')).toEqual([percent(1 / 3), percent(1 / 3), percent(1 / 3)]);
    expect(allEngines!.querySelector('thead')!.textContent).toContain('rival.com');
    expect(panel.textContent).not.toContain('No competitor domains');
  });

  it('says when there is nothing to show', () => {
    mount(<ShareOfVoicePanel data={{ byQuery: [] }} />);
    expect(byTestId('share-of-voice').textContent).toContain('No key-query results');
  });

  it('says when the project names no competitor to count', () => {
    mount(<ShareOfVoicePanel data={{ byQuery: [{ query: 'acme', months: [{ month: '2026-11', competitors: 0, client: 1, byCompetitor: {}, byEngine: {} }] }] }} />);
    expect(byTestId('share-of-voice').textContent).toContain('No competitor domains in this project');
  });
});
