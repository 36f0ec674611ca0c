import { bing } from './bing';
import { discourse } from './discourse';
import { brave } from './brave';
import { duckduckgo } from './duckduckgo';
import { extractSerp } from './engine/extract';
import { matchPatternsOf, siteOwnsUrl } from './engine/location';
import { detectForumEngine } from './forum/detect';
import { extractForum, extractGenericPosts } from './forum/extract';
import { findGenericPosts } from './forum/generic';
import { PageIndex } from './forum/page-index';
import type { ForumDefinition } from './forum/types';
import { google } from './google';
import { invision } from './invision';
import { mybb } from './mybb';
import type { SiteOverrides } from './overrides';
import { phpbb } from './phpbb';
import { reddit } from './reddit';
import { redditOld } from './reddit-old';
import { reviews } from './reviews';
import { smf } from './smf';
import { stackexchange } from './stackexchange';
import type { AnySiteDefinition, PageExtract, SiteDefinition } from './types';
import { vbulletin } from './vbulletin';
import { xenforo } from './xenforo';
import { yandex } from './yandex';

export type { AnySiteDefinition, ForumDefinition, Item, PageExtract, SiteDefinition, SiteKind } from './types';

/**
 * Every supported site, one definition file each: search engines (owned by URL) and forum engines
 * (recognised by markup). Forum order matters only for markup two engines could share; a
 * generator meta always decides first.
 */
export const SITES: readonly AnySiteDefinition[] = [
  google,
  bing,
  yandex,
  duckduckgo,
  brave,
  phpbb,
  vbulletin,
  xenforo,
  invision,
  mybb,
  smf,
  discourse,
  reddit,
  redditOld,
  stackexchange,
  // Last: schema.org Review markup also turns up inside other engines' pages.
  reviews,
];

const SEARCH_ENGINES: readonly SiteDefinition[] = SITES.filter((site): site is SiteDefinition => site.kind === 'serp');

export const FORUM_ENGINES: readonly ForumDefinition[] = SITES.filter((site): site is ForumDefinition => site.kind === 'forum');

function parsePageUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The search engine that owns `url` (forums are never recognised by URL). */
export function findSite(url: string): SiteDefinition | undefined {
  const parsed = parsePageUrl(url);
  return parsed ? SEARCH_ENGINES.find((site) => siteOwnsUrl(site, parsed)) : undefined;
}

/** Manifest match patterns for the content script of every search engine. */
export function searchEngineMatchPatterns(): string[] {
  return SEARCH_ENGINES.flatMap(matchPatternsOf);
}

/** The forum engine whose markup `doc` carries, or null. */
export function detectForum(doc: Document, forumEngines: readonly ForumDefinition[] = FORUM_ENGINES): ForumDefinition | null {
  try {
    return detectForumEngine(doc, forumEngines);
  } catch {
    return null;
  }
}

export interface ExtractOptions {
  overrides?: SiteOverrides;
  /** The forum definitions to try (all by default); `[]` leaves only the generic post finder. */
  forumEngines?: readonly ForumDefinition[];
}

function extractForumPage(doc: Document, pageUrl: URL, forumEngines: readonly ForumDefinition[]): PageExtract | null {
  // One index of the page serves detection and extraction (none is needed when no definition is tried).
  const index = forumEngines.length > 0 ? new PageIndex(doc) : undefined;
  const definition = detectForumEngine(doc, forumEngines, index);
  const recognised = definition ? extractForum(definition, doc, pageUrl, index) : null;
  if (recognised && recognised.items.length > 0) return recognised;
  // A recognised engine whose markup changed still has post-like blocks the generic finder can see.
  const posts = findGenericPosts(doc);
  if (posts.length > 0) return extractGenericPosts(posts, doc, pageUrl, index);
  return recognised;
}

/**
 * Recognises the page and extracts its items: a search engine owning the URL, else a forum engine
 * recognised by markup, else posts the generic finder sees. Pure: reads `doc` only, never throws;
 * null when nothing is recognised or the page cannot be read at all.
 */
export function extractPage(doc: Document, url: string, options?: ExtractOptions): PageExtract | null {
  try {
    const parsed = parsePageUrl(url);
    if (!parsed) return null;
    const engine = SEARCH_ENGINES.find((candidate) => siteOwnsUrl(candidate, parsed));
    if (engine) return extractSerp(engine, doc, parsed, options?.overrides?.[engine.id]);
    return extractForumPage(doc, parsed, options?.forumEngines ?? FORUM_ENGINES);
  } catch {
    return null;
  }
}
