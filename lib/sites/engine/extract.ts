import { unwrapRedirect } from '../../match/url';
import type { Item, KnownItems, PageExtract, SelectorField, SiteDefinition } from '../types';
import type { SiteOverride } from '../overrides';
import { closestAny, hiddenFromReaders, hiddenWithin, plainText, queryAll } from './dom';
import { blocksFromTitleLinks } from './title-links';
import { firstRankFromUrl, queryOf, siteOwnsUrl } from './location';
import { firstRankFromPage, queryFromPage } from './page-state';

type Candidate = Omit<Item, 'rank'>;

/** User override selectors first, then the built-in ones. */
function selectorsFor(site: SiteDefinition, override: SiteOverride | undefined, field: SelectorField): string[] {
  return [...(override?.[field] ?? []), ...site.selectors[field]];
}

function hrefOf(element: Element): string | null {
  const href = element.getAttribute('href');
  return href && href.trim() !== '' ? href : null;
}

/**
 * What a reader sees of one block: an element is shown unless it, the block, or an element between
 * them is hidden from readers (engine/dom.ts).
 */
interface BlockView {
  shown: (element: Element) => boolean;
  /** The element's text as a reader sees it; empty when it sits under a hidden element of the block. */
  text: (element: Element | null | undefined) => string;
}

function viewOf(block: Element): BlockView {
  const isHidden = hiddenFromReaders(block);
  const underHidden = hiddenWithin(block);
  if (isHidden(block)) return { shown: () => false, text: () => '' };
  return {
    shown: (element) => !isHidden(element) && !underHidden(element),
    text: (element) => (element && !underHidden(element) ? plainText(element) : ''),
  };
}

/** The link inside a block: the first selector that finds a shown element with an href (a hidden link is nobody's result). */
function findLink(block: Element, selectors: readonly string[], view: BlockView): Element | null {
  if (block.tagName === 'A' && hrefOf(block)) return block;
  for (const selector of selectors) {
    const link = queryAll(block, selector).find((element) => hrefOf(element) !== null && view.shown(element));
    if (link) return link;
  }
  return null;
}

/**
 * An href as a browser follows it: the URL parser drops leading and trailing spaces and control
 * characters, and tabs and newlines anywhere, before reading it. `unwrapRedirect` gives an absolute
 * href it has nothing to decode as written, so without this an item's URL could carry them.
 */
function asFollowed(href: string): string {
  const inline = href.replace(/[\t\n\r]/g, '');
  // Code points up to U+0020 (controls and the space) at either end, trimmed as the URL parser does.
  let start = 0;
  let end = inline.length;
  while (start < end && inline.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && inline.charCodeAt(end - 1) <= 0x20) end -= 1;
  return inline.slice(start, end);
}

function organicTarget(site: SiteDefinition, href: string, pageUrl: URL): string | null {
  const target = unwrapRedirect(asFollowed(href), pageUrl.href);
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol)) return null;
  // A link to another results page of the same engine is navigation (related searches, "more results").
  if (siteOwnsUrl(site, parsed)) return null;
  if (site.hooks?.isOrganicTarget && !site.hooks.isOrganicTarget(parsed)) return null;
  return target;
}

/** Text beside the title that is never the snippet: the display URL and the result's controls. */
const NOT_SNIPPET = 'cite, button, [role="button"]';
const MIN_SNIPPET_LENGTH = 20;

/** The text of the first element the selectors find that shows any: hidden or empty matches are passed over. */
function firstText(block: Element, selectors: readonly string[], view: BlockView): string {
  for (const selector of selectors) {
    for (const element of queryAll(block, selector)) {
      const text = view.text(element);
      if (text) return text;
    }
  }
  return '';
}

/**
 * When no snippet selector finds text (video results, layouts the selectors do not know), the
 * block's longest text outside the title link stands in for the snippet. Lengths count only what
 * a reader sees, in one post-order walk, so hidden text can neither win nor lengthen a candidate.
 */
function longestTextBeside(block: Element, link: Element): string {
  const isHidden = hiddenFromReaders(block);
  const visibleLength = new Map<Element, number>();
  const pending: Array<{ element: Element; childrenDone: boolean }> = [{ element: block, childrenDone: false }];
  while (pending.length > 0) {
    const { element, childrenDone } = pending.pop() as { element: Element; childrenDone: boolean };
    if (childrenDone) {
      let length = 0;
      for (let child = element.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) length += child.nodeValue?.length ?? 0;
        else if (child.nodeType === 1) length += visibleLength.get(child as Element) ?? 0;
      }
      visibleLength.set(element, length);
      continue;
    }
    if (element !== block && (element === link || isHidden(element) || element.matches(NOT_SNIPPET))) continue;
    pending.push({ element, childrenDone: true });
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      pending.push({ element: child, childrenDone: false });
    }
  }
  let best: Element | null = null;
  let bestLength = MIN_SNIPPET_LENGTH - 1;
  for (const [candidate, length] of visibleLength) {
    if (length > bestLength && !candidate.contains(link)) {
      best = candidate;
      bestLength = length;
    }
  }
  return plainText(best);
}

/** A block to read, with the title and link that identified it when discovery found them. */
interface BlockCandidate {
  block: Element;
  title?: Element;
  link?: Element;
}

