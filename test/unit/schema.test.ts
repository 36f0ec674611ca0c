import { describe, expect, it } from 'vitest';
import { AnyLengthHttpUrlSchema, DEFAULT_TARGETS, HttpUrlSchema, MAX_URL_LENGTH, ProjectInputSchema, monthOf } from '@/lib/schema';

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
    [{ name: 'A', clientDomains: ['ftp://acme.com'] }, 'clientDomains', /only http and https URLs are accepted, not ftp:/],
    [{ name: 'A', competitorDomains: ['javascript://rival.com/%0Aalert(1)'] }, 'competitorDomains', /not javascript:/],
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

describe('web addresses', () => {
  it.each(['https://example.com/a?b=c#d', 'http://xn--80ak6aa92e.com/', 'HTTPS://EXAMPLE.COM'])('accepts %s', (url) => {
    expect(HttpUrlSchema.parse(url)).toBe(url);
  });

  it.each([
    ['javascript:alert(document.cookie)', 'only http and https URLs are accepted, not javascript:'],
    ['JavaScript:alert(1)', 'only http and https URLs are accepted, not javascript:'],
    ['data:text/html,<script>alert(1)</script>', 'only http and https URLs are accepted, not data:'],
    ['file:///etc/passwd', 'only http and https URLs are accepted, not file:'],
    ['chrome-extension://abc/options.html', 'only http and https URLs are accepted, not chrome-extension:'],
    ['/relative/path', 'not a URL (expected an http or https address)'],
    ['', 'not a URL (expected an http or https address)'],
    [`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`, `a URL is at most ${MAX_URL_LENGTH} characters`],
  ])('refuses %s, saying why', (url, message) => {
    const result = HttpUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('takes a web address of any length only where asked to', () => {
    const long = `https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`;
    expect(AnyLengthHttpUrlSchema.parse(long)).toBe(long);
    expect(AnyLengthHttpUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
  });
});
