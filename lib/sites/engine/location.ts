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

function hostIsCovered(hostname: string, hosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return hosts.some((pattern) =>
    pattern.startsWith('*.') ? host === pattern.slice(2) || host.endsWith(pattern.slice(1)) : host === pattern,
  );
}

/** Same rule as the manifest patterns built from the definition: host (or subdomain) and path glob. */
export function siteOwnsUrl(site: SiteDefinition, url: URL): boolean {
  if (!/^https?:$/.test(url.protocol) || !hostIsCovered(url.hostname, site.hosts)) return false;
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
