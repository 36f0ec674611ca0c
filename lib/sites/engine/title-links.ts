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

function nearestMatching(element: Element, selectors: readonly string[]): Element | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (selectors.some((selector) => safeMatches(node, selector))) return node;
  }
  return null;
}

function ancestorsOf(element: Element): Element[] {
  const ancestors: Element[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) ancestors.push(node);
  return ancestors;
}

/**
 * Every title is a result candidate; its block is the nearest known wrapper, else the largest
 * ancestor holding no other title (in a plain list of results: one result with its snippet),
 * never reaching the bounds. Ancestor bookkeeping is done once per title, so a 100-result page
 * costs titles x depth, not titles squared.
 */
export function blocksFromTitleLinks(doc: Document, rules: TitleLinkRules): DiscoveredBlock[] {
  // One selector list gives document order without comparing positions (slow in a plain DOM).
  const titles = queryAll(doc, rules.titles.join(', '));

  const titlesInside = new Map<Element, number>();
  const firstTitleInside = new Map<Element, Element>();
  for (const title of titles) {
    for (const ancestor of ancestorsOf(title)) {
      titlesInside.set(ancestor, (titlesInside.get(ancestor) ?? 0) + 1);
      if (!firstTitleInside.has(ancestor)) firstTitleInside.set(ancestor, title);
    }
  }
  const knownBlocks = new Map(titles.map((title) => [title, nearestMatching(title, rules.blocks)] as const));
  /** Known blocks that hold another title's (different) known block. */
  const wrappers = new Set<Element>();
  for (const block of new Set(knownBlocks.values())) {
    if (block) for (const ancestor of ancestorsOf(block)) wrappers.add(ancestor);
  }

  const isBound = (element: Element): boolean =>
    element.tagName === 'BODY' || element.tagName === 'HTML' || rules.bounds.some((selector) => safeMatches(element, selector));
  const exclusiveAncestor = (title: Element): Element => {
    let block = title;
    for (let parent = title.parentElement; parent && !isBound(parent) && titlesInside.get(parent) === 1; parent = parent.parentElement) {
      block = parent;
    }
    return block;
  };

  const found: DiscoveredBlock[] = [];
  const claimed = new Set<Element>();
  const aroundClaimed = new Set<Element>();
  for (const title of titles) {
    const link = title.closest('a[href]') ?? title.querySelector('a[href]');
    if (!link) continue;
    const known = knownBlocks.get(title) ?? null;
    let block: Element;
    if (!known) {
      block = exclusiveAncestor(title);
    } else if (wrappers.has(known)) {
      // The wrapper holds other results' own blocks. Only its first title stands alone (the
      // wrapper's main result, or a section heading); any later title without a wrapper of its
      // own is a sub-link of what precedes it (sitelinks, "more results from this site").
      if (firstTitleInside.get(known) !== title) continue;
      block = exclusiveAncestor(title);
    } else {
      block = known;
    }
    // Sitelinks and clustered sub-results sit inside the block of the result they belong to,
    // which the first title in document order has already claimed.
    if (aroundClaimed.has(block) || claimed.has(block) || ancestorsOf(block).some((ancestor) => claimed.has(ancestor))) continue;
    found.push({ block, title, link });
    claimed.add(block);
    for (const ancestor of ancestorsOf(block)) aroundClaimed.add(ancestor);
  }
  return found;
}
