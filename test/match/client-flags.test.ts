import { describe, expect, it } from 'vitest';
import { buildBrandMatcher } from '../../lib/match/brand';
import { computeClientFlags, type ClientFlagsInput } from '../../lib/match/client-flags';

const project = { clientDomains: ['acme.com', 'регистратура.бг'], brand: buildBrandMatcher(['Acme Clinic', 'Регистратура']) };

function flagsOf(item: Partial<ClientFlagsInput>) {
  return computeClientFlags({ url: 'https://forum.example.org/t/1', title: '', snippet: '', ...item }, project);
}

describe('computeClientFlags: clientSite', () => {
  it.each([
    'https://acme.com/',
    'https://www.acme.com/about',
    'https://booking.acme.com/slots?day=1',
    'http://ACME.COM/x',
    'https://регистратура.бг/контакти',
  ])('is set for %j', (url) => {
    expect(flagsOf({ url }).clientSite).toBe(true);
  });

  it.each([
    'https://notacme.com/',
    'https://acme.com.evil.org/',
    'https://acme-com.org/',
    'https://example.org/acme.com',
    'https://example.org/?ref=acme.com',
    'not a url',
  ])('is not set for the lookalike %j', (url) => {
    expect(flagsOf({ url }).clientSite).toBe(false);
  });

  it('decodes a search engine redirect around the target', () => {
    const url = `https://www.google.com/url?q=${encodeURIComponent('https://shop.acme.com/')}&sa=U`;
    expect(flagsOf({ url }).clientSite).toBe(true);
  });
});

describe('computeClientFlags: linksToClient', () => {
  it('is set by a link inside the post to a client subdomain', () => {
    const flags = flagsOf({ linkedUrls: ['https://example.net/', 'https://book.acme.com/doctor/5'] });
    expect(flags).toEqual({ clientSite: false, linksToClient: true, mentionsClient: false });
  });

  it('is set by a wrapped link', () => {
    const wrapped = `https://duckduckgo.com/l/?uddg=${encodeURIComponent('https://acme.com/prices')}`;
    expect(flagsOf({ linkedUrls: [wrapped] }).linksToClient).toBe(true);
  });

  it.each(['https://notacme.com/', 'https://acme.com.evil.org/', 'https://example.org/?to=acme.com', '/relative/acme.com'])(
    'is not set by a link to %j',
    (link) => {
      expect(flagsOf({ linkedUrls: [link] }).linksToClient).toBe(false);
    },
  );

  it.each(['Book online: visit acme.com today', 'Адрес: https://www.acme.com/kontakty.', 'сайт регистратура.бг'])(
    'is set by a client domain written in the snippet %j',
    (snippet) => {
      const flags = flagsOf({ snippet });
      expect(flags.linksToClient).toBe(true);
      expect(flags.mentionsClient).toBe(true);
    },
  );

  it.each(['see notacme.com', 'go to acme.com.evil.org now', 'acme-com.org'])('is not set by the lookalike text %j', (snippet) => {
    expect(flagsOf({ snippet })).toEqual({ clientSite: false, linksToClient: false, mentionsClient: false });
  });

  it('is not set by an e-mail address, which still mentions the client', () => {
    expect(flagsOf({ snippet: 'Write to info@acme.com' })).toEqual({
      clientSite: false,
      linksToClient: false,
      mentionsClient: true,
    });
  });

  it('is never set on the client site itself', () => {
    const flags = flagsOf({ url: 'https://acme.com/blog', snippet: 'More at acme.com', linkedUrls: ['https://acme.com/'] });
    expect(flags).toEqual({ clientSite: true, linksToClient: false, mentionsClient: true });
  });

  it('ignores links when the project has no client domains', () => {
    const flags = computeClientFlags(
      { url: 'https://acme.com/', title: 'Acme Clinic', snippet: 'acme.com', linkedUrls: ['https://acme.com/'] },
      { clientDomains: [], brand: project.brand },
    );
    expect(flags).toEqual({ clientSite: false, linksToClient: false, mentionsClient: true });
  });
});

describe('computeClientFlags: mentionsClient', () => {
  it.each([
    { title: 'Отзывы о регистратуре поликлиники', snippet: '' },
    { title: '', snippet: 'We went to acme clinic last week.' },
    { title: 'Registratura - reviews', snippet: '' },
    { title: 'ACME.COM status', snippet: '' },
  ])('is set for %j', (item) => {
    expect(flagsOf(item).mentionsClient).toBe(true);
  });

  it('is set by the brand word inside a lookalike host, which stays no client site or link', () => {
    const flags = computeClientFlags(
      { url: 'https://acme.com.evil.org/login', title: 'Sign in', snippet: 'acme.com.evil.org', linkedUrls: ['https://acme.com.evil.org/'] },
      { clientDomains: ['acme.com'], brand: buildBrandMatcher(['Acme']) },
    );
    expect(flags).toEqual({ clientSite: false, linksToClient: false, mentionsClient: true });
  });

  it('is not set by words that only contain the brand', () => {
    expect(flagsOf({ title: 'Регистрация', snippet: 'AcmeClinicology is a new word' }).mentionsClient).toBe(false);
  });

  it('does not join the title and the snippet into one mention', () => {
    expect(flagsOf({ title: 'Acme', snippet: 'Clinic hours' }).mentionsClient).toBe(false);
  });

  it('gives no flags for an empty item', () => {
    expect(computeClientFlags({ url: '', title: '', snippet: '' }, project)).toEqual({
      clientSite: false,
      linksToClient: false,
      mentionsClient: false,
    });
  });
});

describe('computeClientFlags: competitor', () => {
  const withCompetitors = { ...project, competitorDomains: ['rival.com'] };
  const competitorOf = (url: string) => computeClientFlags({ url, title: '', snippet: '' }, withCompetitors).competitor === true;

  it('marks a competitor domain and its subdomains, through redirect wrappers too', () => {
    expect(competitorOf('https://rival.com/prices')).toBe(true);
    expect(competitorOf('https://shop.rival.com/')).toBe(true);
    expect(competitorOf('https://www.google.com/url?q=https://rival.com/x')).toBe(true);
  });

  it('never marks lookalikes, the client, or anything when the project names no competitor', () => {
    expect(competitorOf('https://notrival.com/')).toBe(false);
    expect(competitorOf('https://acme.com/')).toBe(false);
    expect(computeClientFlags({ url: 'https://rival.com/', title: '', snippet: '' }, project)).toEqual({ clientSite: false, linksToClient: false, mentionsClient: false });
  });
});
