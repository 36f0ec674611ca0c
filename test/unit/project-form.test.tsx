// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { inputFromValues, ProjectForm, valuesFromProject } from '@/components/ProjectForm';
import { ProjectInputSchema } from '@/lib/schema';

const typed = (overrides: Partial<ReturnType<typeof valuesFromProject>>) => ({ ...valuesFromProject(null), name: 'Acme', ...overrides });

describe('project form numbers', () => {
  it('reads a budget and targets as the locale writes them', () => {
    const { input, errors } = inputFromValues(typed({ monthlyBudget: '150 000 ₽', serpPositivityPct: '72,5 %', portalCoverage: '25' }), 'ru-RU');
    expect(errors).toEqual({});
    expect(input.monthlyBudget).toBe(150_000);
    expect(input.targets).toEqual({ serpPositivity: 0.725, thirdPartyRecommend: 0.15, portalCoverage: 25, negativeTop10: 0 });
  });

  it('an empty budget is no budget; an unreadable one is an error beside its field, never null', () => {
    expect(inputFromValues(typed({ monthlyBudget: ' ' }), 'ru-RU')).toMatchObject({ input: { monthlyBudget: null }, errors: {} });
    const { errors } = inputFromValues(typed({ monthlyBudget: '1,5 млн', portalCoverage: '2,5' }), 'ru-RU');
    expect(errors.monthlyBudget).toMatch(/in digits/);
    expect(errors['targets.portalCoverage']).toBe('Enter a whole number.');
  });

  it('reads the minimum suggestion confidence as a percentage, and shows a project stored before it had one at 0', () => {
    expect(inputFromValues(typed({ minSuggestionConfidencePct: '40 %' })).input.minSuggestionConfidence).toBe(0.4);
    expect(inputFromValues(typed({ minSuggestionConfidencePct: '' })).errors.minSuggestionConfidence).toBe('Enter a number.');
    const { minSuggestionConfidence: _absent, ...older } = ProjectInputSchema.parse({ name: 'Acme' });
    const shown = valuesFromProject({ ...older, id: 'p1', baselineMonth: '2026-11', createdAt: 0, updatedAt: 0 });
    expect(shown.minSuggestionConfidencePct).toBe('0');
    expect(inputFromValues(shown).input.minSuggestionConfidence).toBe(0);
  });

  it('reads the months searches are kept: empty keeps them for good, a fraction is refused beside its field', () => {
    expect(inputFromValues(typed({ retentionMonths: '' }), 'en-US').input.retentionMonths).toBeNull();
    expect(inputFromValues(typed({ retentionMonths: '6' }), 'en-US').input.retentionMonths).toBe(6);
    expect(inputFromValues(typed({ retentionMonths: '1.5' }), 'en-US').errors.retentionMonths).toBeDefined();
    const project = ProjectInputSchema.parse({ name: 'Acme', retentionMonths: 12 });
    expect(valuesFromProject({ ...project, id: 'p', baselineMonth: '2026-11', createdAt: 0, updatedAt: 0 }).retentionMonths).toBe('12');
  });

  it('shows a Cyrillic domain as it is written, and stores it canonical again', () => {
    const project = ProjectInputSchema.parse({ name: 'ЛСР', clientDomains: ['лср.рф'], competitorDomains: ['https://пик.рф/'] });
    expect(project.clientDomains[0]).toMatch(/^xn--/);
    const shown = valuesFromProject({ ...project, id: 'p1', baselineMonth: '2026-11', createdAt: 0, updatedAt: 0 });
    expect([shown.domains, shown.competitors]).toEqual(['лср.рф', 'пик.рф']);
    const saved = ProjectInputSchema.parse(inputFromValues(shown).input);
    expect([saved.clientDomains, saved.competitorDomains]).toEqual([project.clientDomains, project.competitorDomains]);
  });

  it('a stored budget shown in the form reads back unchanged', () => {
    const project = ProjectInputSchema.parse({ name: 'Acme', monthlyBudget: 150_000 });
    const shown = valuesFromProject({ ...project, id: 'p1', createdAt: 0, updatedAt: 0 } as never);
    expect(inputFromValues(shown).input.monthlyBudget).toBe(150_000);
  });

  it('does not send a form whose number it cannot read, and says why', async () => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    const onSave = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    render(<ProjectForm project={null} errors={{}} saving={false} onSave={onSave} onCancel={() => undefined} />, root);
    await settle();
    const budget = root.querySelector<HTMLInputElement>('[data-testid="project-budget"]')!;
    const name = root.querySelector<HTMLInputElement>('[data-testid="project-name"]')!;
    name.value = 'Acme';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    budget.value = '150k';
    budget.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    root.querySelector<HTMLButtonElement>('[data-testid="project-save"]')!.click();
    await settle();
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid="error-monthlyBudget"]')?.textContent).toMatch(/in digits/);
    budget.value = '150 000';
    budget.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    root.querySelector<HTMLButtonElement>('[data-testid="project-save"]')!.click();
    await settle();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toMatchObject({ name: 'Acme', monthlyBudget: 150_000 });
    render(null, root);
  });
});
