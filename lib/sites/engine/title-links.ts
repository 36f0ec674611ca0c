import type { TitleLinkRules } from '../types';
import { queryAll } from './dom';

/** A result block with the title and link that identified it. */
export interface DiscoveredBlock {
  block: Element;
  title: Element;
  link: Element;
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** The element or its nearest ancestor that a selector matches: one native walk, or one per selector if one is invalid. */
function nearestMatching(element: Element, selectors: readonly string[]): Element | null {
  try {
    return element.closest(selectors.join(', '));
  } catch {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if (selectors.some((selector) => safeMatches(node, selector))) return node;
    }
    return null;
  }
}

/** Whether a selector matches: one native test for the list, or one per selector if one is invalid. */
function matchesAny(element: Element, selectors: readonly string[]): boolean {
  try {
    return selectors.length > 0 && element.matches(selectors.join(', '));
  } catch {
    return selectors.some((selector) => safeMatches(element, selector));
  }
}

function ancestorsOf(element: Element): Element[] {
  const ancestors: Element[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) ancestors.push(node);
  return ancestors;
}

/** How many of `elements` each ancestor holds: once per element and ancestor, so titles x depth. */
function countInside(elements: readonly Element[]): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const element of elements) {
    for (const ancestor of ancestorsOf(element)) counts.set(ancestor, (counts.get(ancestor) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every title is a candidate; which of them are results, and each result's block, come in two steps.
 *
 * 1. A title is a result unless it shares its nearest known wrapper with an earlier result and
 *    shows no display URL of its own (`rules.displayUrl`, looked for in the largest part of the
 *    page around it that holds no other title). Such a title is a sub-link of that result
 *    (sitelinks, deep links); one that shows its own URL is a result of its own (an indented
 *    second result of the same site), with its own rank.
 * 2. A result's block is its nearest known wrapper when that holds no other result; else the
 *    largest ancestor holding no other result, never reaching the bounds. Blocks are therefore the
 *    results' own roots: never a parent shared with another result, never a sibling, so whatever
 *    is mounted at the end of a block sits under its own result.
 */
export function blocksFromTitleLinks(doc: Document, rules: TitleLinkRules): DiscoveredBlock[] {
  // One selector list gives document order without comparing positions (slow in a plain DOM).
  const titles = queryAll(doc, rules.titles.join(', '));
  const titlesInside = countInside(titles);
  const isBound = (element: Element): boolean => element.tagName === 'BODY' || element.tagName === 'HTML' || matchesAny(element, rules.bounds);
  /** The largest ancestor of `title` (or the title itself) holding no other of the counted titles. */
  const exclusiveAncestor = (title: Element, counts: ReadonlyMap<Element, number>): Element => {
    let block = title;
    for (let parent = title.parentElement; parent && !isBound(parent) && counts.get(parent) === 1; parent = parent.parentElement) {
      block = parent;
    }
    return block;
  };
  const showsOwnUrl = (title: Element): boolean => {
    const around = exclusiveAncestor(title, titlesInside);
    return rules.displayUrl.some((selector) => safeMatches(around, selector) || queryAll(around, selector).length > 0);
  };

  const results: Array<{ title: Element; link: Element; known: Element | null }> = [];
  /** Ancestors of the results found so far: a wrapper among them already holds a result. */
  const aroundResults = new Set<Element>();
  for (const title of titles) {
    const link = title.closest('a[href]') ?? title.querySelector('a[href]');
    if (!link) continue;
    const known = nearestMatching(title, rules.blocks);
    if (known && aroundResults.has(known) && !showsOwnUrl(title)) continue;
    results.push({ title, link, known });
    for (const ancestor of ancestorsOf(title)) aroundResults.add(ancestor);
  }

  const resultsInside = countInside(results.map((result) => result.title));
  return results.map(({ title, link, known }) => ({
    block: known && resultsInside.get(known) === 1 ? known : exclusiveAncestor(title, resultsInside),
    title,
    link,
  }));
}
