import type { ClientFlags } from '../schema';
import type { BrandMatcher } from './brand';
import { isOnDomain, unwrapRedirect } from './url';

export interface ClientFlagsInput {
  /** The item's own target URL (a search engine's redirect wrapper is decoded here too). */
  url: string;
  title: string;
  snippet: string;
  /** Links inside a forum post or a result's sitelinks, possibly still wrapped by the engine. */
  linkedUrls?: readonly string[];
}

export interface ClientFlagsProject {
  clientDomains: readonly string[];
  competitorDomains?: readonly string[];
  brand: BrandMatcher;
}

/**
 * A host name written in running text ("visit acme.com", "https://shop.acme.com/x", "info@acme.com").
 * It starts where no other host character precedes it and runs to its last label, so
 * "acme.com.evil.org" is read whole and "notacme.com" never yields "acme.com".
 */
const HOST_IN_TEXT =
  /(?<![\p{L}\p{N}\p{M}.-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]{0,62}(?![\p{L}\p{N}\p{M}-]|\.[\p{L}\p{N}])/gu;

interface HostInText {
  host: string;
  /** Written as the domain part of an e-mail address: names the client but is no link to its site. */
  inEmail: boolean;
}

function hostsWrittenIn(text: string): HostInText[] {
  return [...text.matchAll(HOST_IN_TEXT)].map((match) => ({
    host: match[0],
    inEmail: text.charAt(match.index - 1) === '@',
  }));
}

export function computeClientFlags(input: ClientFlagsInput, project: ClientFlagsProject): ClientFlags {
  const { clientDomains, brand } = project;
  const onClientDomain = (urlOrHost: string): boolean => isOnDomain(urlOrHost, clientDomains);

  const target = unwrapRedirect(input.url);
  const clientSite = onClientDomain(target);

  const snippetHosts = hostsWrittenIn(input.snippet);
  const linksToClient =
    !clientSite &&
    ((input.linkedUrls ?? []).some((link) => onClientDomain(unwrapRedirect(link))) ||
      snippetHosts.some((found) => !found.inEmail && onClientDomain(found.host)));

  const mentionsClient =
    brand.matches(input.title) ||
    brand.matches(input.snippet) ||
    [...hostsWrittenIn(input.title), ...snippetHosts].some((found) => onClientDomain(found.host));

  // A competitor's own page: present only when true, so records and answers without competitors stay as they were.
  const competitor = !clientSite && isOnDomain(target, project.competitorDomains ?? []);
  return competitor ? { clientSite, linksToClient, mentionsClient, competitor } : { clientSite, linksToClient, mentionsClient };
}
