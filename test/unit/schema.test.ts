import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, ProjectInputSchema, monthOf } from '@/lib/schema';

describe('project input', () => {
  it('applies the methodology defaults and normalises domains', () => {
    const project = ProjectInputSchema.parse({
      name: '  Acme  ',
      clientDomains: ['https://WWW.Acme.com/contacts', 'shop.acme.co.uk'],
    });
    expect(project.name).toBe('Acme');
    expect(project.clientDomains).toEqual(['acme.com', 'shop.acme.co.uk']);
    expect(project.targets).toEqual({ serpPositivity: 0.7, thirdPartyRecommend: 0.15, portalCoverage: 20, negativeTop10: 0 });
    expect(DEFAULT_TARGETS.serpPositivity).toBe(0.7);
    expect(project.suggestionsCountInKpis).toBe(true);
    expect(project.minSuggestionConfidence).toBe(0);
  });

  it.each([
    [{ name: '' }, 'name', /required/],
    [{ name: 'A', clientDomains: ['not a domain'] }, 'clientDomains', /not a domain/],
    [{ name: 'A', clientDomains: ['localhost'] }, 'clientDomains', /not a domain/],
    [{ name: 'A', targets: { serpPositivity: 1.5 } }, 'targets', /share from 0 to 1/],
    [{ name: 'A', targets: { portalCoverage: -1 } }, 'targets', /negative/],
    [{ name: 'A', targets: { negativeTop10: 2.5 } }, 'targets', /whole number/],
    [{ name: 'A', monthlyBudget: -5 }, 'monthlyBudget', /negative/],
    [{ name: 'A', minSuggestionConfidence: 1.5 }, 'minSuggestionConfidence', /share from 0 to 1/],
  ])('refuses %j with a message on %s', (input, field, message) => {
    const result = ProjectInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path[0]).toBe(field);
    expect(issue.message).toMatch(message);
  });

  it('names months in local time', () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59).getTime())).toBe('2026-01');
    expect(monthOf(new Date(2026, 11, 1).getTime())).toBe('2026-12');
  });
});
