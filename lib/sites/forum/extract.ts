import { GENERIC_FINDER } from './engine-label';
import { unwrapRedirect } from '../../match/url';
import { hiddenFromReaders, hiddenWithin, plainText, readText } from '../engine/dom';
import type { Item, KnownItems, PageExtract } from '../types';
import { machineDateOf, parseDisplayedDate } from './date';
import { DOM_QUERIES, type PageQueries } from './queries';
import type { ForumDefinition, GenericPost } from './types';

/**
 * Forum posts into items: one reader for every definition and for the generic finder. A post's
 * text is read once, in a single walk of its body that skips what is not its author's own words,
 * so a page costs time in proportion to its size, never posts × page.
 */

export const SNIPPET_LENGTH = 300;

/** Not the post's own words on any forum: quotes of earlier posts, signatures, edit notices. */
export const COMMON_EXCLUDE: readonly string[] = [
  'blockquote',
  '.quote',
  '.bbcode_quote',
  '.signature',
  '[class*="signature"]',
  '.editedby',
  '.edit-notice',
];

/** Controls and icons: their labels ("Reply", "Like") are the forum's, not the author's words. */
const CONTROLS = new Set(['BUTTON', 'SVG']);
/** Elements a reader sees as separate runs of text: without a space between them words would merge. */
const BREAKING_ELEMENTS = new Set([
  'BR', 'P', 'DIV', 'LI', 'UL', 'OL', 'TR', 'TD', 'TH', 'TABLE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'DL', 'DT', 'DD', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'HR', 'IMG', 'FIGURE', 'FIGCAPTION',
]);

/** Links to a member's profile are the author's name or an @mention, not something the post links to. */
const PROFILE_LINK =
  /(memberlist\.php\?mode=viewprofile|member\.php|\/members?\/|\/profile\/|\/user\/|\/users\/|\/u\/|action=profile|showuser=|mode=viewprofile)/i;

interface OwnContent {
  text: string;
  links: Element[];
}

/** What one extraction reads a page with: its address, what its relative links resolve against, its queries. */
interface PageContext {
  pageUrl: URL;
  /** The page's <base> when it has one, as in the browser. */
  base: string;
  queries: PageQueries;
}

function pageContext(doc: Document, pageUrl: URL, queries: PageQueries): PageContext {
  let base = pageUrl.href;
  try {
    const declared = queries.one(doc, 'base[href]')?.getAttribute('href');
    if (declared) base = new URL(declared, pageUrl.href).href;
  } catch {
    // An unparseable <base> is ignored, as browsers do.
  }
  return { pageUrl, base, queries };
}

function excludedSet(body: Element, exclude: readonly string[], queries: PageQueries): Set<Element> {
  const excluded = new Set<Element>();
  for (const selector of exclude) for (const element of queries.all(body, selector)) excluded.add(element);
  excluded.delete(body);
  return excluded;
}

/**
 * The body's own text and links, as a reader sees them (hidden text left out, spoilers read:
 * engine/dom.ts): excluded subtrees, and other posts nested inside it (threaded replies), are
 * skipped whole.
 */
function ownContent(body: Element, excluded: ReadonlySet<Element>, posts: ReadonlySet<Element>): OwnContent {
  const links: Element[] = [];
  const text = readText(body, {
    skip: (element) =>
      CONTROLS.has(element.tagName.toUpperCase()) || excluded.has(element) || (element !== body && posts.has(element)),
    onElement: (element) => {
      if (element.tagName.toUpperCase() === 'A') links.push(element);
    },
    breakBefore: BREAKING_ELEMENTS,
  });
  return { text, links };
}

function absoluteHttpUrl(href: string, base: string): string | null {
  try {
    const target = new URL(unwrapRedirect(href, base));
    return /^https?:$/.test(target.protocol) ? target.href : null;
  } catch {
    return null;
  }
}

function linkedUrlsOf(links: readonly Element[], base: string): string[] {
  const urls = new Set<string>();
  for (const link of links) {
    const href = link.getAttribute('href')?.trim();
    if (!href || href.startsWith('#') || PROFILE_LINK.test(href)) continue;
    const target = absoluteHttpUrl(href, base);
    if (target) urls.add(target);
  }
  return [...urls];
}

