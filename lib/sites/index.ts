import { bing } from './bing';
import { brave } from './brave';
import { duckduckgo } from './duckduckgo';
import { extractSerp } from './engine/extract';
import { matchPatternsOf, siteOwnsUrl } from './engine/location';
import { google } from './google';
import type { SiteOverrides } from './overrides';
import type { PageExtract, SiteDefinition } from './types';
import { yandex } from './yandex';

export type { Item, PageExtract, SiteDefinition, SiteKind } from './types';

/** Every supported site, one definition file each. */
export const SITES: readonly SiteDefinition[] = [google, bing, yandex, duckduckgo, brave];

function parsePageUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function findSite(url: string): SiteDefinition | undefined {
  const parsed = parsePageUrl(url);
  return parsed ? SITES.find((site) => siteOwnsUrl(site, parsed)) : undefined;
}

/** Manifest match patterns for the content script of every search engine. */
export function searchEngineMatchPatterns(): string[] {
  return SITES.filter((site) => site.kind === 'serp').flatMap(matchPatternsOf);
}

/**
 * Recognises the site from `url` and extracts its items. Pure: reads `doc` only, never throws;
 * null when no site owns the URL or the page cannot be read at all.
 */
export function extractPage(doc: Document, url: string, options?: { overrides?: SiteOverrides }): PageExtract | null {
  try {
    const parsed = parsePageUrl(url);
    const site = parsed ? SITES.find((candidate) => siteOwnsUrl(candidate, parsed)) : undefined;
    if (!parsed || !site) return null;
    return extractSerp(site, doc, parsed, options?.overrides?.[site.id]);
  } catch {
    return null;
  }
}
