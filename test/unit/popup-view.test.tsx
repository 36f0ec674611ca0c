// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupData } from '@/components/PopupView';

const data = (isKeyQuery: boolean): PopupData => ({
  projects: [],
  activeProjectId: null,
  report: null,
  tabPage: { kind: 'serp', site: 'google', siteName: 'Google', recognised: true, itemsFound: 10, query: 'acme prices', isKeyQuery },
});

describe('popup: the tab query', () => {
  it('offers one click to add a query that is not a key query, and says when it is one', () => {
    const root = document.createElement('div');
    const onAddKeyQuery = vi.fn();
    const show = (isKeyQuery: boolean) =>
      render(<PopupView data={data(isKeyQuery)} error={null} onSelectProject={() => undefined} onOpenDashboard={() => undefined} onAddKeyQuery={onAddKeyQuery} />, root);
    show(false);
    expect(root.querySelector('[data-testid="tab-key-query"]')?.getAttribute('data-value')).toBe('false');
    root.querySelector<HTMLButtonElement>('[data-testid="add-key-query"]')!.click();
    expect(onAddKeyQuery).toHaveBeenCalledWith('acme prices');
    show(true);
    expect(root.querySelector('[data-testid="tab-key-query"]')?.textContent).toMatch(/is one of this project’s key queries/);
    expect(root.querySelector('[data-testid="add-key-query"]')).toBeNull();
    render(null, root);
  });
});

describe('popup: KPIs against target and their trend', () => {
  const kpi = (value: number | null, target: number | null) => ({
    key: 'serp-positivity',
    titleKey: 'kpiSerpPositivity',
    title: 'SERP positivity',
    formula: 'positive / labelled',
    unit: 'share' as const,
    direction: 'higher-is-better' as const,
    value,
    target,
    previous: 0.5,
    counted: 20,
    confirmed: 3,
  });
  const withReport = (value: number | null, recent: (number | null)[]): PopupData => ({
    projects: [],
    activeProjectId: 'p1',
    tabPage: null,
    report: {
      month: '2026-11',
      score: 80,
      markedCount: 3,
      kpis: [kpi(value, 0.7)],
      recent: recent.map((entry, index) => ({ month: `2026-${String(index + 1).padStart(2, '0')}`, score: null, values: { 'serp-positivity': entry } })),
    },
  });

  it('says on or off target in words, not colour alone, and draws a described sparkline', () => {
    const root = document.createElement('div');
    const show = (data: PopupData) =>
      render(<PopupView data={data} error={null} onSelectProject={() => undefined} onOpenDashboard={() => undefined} onAddKeyQuery={() => undefined} />, root);
    show(withReport(0.75, [0.4, null, 0.6, 0.75]));
    const status = root.querySelector('[data-testid="kpi-serp-positivity-status"]')!;
    expect([status.getAttribute('data-status'), status.textContent]).toEqual(['met', '✓ on target']);
    expect(root.querySelector('.sparkline')?.getAttribute('aria-label')).toBe('SERP positivity, last 4 months: from 40% to 75%');
    expect(root.querySelector('[data-testid="kpi-serp-positivity"]')?.textContent).toMatch(/20 counted · 3 confirmed · 17 suggested/);
    show(withReport(0.6, [0.6]));
    expect(root.querySelector('[data-testid="kpi-serp-positivity-status"]')?.textContent).toBe('✗ off target');
    // One month is no trend: no sparkline.
    expect(root.querySelector('.sparkline')).toBeNull();
    show(withReport(null, []));
    expect(root.querySelector('[data-testid="kpi-serp-positivity-status"]')).toBeNull();
    render(null, root);
  });
});

describe('popup: an incomplete project', () => {
  it('says what is missing where its KPIs are, and nothing once it is complete', () => {
    const root = document.createElement('div');
    const show = (project: { keyQueries: string[]; clientDomains: string[] }) =>
      render(
        <PopupView
          data={{ projects: [{ id: 'p', name: 'Acme', ...project }] as unknown as PopupData['projects'], activeProjectId: 'p', report: null, tabPage: null }}
          error={null}
          onSelectProject={() => undefined}
          onOpenDashboard={() => undefined}
          onAddKeyQuery={() => undefined}
        />,
        root,
      );
    show({ keyQueries: [], clientDomains: [] });
    const missing = () => [...root.querySelectorAll('[data-testid="project-incomplete"] li')].map((item) => item.textContent);
    expect(missing()).toEqual([expect.stringMatching(/^No key queries yet/), expect.stringMatching(/^No client domain yet/)]);
    show({ keyQueries: ['acme'], clientDomains: [] });
    expect(missing()).toEqual([expect.stringMatching(/^No client domain yet/)]);
    show({ keyQueries: ['acme'], clientDomains: ['acme.com'] });
    expect(root.querySelector('[data-testid="project-incomplete"]')).toBeNull();
    render(null, root);
  });
});


describe('popup: a long project name', () => {
  it('is the switcher’s whole value and its tooltip, however short the switcher draws it', () => {
    const root = document.createElement('div');
    const name = 'Acme Clinic Family Medicine and Dental Care Centre of the Greater Riverside Area';
    const projects = [
      { id: 'short', name: 'Acme', keyQueries: ['acme'], clientDomains: ['acme.com'] },
      { id: 'long', name, keyQueries: ['acme'], clientDomains: ['acme.com'] },
    ] as unknown as PopupData['projects'];
    render(
      <PopupView data={{ projects, activeProjectId: 'long', report: null, tabPage: null }} error={null} onSelectProject={() => undefined} onOpenDashboard={() => undefined} onAddKeyQuery={() => undefined} />,
      root,
    );
    const select = root.querySelector<HTMLSelectElement>('[data-testid="project-select"]')!;
    expect(select.title).toBe(name);
    expect(select.selectedOptions[0]?.textContent).toBe(name);
    render(null, root);
  });
});
