// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { HistoryPanel, seriesOf, type KpiHistory } from '@/components/HistoryPanel';
import { cellsFromPlan, planFromCells, planMonths } from '@/components/PlanEditor';
import { rampPlan } from '@/lib/kpi/plan';
import { ProjectSchema } from '@/lib/schema';

const project = ProjectSchema.parse({ id: 'p1', name: 'Acme', baselineMonth: '2026-09', createdAt: 0, updatedAt: 0 });

const kpi = (value: number | null, target: number) => ({
  key: 'serp-positivity',
  titleKey: 'kpiSerpPositivity',
  title: 'SERP positivity',
  formula: 'positive / labelled',
  unit: 'share' as const,
  direction: 'higher-is-better' as const,
  value,
  target,
  previous: null,
  counted: 1,
  confirmed: 1,
});

const history: KpiHistory = {
  projectId: 'p1',
  baselineMonth: '2026-09',
  months: [
    { month: '2026-09', score: 57, kpis: [kpi(0.4, 0.7)] },
    { month: '2026-10', score: null, kpis: [kpi(null, 0.55)] },
    { month: '2026-11', score: 100, kpis: [kpi(0.72, 0.7)] },
  ],
};

describe('history against plan', () => {
  it('turns the months into one series per KPI, with the target of each month', () => {
    const [score, positivity] = seriesOf(history);
    expect(score!.values).toEqual([57, null, 100]);
    expect(positivity!.values).toEqual([0.4, null, 0.72]);
    expect(positivity!.targets).toEqual([0.7, 0.55, 0.7]);
  });

  it('draws each KPI with axes, a target line and a table with the same numbers', () => {
    const root = document.createElement('div');
    render(<HistoryPanel history={history} project={project} saving={false} onSavePlan={() => undefined} />, root);
    const chart = root.querySelector('[data-testid="trend-serp-positivity"]')!;
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toMatch(/^SERP positivity from .+ to .+; the table below has the numbers$/);
    expect(chart.querySelector('.target-line')?.getAttribute('d')).toMatch(/^M/);
    // A month without data breaks the value line into two pieces.
    expect(chart.querySelector('.value-line')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    const rows = [...chart.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['40%', '70%', '✗ no'],
      ['—', '55%', '—'],
      ['72%', '70%', '✓ yes'],
    ]);
    expect(chart.querySelector('table')?.classList.contains('visually-hidden')).toBe(true);
    act(() => chart.querySelector<HTMLButtonElement>('button')!.click());
    expect(chart.querySelector('table')?.classList.contains('visually-hidden')).toBe(false);
    render(null, root);
  });
});

describe('the plan editor', () => {
  it('ramps steadily from the baseline value to the target', () => {
    expect(rampPlan(['2026-09', '2026-10', '2026-11', '2026-12'], 0.4, 0.7, 'share')).toEqual({
      '2026-09': 0.4,
      '2026-10': 0.5,
      '2026-11': 0.6,
      '2026-12': 0.7,
    });
    expect(rampPlan(['2026-09', '2026-10', '2026-11'], 3, 20, 'count')).toEqual({ '2026-09': 3, '2026-10': 12, '2026-11': 20 });
  });

  it('reads typed percentages as shares, keeps empty months on the target and refuses what it cannot read', () => {
    const months = planMonths('2026-09');
    expect(months).toHaveLength(12);
    const cells = cellsFromPlan({ serpPositivity: { '2026-09': 0.4 } }, months, 'en');
    expect(cells['serp-positivity']['2026-09']).toBe('40');
    cells['serp-positivity']['2026-10'] = '45,5 %';
    cells['portal-coverage']['2026-12'] = '12';
    expect(planFromCells(cells, 'ru')).toEqual({
      plan: { serpPositivity: { '2026-09': 0.4, '2026-10': 0.455 }, portalCoverage: { '2026-12': 12 } },
      errors: {},
    });
    cells['portal-coverage']['2026-11'] = '1,5 млн';
    cells['serp-positivity']['2026-11'] = '140';
    const refused = planFromCells(cells, 'ru');
    expect(Object.keys(refused.errors).sort()).toEqual(['portal-coverage:2026-11', 'serp-positivity:2026-11']);
  });

  it('sends nothing while a month cannot be read, and the whole plan once it can', () => {
    const root = document.createElement('div');
    const onSavePlan = vi.fn();
    act(() => render(<HistoryPanel history={history} project={project} saving={false} onSavePlan={onSavePlan} />, root));
    const type = (input: HTMLInputElement, text: string) =>
      act(() => {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const click = (selector: string) => act(() => editor.querySelector<HTMLButtonElement>(selector)!.click());
    const editor = root.querySelector('[data-testid="plan-editor"]')!;
    type(editor.querySelector<HTMLInputElement>('[data-testid="plan-serp-positivity"] input[data-month="2026-10"]')!, 'lots');
    click('[data-testid="plan-save"]');
    expect(onSavePlan).not.toHaveBeenCalled();
    expect(editor.querySelector('[data-testid="plan-serp-positivity"] .field-error')?.textContent).toMatch(/not a number/);
    type(editor.querySelector<HTMLInputElement>('[data-testid="plan-serp-positivity"] .plan-ramp input')!, '40');
    click('[data-testid="plan-ramp-serp-positivity"]');
    click('[data-testid="plan-save"]');
    expect(onSavePlan).toHaveBeenCalledTimes(1);
    const [baseline, plan] = onSavePlan.mock.calls[0]!;
    expect(baseline).toBe('2026-09');
    expect(plan.serpPositivity['2026-09']).toBe(0.4);
    expect(plan.serpPositivity['2027-08']).toBe(0.7);
    render(null, root);
  });
});
