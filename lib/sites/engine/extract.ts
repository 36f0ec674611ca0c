import { unwrapRedirect } from '../../match/url';
import type { Item, PageExtract, SelectorField, SelectorLists, SiteDefinition } from '../types';
import type { SiteOverride } from '../overrides';
import { closestAny, plainText, queryAll, queryFirst } from './dom';
import { blocksFromTitleLinks } from './title-links';
import { firstRankOf, queryOf, siteOwnsUrl } from './location';

type Candidate = Omit<Item, 'rank'>;

/** User override selectors first, then the built-in ones. */
function selectorsFor(site: SiteDefinition, override: SiteOverride | undefined, field: SelectorField): string[] {
  return [...(override?.[field] ?? []), ...site.selectors[field]];
}

function hrefOf(element: Element): string | null {
  const href = element.getAttribute('href');
  return href && href.trim() !== '' ? href : null;
}

/** The link inside a block: the first selector that finds an element with an href. */
function findLink(block: Element, selectors: readonly string[]): Element | null {
  if (block.tagName === 'A' && hrefOf(block)) return block;
  for (const selector of selectors) {
    const link = queryAll(block, selector).find((element) => hrefOf(element) !== null);
    if (link) return link;
  }
  return null;
}

function organicTarget(site: SiteDefinition, href: string, pageUrl: URL): string | null {
  const target = unwrapRedirect(href, pageUrl.href);
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

const NOT_SNIPPET = 'cite, button, [role="button"], script, style, noscript, template';
const MIN_SNIPPET_LENGTH = 20;

/**
 * When no snippet selector matches (video results, layouts the selectors do not know), the
 * block's longest text outside the title link stands in for the snippet.
 */
function longestTextBeside(block: Element, link: Element): string {
  let best: Element | null = null;
  let bestLength = MIN_SNIPPET_LENGTH - 1;
  for (const candidate of Array.from(block.querySelectorAll('*'))) {
    const length = candidate.textContent?.length ?? 0;
    if (length <= bestLength || candidate.contains(link) || link.contains(candidate)) continue;
    if (candidate.matches(NOT_SNIPPET) || candidate.closest(NOT_SNIPPET)) continue;
    best = candidate;
    bestLength = length;
  }
  return plainText(best);
}

function readBlock(
  site: SiteDefinition,
  block: Element,
  pageUrl: URL,
  selectors: Pick<SelectorLists, 'link' | 'title' | 'snippet'>,
): Candidate | null {
  const link = findLink(block, selectors.link);
  if (!link) return null;
  if (closestAny(link, site.notOrganic)) return null;
  const href = hrefOf(link);
  const url = href === null ? null : organicTarget(site, href, pageUrl);
  if (!url) return null;
  const title = plainText(queryFirst(block, selectors.title)) || plainText(link);
  if (!title) return null;
  const snippet = plainText(queryFirst(block, selectors.snippet)) || longestTextBeside(block, link);
  return { url, title, snippet: snippet === title ? '' : snippet, element: block };
}

function readBlocks(
  site: SiteDefinition,
  blocks: readonly Element[],
  pageUrl: URL,
  selectors: Pick<SelectorLists, 'link' | 'title' | 'snippet'>,
): Candidate[] {
  const items: Candidate[] = [];
  for (const block of blocks) {
    try {
      const item = readBlock(site, block, pageUrl, selectors);
      if (!item) continue;
      // An answer box quoting a page directly above that page's own listing is one result; the
      // listing's snippet is the one worth keeping.
      const previous = items[items.length - 1];
      if (previous && previous.url === item.url) {
        if (previous.snippet === '') previous.snippet = item.snippet;
        continue;
      }
      items.push(item);
    } catch {
      // One malformed block must not cost the rest of the page.
    }
  }
  return items;
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

interface BlockSource {
  blocks: Element[];
}

/**
 * Block sources in priority order: each override root selector, the site's title-link rules,
 * each built-in root selector. The first source that yields organic items wins.
 */
function blockSources(site: SiteDefinition, doc: Document, override: SiteOverride | undefined): Iterable<BlockSource> {
  function* sources(): Generator<BlockSource> {
    for (const selector of override?.resultRoot ?? []) yield { blocks: outermost(queryAll(doc, selector)) };
    for (const rules of site.titleLinks ?? []) yield { blocks: blocksFromTitleLinks(doc, rules) };
    for (const selector of site.selectors.resultRoot) yield { blocks: outermost(queryAll(doc, selector)) };
  }
  return sources();
}

export function extractSerp(site: SiteDefinition, doc: Document, pageUrl: URL, override?: SiteOverride): PageExtract {
  const firstRank = firstRankOf(site, pageUrl);
  const query = queryOf(site, pageUrl);
  const selectors = {
    link: selectorsFor(site, override, 'link'),
    title: selectorsFor(site, override, 'title'),
    snippet: selectorsFor(site, override, 'snippet'),
  };
  let items: Candidate[] = [];
  let blocksSeen = 0;
  for (const source of blockSources(site, doc, override)) {
    if (source.blocks.length === 0) continue;
    blocksSeen = Math.max(blocksSeen, source.blocks.length);
    items = readBlocks(site, source.blocks, pageUrl, selectors);
    if (items.length > 0) {
      blocksSeen = source.blocks.length;
      break;
    }
  }
  return {
    site: site.id,
    kind: site.kind,
    ...(query === undefined ? {} : { query }),
    firstRank,
    items: items.map((item, index) => ({ ...item, rank: firstRank + index })),
    blocksSeen,
  };
}
