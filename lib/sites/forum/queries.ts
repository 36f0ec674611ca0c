import { queryAll, queryFirst, queryOne } from '../engine/dom';

/** The selector queries of an extraction, answered by a page index or by the DOM itself. */
export interface PageQueries {
  all(scope: ParentNode, selector: string): Element[];
  one(scope: ParentNode, selector: string): Element | null;
  /** The first element matched by the first selector that matches anything. */
  first(scope: ParentNode, selectors: readonly string[]): Element | null;
  /** The selectors of a fallback list worth running in this page, order kept. */
  matchable(selectors: readonly string[]): readonly string[];
}

/**
 * The DOM's own selector engine: what a browser answers fastest, and in Node what a few queries cost
 * less with than walking the page to index it (lib/sites/forum/page-index.ts).
 */
export const DOM_QUERIES: PageQueries = {
  all: queryAll,
  one: queryOne,
  first: queryFirst,
  matchable: (selectors) => selectors,
};
