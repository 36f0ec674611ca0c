import type { PageItem, RequestOf } from '../messaging/protocol';
import type { Item, PageExtract } from '../sites/types';

export type ObservedPage = RequestOf<'page.observe'>['page'];

/**
 * The most items one page.observe message carries: a page with hundreds of items is sent in several
 * messages, each answered and drawn on its own, so no single message or transaction grows with the page.
 */
export const ITEMS_PER_MESSAGE = 50;
/**
 * The most items observed on one page (one query and result page, or one thread): a page that keeps
 * appending results, as a hostile one can for ever, stops being observed here.
 */
export const MAX_ITEMS_PER_PAGE = 300;

/**
 * What one item may carry, at or below the bounds the background enforces (PageItemSchema in
 * lib/messaging/protocol.ts; test/unit/annotate-observation.test.tsx holds the two together). Text is cut
 * to fit; a URL cannot be cut without naming another page, so an item whose URL does not fit is left out,
 * and so is a link that does not.
 */
const MAX_URL = 8192;
const MAX_TITLE = 1000;
const MAX_SNIPPET = 2000;
/** A forum post's own text: far more than sentiment needs, and what a marked page keeps too. */
const MAX_TEXT = 20_000;
const MAX_AUTHOR = 500;
const MAX_DATE = 500;
const MAX_DATE_ISO = 100;
const MAX_LINKED_URLS = 200;
const MAX_QUERY = 2000;

/** Cuts `text` to `limit` UTF-16 units without leaving half of a surrogate pair at the end. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

function cutOptional(text: string | undefined, limit: number): string | undefined {
  return text === undefined ? undefined : cut(text, limit);
}

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** A web page's address (http or https) short enough to be stored: the only URLs the background takes. */
function isSendableUrl(url: string): boolean {
  if (url.length > MAX_URL) return false;
  try {
    return WEB_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
/** A rank comes from the page's URL (`start=`), which the page controls; a rank is a small whole number. */
const isRank = (rank: number | undefined): boolean => rank === undefined || (Number.isSafeInteger(rank) && rank >= 1);

/** The item as the background accepts it, or null when it cannot be sent (its URL is not a web address that fits, or its rank is not one). */
export function toPageItem(item: Item): PageItem | null {
  const { rank, url, title, snippet, author, date, dateIso, text, linkedUrls } = item;
  if (!isSendableUrl(url) || !isRank(rank)) return null;
  return {
    rank,
    url,
    title: cut(title, MAX_TITLE),
    snippet: cut(snippet, MAX_SNIPPET),
    author: cutOptional(author, MAX_AUTHOR),
    date: cutOptional(date, MAX_DATE),
    // A machine-readable date cut short would be another date: one that does not fit is dropped.
    dateIso: dateIso !== undefined && dateIso.length <= MAX_DATE_ISO ? dateIso : undefined,
    text: cutOptional(text, MAX_TEXT),
    linkedUrls: linkedUrls?.filter(isSendableUrl).slice(0, MAX_LINKED_URLS),
  };
}

/** The page as the background accepts it, or null when its URL or first rank does not fit (it is then not observed). */
export function toObservedPage(url: string, extract: PageExtract): ObservedPage | null {
  if (!isSendableUrl(url) || !isRank(extract.firstRank)) return null;
  return {
    url,
    site: extract.site,
    kind: extract.kind,
    query: cutOptional(extract.query, MAX_QUERY),
    firstRank: extract.firstRank,
  };
}

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
