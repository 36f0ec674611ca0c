import { unwrapRedirect } from '../match/url';
import type { PageCapture } from '../messaging/protocol';

/** Enough of the page's text for a suggestion; a whole long read adds nothing but weight to the message. */
export const MAX_CAPTURED_TEXT = 5000;
const MAX_PASSAGE = 20_000;
const MAX_LINKS = 500;

/** Where a page's own content usually is, best first; the body when none is there. */
const MAIN_CONTENT = ['main', '[role="main"]', 'article', '#content', '.content'];
/** Never the page's own content: chrome around it, code, forms. */
const NOT_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'iframe']);

const REVIEW_TYPES = new Set(['Review', 'AggregateRating', 'UserReview', 'CriticReview', 'EmployerReview']);
const NEWS_TYPES = new Set(['NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle']);
const BLOG_TYPES = new Set(['BlogPosting', 'Blog', 'LiveBlogPosting']);
const BLOG_GENERATORS = /wordpress|blogger|ghost|tumblr|hugo|jekyll|medium|substack|livejournal/i;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function mainContentOf(doc: Document): Element | null {
  for (const selector of MAIN_CONTENT) {
    const found = doc.querySelector(selector);
    if (found && collapse(found.textContent ?? '').length > 200) return found;
  }
  return doc.body;
}

function isChrome(element: Element): boolean {
  return NOT_CONTENT.has(element.localName) || element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden');
}

/** The visible-looking text of `root`, chrome left out, up to `limit` characters. */
function textOf(root: Element, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (length >= limit) return;
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        parts.push(text);
        length += text.length;
      } else if (child.nodeType === 1 && !isChrome(child as Element)) {
        parts.push(' ');
        walk(child);
      }
    }
  };
  walk(root);
  return collapse(parts.join('')).slice(0, limit);
}

function linksOf(root: Element, pageUrl: string): string[] {
  const links = new Set<string>();
  for (const anchor of root.querySelectorAll('a[href]')) {
    if (links.size >= MAX_LINKS) break;
    if (anchor.closest('nav, header, footer, aside')) continue;
    const target = unwrapRedirect(anchor.getAttribute('href') ?? '', pageUrl);
    if (/^https?:\/\//i.test(target)) links.add(target);
  }
  return [...links];
}

/** Every schema.org node the page's JSON-LD declares (graphs and nested nodes included); bad JSON is skipped. */
function jsonLdNodes(doc: Document): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const entry of value) visit(entry, depth + 1);
      return;
    }
    const node = value as Record<string, unknown>;
    nodes.push(node);
    for (const nested of Object.values(node)) visit(nested, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD says nothing about it.
    }
  }
  return nodes;
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^.*[/#]/, ''));
}

function microdataTypes(doc: Document): string[] {
  return [...doc.querySelectorAll('[itemtype]')].flatMap((element) =>
    (element.getAttribute('itemtype') ?? '').split(/\s+/).map((type) => type.replace(/^.*[/#]/, '')),
  );
}

function metaContent(doc: Document, selector: string): string | null {
  const content = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return content ? content : null;
}

function toIso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function publishedIso(doc: Document, nodes: readonly Record<string, unknown>[]): string | undefined {
  const fromMeta = toIso(metaContent(doc, 'meta[property="article:published_time"], meta[itemprop="datePublished"]'));
  if (fromMeta) return fromMeta;
  const fromJsonLd = nodes.map((node) => node.datePublished).find((value): value is string => typeof value === 'string');
  return toIso(fromJsonLd) ?? toIso((doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]'))?.getAttribute('datetime'));
}

/** What the page says it is: a review (schema.org), a news or blog article (schema.org, og:type, an article with a date). */
function kindHintOf(doc: Document, nodes: readonly Record<string, unknown>[], dateIso: string | undefined): PageCapture['kindHint'] {
  const types = new Set([...nodes.flatMap(typesOf), ...microdataTypes(doc)]);
  const hasReviews = nodes.some((node) => 'aggregateRating' in node || 'review' in node);
  if (hasReviews || [...types].some((type) => REVIEW_TYPES.has(type))) return 'review-site';
  if ([...types].some((type) => NEWS_TYPES.has(type))) return 'news';
  if ([...types].some((type) => BLOG_TYPES.has(type))) return 'blog';
  const isArticle = metaContent(doc, 'meta[property="og:type"]') === 'article' || (doc.querySelector('article') !== null && dateIso !== undefined);
  if (!isArticle) return undefined;
  return BLOG_GENERATORS.test(metaContent(doc, 'meta[name="generator"]') ?? '') ? 'blog' : 'news';
}

/**
 * What the popup and the context menu store about a page marked as a mention: read from the page in
 * the page (an injected script returns it), so only this summary ever reaches the extension.
 */
export function capturePage(doc: Document, url: string): PageCapture {
  const root = mainContentOf(doc);
  const nodes = jsonLdNodes(doc);
  const dateIso = publishedIso(doc, nodes);
  const selection = collapse(doc.getSelection?.()?.toString() ?? '');
  const title = collapse(doc.title) || collapse(doc.querySelector('h1')?.textContent ?? '') || url;
  return {
    url,
    title: title.slice(0, 2000),
    passage: selection === '' ? null : selection.slice(0, MAX_PASSAGE),
    text: root ? textOf(root, MAX_CAPTURED_TEXT) : '',
    linkedUrls: root ? linksOf(root, url) : [],
    kindHint: kindHintOf(doc, nodes, dateIso),
    dateIso,
  };
}
