import { extractSearchPage, findSite, SEARCH_ENGINES } from './engine/search-engines';
import { extractForumPage, FORUM_ENGINES } from './forum/forum-engines';
import { PageIndex } from './forum/page-index';
import { DOM_QUERIES } from './forum/queries';
import type { ForumDefinition } from './forum/types';
import type { SiteOverrides } from './overrides';
import type { AnySiteDefinition, PageExtract } from './types';

export type { AnySiteDefinition, ForumDefinition, Item, PageExtract, SiteDefinition, SiteKind } from './types';
export { findSite, searchEngineMatchPatterns } from './engine/search-engines';
export { detectForum, FORUM_ENGINES } from './forum/forum-engines';

/**
 * Every supported site, one definition file each: search engines (owned by URL, registered in
 * engine/search-engines.ts) and forum engines (recognised by markup, registered in
 * forum/forum-engines.ts). Each content script imports only its own half.
 */
export const SITES: readonly AnySiteDefinition[] = [...SEARCH_ENGINES, ...FORUM_ENGINES];

export interface ExtractOptions {
  overrides?: SiteOverrides;
  /** The forum definitions to try (all by default); `[]` leaves only the generic post finder. */
  forumEngines?: readonly ForumDefinition[];
}

/**
 * Recognises the page and extracts its items: a search engine owning the URL, else a forum engine
 * recognised by markup, else posts the generic finder sees. Pure: reads `doc` only, never throws;
 * null when nothing is recognised or the page cannot be read at all.
 */
export function extractPage(doc: Document, url: string, options?: ExtractOptions): PageExtract | null {
  if (findSite(url)) return extractSearchPage(doc, url, options?.overrides);
  const forumEngines = options?.forumEngines ?? FORUM_ENGINES;
  // Outside a browser the definitions' long selector lists are answered from one index of the page; with
  // no definition to try, the generic finder's few queries cost less than building it.
  return extractForumPage(doc, url, {
    forumEngines,
    queriesFor: (page) => (forumEngines.length > 0 ? new PageIndex(page) : DOM_QUERIES),
  });
}
