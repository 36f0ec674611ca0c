import type { PagingRule, SiteDefinition } from '../types';

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

const pathMatchers = new WeakMap<SiteDefinition, RegExp[]>();

function pathRegExps(site: SiteDefinition): RegExp[] {
  let matchers = pathMatchers.get(site);
  if (!matchers) {
    matchers = site.paths.map(globToRegExp);
    pathMatchers.set(site, matchers);
  }
  return matchers;
}

/** A site's hosts as a set of exact names and the suffixes its `*.` patterns cover. */
interface HostMatcher {
  exact: ReadonlySet<string>;
  /** `.example.com` for `*.example.com` (whose bare `example.com` is in `exact`). */
  suffixes: readonly string[];
}

const hostMatchers = new WeakMap<SiteDefinition, HostMatcher>();

/** Made once per site: every result link of a page is asked about (Google lists some 380 hosts). */
function hostMatcher(site: SiteDefinition): HostMatcher {
  let matcher = hostMatchers.get(site);
  if (!matcher) {
    const wildcards = site.hosts.filter((pattern) => pattern.startsWith('*.'));
    matcher = {
      exact: new Set([...site.hosts.filter((pattern) => !pattern.startsWith('*.')), ...wildcards.map((pattern) => pattern.slice(2))]),
      suffixes: wildcards.map((pattern) => pattern.slice(1)),
    };
    hostMatchers.set(site, matcher);
  }
  return matcher;
}

function hostIsCovered(hostname: string, site: SiteDefinition): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const { exact, suffixes } = hostMatcher(site);
  return exact.has(host) || suffixes.some((suffix) => host.endsWith(suffix));
}

/** Same rule as the manifest patterns built from the definition: host (or subdomain) and path glob. */
export function siteOwnsUrl(site: SiteDefinition, url: URL): boolean {
  if (!/^https?:$/.test(url.protocol) || !hostIsCovered(url.hostname, site)) return false;
  const pathAndQuery = url.pathname + url.search;
  return pathRegExps(site).some((pattern) => pattern.test(pathAndQuery));
}

/** `https://<host><path>` for every host and path of the site (the same `*.` host syntax). */
export function matchPatternsOf(site: SiteDefinition): string[] {
  return site.hosts.flatMap((host) => site.paths.map((path) => `https://${host}${path}`));
}

function hashParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.replace(/^#/, ''));
}

/** The query as the user typed it (not normalised), from the URL's query or, for old pages, its fragment. */
export function queryOf(site: SiteDefinition, url: URL): string | undefined {
  for (const params of [url.searchParams, hashParams(url)]) {
    for (const name of site.queryParams) {
      const value = params.get(name);
      if (value && value.trim() !== '') return value.trim();
    }
  }
  return undefined;
}

function readInteger(url: URL, name: string): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number.parseInt(raw, 10);
}

function pageSizeOf(rule: PagingRule, url: URL): number {
  const size = typeof rule.pageSize === 'function' ? rule.pageSize(url) : rule.pageSize;
  return size && size > 0 ? size : 10;
}

/**
 * Rank of the page's first organic result, from the first paging rule whose parameter is present;
 * undefined when the URL states no position.
 */
export function firstRankFromUrl(site: SiteDefinition, url: URL): number | undefined {
  for (const rule of site.paging) {
    const value = readInteger(url, rule.param);
    if (value === null) continue;
    switch (rule.unit) {
      case 'offset':
        return value + 1;
      case 'first-rank':
        return Math.max(1, value);
      case 'page':
        return Math.max(0, value - (rule.firstPage ?? 1)) * pageSizeOf(rule, url) + 1;
    }
  }
  return undefined;
}