/** The permalink, fragment kept; a post with nothing better is addressed by its id on this page. */
function permalinkOf(post: Element, found: Element | null, page: PageContext): string {
  const href = found?.getAttribute('href')?.trim();
  if (href) {
    try {
      const url = new URL(href, page.base);
      if (/^https?:$/.test(url.protocol)) return url.href;
    } catch {
      // Falls through to the id-based address.
    }
  }
  const address = new URL(page.pageUrl.href);
  address.hash = post.id ? post.id : '';
  return address.href;
}

/**
 * What a reader sees of one post: an element is shown unless it, or an element between it and the
 * post root, is hidden from readers (engine/dom.ts), so a hidden copy of an author, a date or a
 * permalink is passed over like hidden text.
 */
function shownWithin(post: Element): (element: Element) => boolean {
  const isHidden = hiddenFromReaders(post);
  const underHidden = hiddenWithin(post);
  return (element) => element === post || (!isHidden(element) && !underHidden(element));
}

/** The first shown element of the first selector that finds one. */
function firstShown(
  post: Element,
  selectors: readonly string[],
  queries: PageQueries,
  shown: (element: Element) => boolean,
): Element | null {
  for (const selector of selectors) {
    for (const element of queries.all(post, selector)) if (shown(element)) return element;
  }
  return null;
}

/** The first shown title a selector finds: a hidden copy of the heading (or one under a hidden wrapper) is passed over. */
function threadTitleOf(doc: Document, selectors: readonly string[], queries: PageQueries): string {
  const shown = doc.body ? shownWithin(doc.body) : () => true;
  for (const selector of selectors) {
    for (const element of queries.all(doc, selector)) {
      if (!shown(element)) continue;
      const text = plainText(element);
      if (text) return text;
    }
  }
  const ogTitle = queries.one(doc, 'meta[property="og:title"]')?.getAttribute('content')?.trim();
  return ogTitle || plainText(queries.one(doc, 'title'));
}

/** Matches of the first selector that finds any, in page order. */
function postRoots(doc: Document, selectors: readonly string[], queries: PageQueries): Element[] {
  for (const selector of selectors) {
    const matches = queries.all(doc, selector);
    if (matches.length > 0) return matches;
  }
  return [];
}

/**
 * A match inside another post's body is quoted or embedded there (a quote rendered as a post) and is
 * not a post of its own; a match beside the body (a threaded reply nested in its parent comment) is.
 */
function withoutEmbedded<Post extends { root: Element; body: Element }>(posts: readonly Post[]): Post[] {
  const bodies = new Set(posts.map((post) => post.body));
  return posts.filter(({ root }) => {
    for (let parent = root.parentElement; parent; parent = parent.parentElement) if (bodies.has(parent)) return false;
    return true;
  });
}

/** The date as displayed: the element's text as a reader sees it, trimmed by the definition's hook. */
function dateTextOf(date: Element | null, hook: ((shownText: string) => string) | undefined): string {
  const shown = plainText(date);
  return shown && hook ? hook(shown) : shown;
}

interface PostParts {
  element: Element;
  body: Element;
  bodyShown: boolean;
  author: Element | null;
  date: Element | null;
  dateText: string;
  permalink: string;
  exclude: readonly string[];
}

function itemOf(parts: PostParts, title: string, page: PageContext, posts: ReadonlySet<Element>): Item {
  // A body under a hidden element of the post (no shown one was found) shows nothing.
  const { text, links } = parts.bodyShown
    ? ownContent(parts.body, excludedSet(parts.body, parts.exclude, page.queries), posts)
    : { text: '', links: [] };
  const item: Item = {
    url: parts.permalink,
    title,
    snippet: text.slice(0, SNIPPET_LENGTH),
    text,
    linkedUrls: linkedUrlsOf(links, page.base),
    element: parts.element,
  };
  const author = plainText(parts.author);
  if (author) item.author = author;
  if (parts.dateText) item.date = parts.dateText;
  const dateIso = machineDateOf(parts.date) ?? (parts.dateText ? parseDisplayedDate(parts.dateText) : undefined);
  if (dateIso) item.dateIso = dateIso;
  return item;
}

