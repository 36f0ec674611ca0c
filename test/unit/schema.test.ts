import { describe, expect, it } from 'vitest';
import { issueProblem, problemText } from '@/lib/i18n/problems';
import { AnyLengthHttpUrlSchema, DEFAULT_TARGETS, HttpUrlSchema, MAX_URL_LENGTH, MonthSchema, PlanSchema, ProjectInputSchema, monthOf } from '@/lib/schema';

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
    [{ name: '' }, 'name', 'Must not be empty.'],
    [{ name: 'x'.repeat(101) }, 'name', 'Must be at most 100 characters long.'],
    [{ name: 'A', clientDomains: ['not a domain'] }, 'clientDomains', '“not a domain” is not a domain: write it like example.com.'],
    [{ name: 'A', clientDomains: ['localhost'] }, 'clientDomains', '“localhost” is not a domain: write it like example.com.'],
    [{ name: 'A', clientDomains: ['ftp://acme.com'] }, 'clientDomains', '“ftp://acme.com” is not a domain: only http and https addresses are accepted, not ftp:.'],
    [{ name: 'A', competitorDomains: ['javascript://rival.com/%0Aalert(1)'] }, 'competitorDomains', /not javascript:/],
    [{ name: 'A', targets: { serpPositivity: 1.5 } }, 'targets', 'Must be at most 1.'],
    [{ name: 'A', targets: { serpPositivity: null } }, 'targets', 'Must be a number.'],
    [{ name: 'A', targets: { portalCoverage: -1 } }, 'targets', 'Cannot be negative.'],
    [{ name: 'A', targets: { negativeTop10: 2.5 } }, 'targets', 'Must be a whole number.'],
    [{ name: 'A', monthlyBudget: -5 }, 'monthlyBudget', 'Cannot be negative.'],
    [{ name: 'A', minSuggestionConfidence: 1.5 }, 'minSuggestionConfidence', 'Must be at most 1.'],
    [{ name: 'A', retentionMonths: 0 }, 'retentionMonths', 'Must be at least 1.'],
    [{ name: 'A', keyQueries: Array.from({ length: 501 }, (_, index) => `q${index}`) }, 'keyQueries', 'At most 500 entries are allowed.'],
  ])('refuses %j with a sentence for %s', (input, field, sentence) => {
    const result = ProjectInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path[0]).toBe(field);
    expect(problemText(issueProblem(issue), 'en')).toMatch(sentence);
  });

  it('says a month is written as YYYY-MM, as a value and as a plan’s key', () => {
    const sentence = 'Must be a month written as YYYY-MM, e.g. 2026-11.';
    for (const month of ['2026-13', '2026-1', '']) expect(problemText(issueProblem(MonthSchema.safeParse(month).error!.issues[0]!), 'en')).toBe(sentence);
    const plan = PlanSchema.safeParse({ serpPositivity: { '2026/11': 0.5 } });
    expect(problemText(issueProblem(plan.error!.issues[0]!), 'en')).toBe(sentence);
    expect(MonthSchema.parse('2026-12')).toBe('2026-12');
  });

  it('names months in local time', () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59).getTime())).toBe('2026-01');
    expect(monthOf(new Date(2026, 11, 1).getTime())).toBe('2026-12');
  });
});

describe('web addresses', () => {
  it.each(['https://example.com/a?b=c#d', 'http://xn--80ak6aa92e.com/', 'HTTPS://EXAMPLE.COM'])('accepts %s', (url) => {
    expect(HttpUrlSchema.parse(url)).toBe(url);
  });

  it.each([
    ['javascript:alert(document.cookie)', 'Only http and https addresses are accepted, not javascript:.'],
    ['JavaScript:alert(1)', 'Only http and https addresses are accepted, not javascript:.'],
    ['data:text/html,<script>alert(1)</script>', 'Only http and https addresses are accepted, not data:.'],
    ['file:///etc/passwd', 'Only http and https addresses are accepted, not file:.'],
    ['chrome-extension://abc/options.html', 'Only http and https addresses are accepted, not chrome-extension:.'],
    ['/relative/path', 'Is not a web address: an http or https address is expected.'],
    ['', 'Is not a web address: an http or https address is expected.'],
    [`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`, 'Must be at most 8,192 characters long.'],
  ])('refuses %s, saying why', (url, sentence) => {
    const result = HttpUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => problemText(issueProblem(issue), 'en'))).toEqual([sentence]);
  });

  it('takes a web address of any length only where asked to', () => {
    const long = `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`;
    expect(AnyLengthHttpUrlSchema.parse(long)).toBe(long);
    expect(AnyLengthHttpUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
  });
});
