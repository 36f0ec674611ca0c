import { queryAll } from './dom';

/**
 * Block discovery for engines whose result markup varies too much for one root selector list:
 * every result has a link carrying a heading, so the headings are found first and each one's
 * block is derived from where it sits.
 */
export interface TitleLinkRules {
  /** Title elements of results (`a[href] h3`, `h3 > a[href]` ...). */
  titles: readonly string[];
  /** Known block wrappers, nearest ancestor wins. */
  blocks: readonly string[];
  /** Containers a block never extends beyond (the results column, the page body). */
  bounds: readonly string[];
}

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
  const blocks: Element[] = [];
  for (const title of ordered) {
    const known = nearestMatching(title, rules.blocks);
    const block = known ?? exclusiveAncestor(title, titles, rules.bounds);
    // Sitelinks and clustered sub-results sit inside the block of the result they belong to,
    // which the first title in document order has already claimed.
    if (blocks.some((taken) => taken.contains(block) || block.contains(taken))) continue;
    blocks.push(block);
  }
  return blocks;
}