/**
 * The definition with each selector list cut to the selectors that may match in this page, so that
 * per post only those are tried.
 */
function forPage(definition: ForumDefinition, queries: PageQueries): ForumDefinition {
  return {
    ...definition,
    threadTitle: queries.matchable(definition.threadTitle),
    post: queries.matchable(definition.post),
    author: queries.matchable(definition.author),
    date: queries.matchable(definition.date),
    body: queries.matchable(definition.body),
    exclude: queries.matchable(definition.exclude),
    permalink: queries.matchable(definition.permalink),
  };
}

/**
 * Items of a page read with a definition; posts with no body (table header rows) are skipped.
 * `queries` answers the page's selector queries: the same ones detection used. `known` gives posts read
 * before and unchanged since, taken as they were read.
 */
export function extractForum(
  fullDefinition: ForumDefinition,
  doc: Document,
  pageUrl: URL,
  queries: PageQueries,
  known?: KnownItems,
): PageExtract {
  const definition = forPage(fullDefinition, queries);
  const page = pageContext(doc, pageUrl, queries);
  const hooks = definition.hooks;
  const candidates = postRoots(doc, definition.post, queries).filter((post) => hooks?.isPost?.(post) ?? true);
  const posts = withoutEmbedded(
    candidates.flatMap((root) => {
      const shown = shownWithin(root);
      // A shown body first; a post whose every body is hidden keeps one (it is still a post) that shows nothing.
      const body = firstShown(root, definition.body, queries, shown) ?? queries.first(root, definition.body);
      return body ? [{ root, body, shown }] : [];
    }),
  );
  const title = threadTitleOf(doc, definition.threadTitle, queries);
  const rootSet = new Set(posts.map((post) => post.root));
  const items: Item[] = [];
  for (const { root: post, body, shown } of posts) {
    const element = hooks?.mountPoint?.(post) ?? post;
    const unchanged = known?.(element);
    if (unchanged) {
      items.push(unchanged);
      continue;
    }
    const date = firstShown(post, definition.date, queries, shown);
    const permalinkLink = firstShown(post, definition.permalink, queries, shown);
    const permalink =
      (permalinkLink ? null : hooks?.permalink?.(post, pageUrl)) ?? permalinkOf(post, permalinkLink, page);
    const item = itemOf(
      {
        element,
        body,
        bodyShown: shown(body),
        author: firstShown(post, definition.author, queries, shown),
        date,
        dateText: dateTextOf(date, hooks?.dateText),
        permalink,
        exclude: definition.exclude,
      },
      title,
      page,
      rootSet,
    );
    items.push(item);
  }
  return { site: definition.id, kind: 'forum', items, blocksSeen: candidates.length };
}

/**
 * Items of a page whose posts the generic finder found. Without the page's index (detection builds
 * one) the few queries this makes go to the DOM: indexing the page for them alone would cost more.
 */
export function extractGenericPosts(
  posts: readonly GenericPost[],
  doc: Document,
  pageUrl: URL,
  queries: PageQueries = DOM_QUERIES,
  known?: KnownItems,
): PageExtract {
  const page = pageContext(doc, pageUrl, queries);
  const title = threadTitleOf(doc, ['h1'], queries);
  const exclude = queries.matchable(COMMON_EXCLUDE);
  const roots = new Set(posts.map((post) => post.element));
  const items = posts.map((post) => {
    const unchanged = known?.(post.element);
    if (unchanged) return unchanged;
    const shown = shownWithin(post.element);
    const visible = (element: Element | undefined) => (element && shown(element) ? element : null);
    const date = visible(post.date);
    return itemOf(
      {
        element: post.element,
        body: post.body,
        bodyShown: shown(post.body),
        author: visible(post.author),
        date,
        dateText: plainText(date),
        permalink: post.permalink ?? permalinkOf(post.element, null, page),
        exclude,
      },
      title,
      page,
      roots,
    );
  });
  return { site: GENERIC_FINDER, kind: 'forum', items, blocksSeen: posts.length };
}
