import { discourse } from '../discourse';
import { invision } from '../invision';
import { mybb } from '../mybb';
import { phpbb } from '../phpbb';
import { reddit } from '../reddit';
import { redditOld } from '../reddit-old';
import { reviews } from '../reviews';
import { smf } from '../smf';
import { stackexchange } from '../stackexchange';
import type { KnownItems, PageExtract } from '../types';
import { vbulletin } from '../vbulletin';
import { xenforo } from '../xenforo';
import { detectForumEngine } from './detect';
import { extractForum, extractGenericPosts } from './extract';
import { findGenericPosts } from './generic';
import { DOM_QUERIES, type PageQueries } from './queries';
import type { ForumDefinition } from './types';

/**
 * The forum engines (recognised by markup) and their extraction, apart from the search engines so the
 * forum content script bundles none of them. Order matters only for markup two engines could share;
 * a generator meta always decides first.
 */
export const FORUM_ENGINES: readonly ForumDefinition[] = [
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

/** The forum engine whose markup `doc` carries, or null. */
export function detectForum(doc: Document, forumEngines: readonly ForumDefinition[] = FORUM_ENGINES): ForumDefinition | null {
  try {
    return detectForumEngine(doc, forumEngines, DOM_QUERIES);
  } catch {
    return null;
  }
}

export interface ForumExtractOptions {
  /** The forum definitions to try (all by default); `[]` leaves only the generic post finder. */
  forumEngines?: readonly ForumDefinition[];
  /**
   * What answers the page's selector queries, made once per extraction for detection and reading alike.
   * By default the browser's own selector engine; in Node, where happy-dom and jsdom walk the whole
   * scope on every query, lib/sites/index.ts hands in an index of the page. It stays out of this
   * module so the content script does not carry the index and its selector parser.
   */
  queriesFor?: (doc: Document) => PageQueries;
  /** Posts read before whose elements have not changed since: taken as they were read. */
  known?: KnownItems;
}

/**
 * The posts of a forum page: those of the forum engine recognised by its markup, else post-like blocks
 * the generic finder sees; null when no engine is recognised and the finder sees no posts, or when the
 * page cannot be read. Never throws.
 */
export function extractForumPage(doc: Document, url: string, options: ForumExtractOptions = {}): PageExtract | null {
  const forumEngines = options.forumEngines ?? FORUM_ENGINES;
  try {
    const pageUrl = new URL(url);
    const queries = options.queriesFor?.(doc) ?? DOM_QUERIES;
    const definition = detectForumEngine(doc, forumEngines, queries);
    const recognised = definition ? extractForum(definition, doc, pageUrl, queries, options.known) : null;
    if (recognised && recognised.items.length > 0) return recognised;
    // A recognised engine whose markup changed still has post-like blocks the generic finder can see.
    const posts = findGenericPosts(doc);
    if (posts.length > 0) return extractGenericPosts(posts, doc, pageUrl, queries, options.known);
    return recognised;
  } catch {
    return null;
  }
}
