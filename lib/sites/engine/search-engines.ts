import { bing } from '../bing';
import { brave } from '../brave';
import { duckduckgo } from '../duckduckgo';
import { google } from '../google';
import type { SiteOverrides } from '../overrides';
import type { KnownItems, PageExtract, SiteDefinition } from '../types';
import { yandex } from '../yandex';
import { extractSerp } from './extract';
import { matchPatternsOf, queryOf, siteOwnsUrl } from './location';

/**
 * The search engines (owned by URL) and their extraction, apart from the forum engines so the search
 * content script bundles none of the forum machinery. lib/sites/index.ts composes both halves.
 */
export const SEARCH_ENGINES: readonly SiteDefinition[] = [google, bing, yandex, duckduckgo, brave];

function parsePageUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function searchEngineOwning(url: URL): SiteDefinition | undefined {
  return SEARCH_ENGINES.find((site) => siteOwnsUrl(site, url));
}

/** The search engine that owns `url` (forums are never recognised by URL). */
export function findSite(url: string): SiteDefinition | undefined {
  const parsed = parsePageUrl(url);
  return parsed ? searchEngineOwning(parsed) : undefined;
}

/** The query a search page's URL asks for, as the user typed it; null when the URL is not a search or names none. */
export function searchQueryOf(url: string): string | null {
  const parsed = parsePageUrl(url);
  const engine = parsed ? searchEngineOwning(parsed) : undefined;
  return parsed && engine ? (queryOf(engine, parsed) ?? null) : null;
}

/** Manifest match patterns for the content script of every search engine. */
export function searchEngineMatchPatterns(): string[] {
  return SEARCH_ENGINES.flatMap(matchPatternsOf);
}

/**
 * The results of the search engine owning `url`, the user's selector overrides tried first; null on a
 * page no search engine owns. `known` gives results read before whose blocks have not changed since. Never throws.
 */
export function extractSearchPage(doc: Document, url: string, overrides?: SiteOverrides, known?: KnownItems): PageExtract | null {
  try {
    const parsed = parsePageUrl(url);
    const engine = parsed ? searchEngineOwning(parsed) : undefined;
    return parsed && engine ? extractSerp(engine, doc, parsed, overrides?.[engine.id], known) : null;
  } catch {
    return null;
  }
}