interface ReadContext {
  site: SiteDefinition;
  pageUrl: URL;
  override: SiteOverride | undefined;
  known: KnownItems | undefined;
  /** The site's non-organic containers as one selector list, so a block costs one ancestor walk. */
  notOrganic: string;
}

function isNotOrganic(link: Element, context: ReadContext): boolean {
  try {
    return link.closest(context.notOrganic) !== null;
  } catch {
    return closestAny(link, context.site.notOrganic) !== null;
  }
}

function readBlock(candidate: BlockCandidate, context: ReadContext): Candidate | null {
  const { block } = candidate;
  const { site, override } = context;
  const view = viewOf(block);
  const discovered = candidate.link && view.shown(candidate.link) ? candidate.link : null;
  const link =
    (override?.link ? findLink(block, override.link, view) : null) ?? discovered ?? findLink(block, site.selectors.link, view);
  if (!link || isNotOrganic(link, context)) return null;
  const href = hrefOf(link);
  const url = href === null ? null : organicTarget(site, href, context.pageUrl);
  if (!url) return null;
  const title =
    (override?.title ? firstText(block, override.title, view) : '') ||
    view.text(candidate.title) ||
    firstText(block, site.selectors.title, view) ||
    view.text(link);
  if (!title) return null;
  const snippet = firstText(block, selectorsFor(site, override, 'snippet'), view) || longestTextBeside(block, link);
  return { url, title, snippet: snippet === title ? '' : snippet, element: block };
}

/**
 * One page, one result. A page read twice is an answer box quoting it (Google's featured snippet)
 * above or beside its own listing: the listing, the later copy, is the result (its place, its
 * element), and takes the quote's snippet when it shows none. Pages are compared without the
 * fragment (a quote's link carries a `#:~:text=` highlight the listing's does not), and nothing
 * else: the engine lists `google.com/` and `www.google.com/` as two results.
 */
function readBlocks(candidates: readonly BlockCandidate[], context: ReadContext): Candidate[] {
  const items: Candidate[] = [];
  const byPage = new Map<string, Candidate>();
  for (const candidate of candidates) {
    try {
      const item = knownCandidate(candidate.block, context) ?? readBlock(candidate, context);
      if (!item) continue;
      const page = item.url.replace(/#.*$/s, '');
      const quote = byPage.get(page);
      if (quote) {
        items.splice(items.indexOf(quote), 1);
        if (item.snippet === '') item.snippet = quote.snippet;
      }
      byPage.set(page, item);
      items.push(item);
    } catch {
      // One malformed block must not cost the rest of the page.
    }
  }
  return items;
}

/** The block as read before, when the caller knows it unchanged; its rank is given again with the others'. */
function knownCandidate(block: Element, context: ReadContext): Candidate | null {
  const known = context.known?.(block);
  if (!known) return null;
  const { rank: _rank, ...candidate } = known;
  return candidate;
}

/** Drops blocks nested inside another block of the same list, so one result is never read twice. */
function outermost(blocks: readonly Element[]): Element[] {
  const set = new Set(blocks);
  return blocks.filter((block) => {
    for (let parent = block.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}

/**
 * Block sources in priority order: each override root selector, the site's title-link rules,
 * each built-in root selector. The first source that yields organic items wins.
 */
function* blockSources(site: SiteDefinition, doc: Document, override: SiteOverride | undefined): Generator<BlockCandidate[]> {
  const fromRoots = (selector: string): BlockCandidate[] => outermost(queryAll(doc, selector)).map((block) => ({ block }));
  for (const selector of override?.resultRoot ?? []) yield fromRoots(selector);
  for (const rules of site.titleLinks ?? []) yield blocksFromTitleLinks(doc, rules);
  for (const selector of site.selectors.resultRoot) yield fromRoots(selector);
}

/** The page's organic results; `known` gives blocks read before and unchanged since, taken as they were read. */
export function extractSerp(site: SiteDefinition, doc: Document, pageUrl: URL, override?: SiteOverride, known?: KnownItems): PageExtract {
  const context: ReadContext = { site, pageUrl, override, known, notOrganic: site.notOrganic.join(', ') || ':not(*)' };
  let items: Candidate[] = [];
  let blocksSeen = 0;
  for (const candidates of blockSources(site, doc, override)) {
    if (candidates.length === 0) continue;
    blocksSeen = Math.max(blocksSeen, candidates.length);
    items = readBlocks(candidates, context);
    if (items.length > 0) {
      blocksSeen = candidates.length;
      break;
    }
  }
  // The URL wins; the page speaks for what it lacks (results reached by a form POST).
  const firstRank = firstRankFromUrl(site, pageUrl) ?? firstRankFromPage(site.pageState, doc, items.length);
  if (firstRank === undefined) {
    // A later page whose position nothing states: without a query no snapshot is stored, which
    // is better than one filed at the wrong ranks.
    return { site: site.id, kind: site.kind, items, blocksSeen };
  }
  const query = queryOf(site, pageUrl) ?? queryFromPage(site.pageState, doc);
  return {
    site: site.id,
    kind: site.kind,
    ...(query === undefined ? {} : { query }),
    firstRank,
    items: items.map((item, index) => ({ ...item, rank: firstRank + index })),
    blocksSeen,
  };
}
