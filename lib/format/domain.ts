import { toUnicode } from 'punycode/punycode.es6.js';

/**
 * A domain as people write it: "лср.рф", not the "xn--h1alfh.xn--p1ai" it is stored as (stored domains stay in
 * their canonical ASCII form, the one URLs carry, so matching never depends on how a domain was typed).
 * punycode.js (Mathias Bynens's, the decoder Node itself shipped for years) turns the xn-- labels back.
 */
export function domainForDisplay(domain: string): string {
  if (!domain.includes('xn--')) return domain;
  try {
    const shown = toUnicode(domain);
    // A label that decodes to nothing was no real xn-- label: the domain is shown as it is stored.
    return shown.split('.').some((label) => label === '') ? domain : shown;
  } catch {
    return domain;
  }
}
