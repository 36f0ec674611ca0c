import type { TitleLinkRules } from '../types';
import { queryAll } from './dom';

function nearestMatching(element: Element, selectors: readonly string[]): Element | null {
  let best: Element | null = null;
  for (const selector of selectors) {
    let found: Element | null = null;
    try {
      found = element.closest(selector);
    } catch {
      found = null;
    }
    if (found && (!best || best.contains(found))) best = found;
  }
  return best;
}

function containsOtherTitle(element: Element, own: Element, titles: ReadonlySet<Element>): boolean {
  for (const title of titles) {
    if (title !== own && element.contains(title)) return true;
  }
  return false;
}

/**
 * The largest ancestor of the title that holds no other result title and stays inside the
 * bounds: in a plain list of results that is exactly one result with its snippet.
 */
function exclusiveAncestor(title: Element, titles: ReadonlySet<Element>, bounds: readonly string[]): Element {
  let block = title;
  for (let parent = title.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
    if (bounds.some((selector) => safeMatches(parent, selector))) break;
    if (containsOtherTitle(parent, title, titles)) break;
    block = parent;
  }
  return block;
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

export function blocksFromTitleLinks(doc: Document, rules: TitleLinkRules): Element[] {
  const titleElements = rules.titles.flatMap((selector) => queryAll(doc, selector));
  const titles = new Set(titleElements.filter((title, index) => titleElements.indexOf(title) === index));
  const ordered = Array.from(titles).sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  const knownBlocks = new Map(ordered.map((title) => [title, nearestMatching(title, rules.blocks)] as const));
  /** Other titles' own blocks nested inside `block`. */
  const nestedBlocksOf = (title: Element, block: Element): Element[] =>
    ordered.flatMap((other) => {
      const otherBlock = knownBlocks.get(other);
      return other !== title && otherBlock && otherBlock !== block && block.contains(otherBlock) ? [otherBlock] : [];
    });
  const blocks: Element[] = [];
  for (const title of ordered) {
    const known = knownBlocks.get(title) ?? null;
    let block = known;
    const nested = known ? nestedBlocksOf(title, known) : [];
    if (!known) {
      block = exclusiveAncestor(title, titles, rules.bounds);
    } else if (nested.length > 0) {
      // The wrapper holds other results' own blocks. Only its first title stands alone (the
      // wrapper's main result, or a section heading); any later title without a wrapper of its
      // own is a sub-link of what precedes it (sitelinks, "more results from this site").
      const firstInWrapper = ordered.find((other) => known.contains(other));
      if (firstInWrapper !== title) continue;
      block = exclusiveAncestor(title, titles, rules.bounds);
    }
    if (!block) continue;
    // Sitelinks and clustered sub-results sit inside the block of the result they belong to,
    // which the first title in document order has already claimed.
    if (blocks.some((taken) => taken.contains(block) || block.contains(taken))) continue;
    blocks.push(block);
  }
  return blocks;
}
