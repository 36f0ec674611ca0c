import { describe, expect, it } from 'vitest';
import { domainForDisplay } from '@/lib/format/domain';
import { normalizeDomain } from '@/lib/match/url';

describe('domains shown as people write them, stored canonical', () => {
  it('a Cyrillic domain is stored in ASCII and shown in Cyrillic', () => {
    const stored = normalizeDomain('лср.рф');
    expect(stored).toMatch(/^xn--[a-z0-9-]+\.xn--p1ai$/);
    expect(domainForDisplay(stored!)).toBe('лср.рф');
    expect(domainForDisplay(normalizeDomain('https://www.ЯНДЕКС.рф/путь')!)).toBe('яндекс.рф');
  });

  it('leaves ASCII domains and undecodable labels as they are', () => {
    expect(domainForDisplay('example.com')).toBe('example.com');
    expect(domainForDisplay('xn--.example')).toBe('xn--.example');
  });
});
