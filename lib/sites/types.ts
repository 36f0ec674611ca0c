/**
 * The pure extraction contract (DESIGN.md section 5) and the shape of a site definition.
 * A site definition is data: which URLs it owns, where the query and page position are, ordered
 * fallback selectors, and the containers whose links are never organic. Hooks exist only for what
 * data cannot say.
 */

import type { ForumDefinition } from './forum/types';

export type { ForumDefinition } from './forum/types';

export type SiteKind = 'serp' | 'forum';

export interface Item {
  /** 1-based over organic results, continuing across pages. */
  rank?: number;
  /** The real target, redirect wrappers decoded (canonicalised only when stored). */
  url: string;
  /** Plain text, whitespace collapsed. */
  title: string;
  /** Plain text, whitespace collapsed; empty when the page shows none. */
  snippet: string;
  /** Forum posts: the author's name and the date as displayed. */
  author?: string;
  date?: string;
  /** ISO 8601, when the page gives the time in machine-readable form or states it absolutely. */
  dateIso?: string;
  /** Forum posts: the post's own plain text (quotes and signature left out). */
  text?: string;
  /** Forum posts: targets of the links in the post's own text, redirect wrappers decoded. */
  linkedUrls?: string[];
  /** The item's root element on the page (where the tag row is mounted). */
  element: Element;
}

/**
 * The item an earlier extraction of the same page read for `element`, when nothing in the element has changed
 * since (the caller watches the page for that): an extraction takes it as it is instead of reading the element
 * again. Pages change all the time, mostly elsewhere; reading every result again after each change was most of
 * what a content script cost on a busy page.
 */
export type KnownItems = (element: Element) => Item | undefined;

export interface PageExtract {
  site: string;
  kind: SiteKind;
  query?: string;
  firstRank?: number;
  items: Item[];
  /** Result-looking blocks seen; many blocks and no items means the markup changed. */
  blocksSeen?: number;
}

/** Ordered fallback selectors: the first that gives something wins. */
export interface SelectorLists {
  resultRoot: readonly string[];
  link: readonly string[];
  title: readonly string[];
  snippet: readonly string[];
}

export type SelectorField = keyof SelectorLists;

/**
 * How the page's position is written in its URL.
 * - `offset`: results skipped before this page (`start=10` -> first rank 11);
 * - `first-rank`: the 1-based rank of the page's first result (`first=11` -> 11);
 * - `page`: a page number counted from `firstPage` (`p=1` with firstPage 0 -> page 2).
 */
export interface PagingRule {
  param: string;
  unit: 'offset' | 'first-rank' | 'page';
  /** Only for `page`: the number of the first page (0 or 1). */
  firstPage?: number;
  /** Only for `page`: results per page, fixed or read from the URL (e.g. `num=100`). */
  pageSize?: number | ((url: URL) => number);
}

/**
 * Block discovery for engines whose result markup varies too much for a root selector list:
 * every result has a link carrying a heading, so the headings are found first and each one's
 * block is derived from where it sits (the nearest known block wrapper when it holds no other
 * result, else the largest ancestor holding no other result, never beyond the bounds).
 */
export interface TitleLinkRules {
  /** Title elements of results (`a[href] h3`, `h3 > a[href]` ...), unioned in document order. */
  titles: readonly string[];
  /** Known block wrappers, nearest ancestor wins. */
  blocks: readonly string[];
  /** Containers a block never extends beyond (the results column, the page body). */
  bounds: readonly string[];
  /**
   * A result's display URL (`cite`). A later title inside a wrapper that already holds a result is
   * a result of its own when it shows one (an indented result of the same site), and a sub-link
   * of that result (a sitelink) when it does not.
   */
  displayUrl: readonly string[];
}

/** A form field stating where the page after this one starts, read as a URL `PagingRule` would read it. */
export interface NextPageField {
  /** The field (e.g. the "Next" form's hidden `s` input); its served `value` attribute is read. */
  field: string;
  unit: 'offset' | 'first-rank';
}

/**
 * What a results page says about itself, for pages whose URL does not: html.duckduckgo.com's
 * search box and "Next" button POST, so those pages are served at a bare `/html/`. Each value is
 * read only when the URL lacks it; the URL wins. Fields are read as served (an input's `value`
 * attribute, a textarea's text), never as the user may have edited them since.
 */
export interface PageStateRules {
  /** Fields holding the query, first non-empty wins. */
  query: readonly string[];
  /**
   * Elements only a page after the first carries (the "Previous" button). Without one, the page
   * is the first; with one, its position comes from `nextPage` or is unknown.
   */
  laterPage?: readonly string[];
  /**
   * Where the next page starts, first present wins. A later page starts as many organic results
   * before that as it shows (the "Next" form holds the NEXT page's offset, not this one's).
   */
  nextPage?: readonly NextPageField[];
}

export interface SiteHooks {
  /** Rejects link targets that are the engine's own pages rather than results. */
  isOrganicTarget?: (target: URL) => boolean;
}

/** A search engine: owns its result pages by URL. */
export interface SiteDefinition {
  id: string;
  kind: 'serp';
  /** Human name for the dashboard. */
  name: string;
  /**
   * Hostnames the engine serves results on; `*.` in front includes every subdomain. Exact names
   * keep a company's other sites (developers.google.com/search/...) out.
   */
  hosts: readonly string[];
  /** Manifest-style globs over path + query, `*` being the only wildcard (`/search*`). */
  paths: readonly string[];
  /** URL parameters that hold the query, first present wins. */
  queryParams: readonly string[];
  /** Position rules, first whose parameter is present wins; none present: see `pageState`, else the first page. */
  paging: readonly PagingRule[];
  selectors: SelectorLists;
  /**
   * Title-link discovery, tried in order after the user's override roots and before the
   * built-in root selectors; the first source that yields organic items wins.
   */
  titleLinks?: readonly TitleLinkRules[];
  /** Containers whose blocks never count as organic (ads, answers, carousels, panels ...). */
  notOrganic: readonly string[];
  /** The page's own statement of its query and position, for URLs that carry neither. */
  pageState?: PageStateRules;
  hooks?: SiteHooks;
}

/** Every kind of site the registry holds, told apart by `kind`. */
export type AnySiteDefinition = SiteDefinition | ForumDefinition;
