import { buildBrandMatcher, type BrandMatcher } from '../match/brand';
import { computeClientFlags, type ClientFlagsInput } from '../match/client-flags';
import { canonicalizeUrl, hostnameOf } from '../match/url';
import { newestStatedDate, type PortalObservation } from '../kpi/portals';
import { textOfMention, type MentionDraft } from '../db/repository';
import type { PageItem, ParsedRequestOf } from '../messaging';
import { analyzeSentiment, type LearnedModel } from '../sentiment';
import { suggestsRecommendation } from '../sentiment/recommends';
import { FORUM_ENGINES } from '../sites';
import { NO_CLIENT_FLAGS, type ClientFlags, type MentionKind, type Project } from '../schema';

/** Everything the background derives from a page item or a marked page before storing it. */

export type Page = ParsedRequestOf<'page.observe'>['page'];
type ParsedItem = ParsedRequestOf<'page.observe'>['items'][number];
type ParsedCapture = ParsedRequestOf<'pageMention.set'>['capture'];

/** Long enough for a post's verdict, which often comes last; the suggestion and the learned model read this much. */
const MAX_EXCERPT = 2000;
/** Enough for a post's own links; a page's whole navigation need not be kept. */
const MAX_STORED_LINKS = 50;
/** How many words of a marked passage name it in its URL's text fragment. */
const PASSAGE_KEY_WORDS = 8;

/** Brand matchers compile a regex: built once per saved version of a project, not per item or request. */
const brandMatchers = new Map<string, BrandMatcher>();
const MAX_CACHED_MATCHERS = 20;
function brandMatcherFor(project: Project): BrandMatcher {
  const version = `${project.id}@${project.updatedAt}`;
  let matcher = brandMatchers.get(version);
  if (!matcher) {
    if (brandMatchers.size >= MAX_CACHED_MATCHERS) brandMatchers.clear();
    matcher = buildBrandMatcher(project.brandTerms);
    brandMatchers.set(version, matcher);
  }
  return matcher;
}

export function clientFlagsOf(project: Project, item: ClientFlagsInput): ClientFlags {
  return computeClientFlags(item, {
    clientDomains: project.clientDomains,
    competitorDomains: project.competitorDomains,
    brand: brandMatcherFor(project),
  });
}

interface MentionSource {
  canonicalUrl: string;
  url: string;
  domain: string;
  kind: MentionKind;
  title: string;
  /** The words the mention is judged by: a result's snippet, a post's or a passage's own text. */
  text: string;
  linkedUrls: readonly string[];
}

/**
 * Label, recommendation and badges from the mention's own words. A post or a passage is judged without its
 * thread's or page's title (shared by every post there), and its permalink is on the forum, so it is the client's
 * site only when the forum is.
 */
function draftOf(source: MentionSource, project: Project | null, learned: LearnedModel | undefined): MentionDraft {
  const excerpt = source.text.slice(0, MAX_EXCERPT);
  const text = textOfMention({ kind: source.kind, title: source.title, excerpt });
  const sentiment = analyzeSentiment(text, { learned });
  const ownTitle = source.kind === 'serp-result' ? source.title : '';
  const flags = project
    ? clientFlagsOf(project, { url: source.url, title: ownTitle, snippet: source.text, linkedUrls: source.linkedUrls })
    : NO_CLIENT_FLAGS;
  const recommends =
    project !== null &&
    !flags.clientSite &&
    suggestsRecommendation(text, { brand: brandMatcherFor(project), linksToClient: flags.linksToClient });
  return {
    canonicalUrl: source.canonicalUrl,
    url: source.url,
    domain: source.domain,
    kind: source.kind,
    title: source.title,
    excerpt,
    lang: sentiment.lang,
    suggested: { label: sentiment.label, score: sentiment.score, recommends, confidence: sentiment.confidence },
    flags,
    linkedUrls: source.linkedUrls.slice(0, MAX_STORED_LINKS),
  };
}

/** A search result, or a forum post (keyed by its permalink with the fragment, on the forum page's domain). */
export function draftMention(
  item: ParsedItem | PageItem,
  page: Page,
  project: Project | null,
  learned?: LearnedModel,
): MentionDraft {
  const post = page.kind === 'forum';
  return draftOf(
    {
      canonicalUrl: canonicalizeUrl(item.url, { keepFragment: post }),
      url: item.url,
      domain: hostnameOf(post ? page.url : item.url) ?? '',
      kind: post ? 'forum-post' : 'serp-result',
      title: item.title,
      text: post ? (item.text ?? item.snippet) : item.snippet,
      linkedUrls: item.linkedUrls ?? [],
    },
    project,
    learned,
  );
}

/** `#:~:text=` takes its text percent-encoded, with `-`, `,` and `&` as syntax: those must be encoded too. */
function textDirective(passage: string): string {
  const words = passage.trim().split(/\s+/).slice(0, PASSAGE_KEY_WORDS).join(' ');
  return `#:~:text=${encodeURIComponent(words).replace(/-/g, '%2D')}`;
}

function passageOf(capture: Pick<ParsedCapture, 'passage'>): string | null {
  return capture.passage !== null && capture.passage.trim() !== '' ? capture.passage : null;
}

/**
 * The key of a page mention: the page without fragment, or for a passage the page with a text fragment of the
 * passage's first words, so each passage is its own mention and its link scrolls to it.
 */
export function pageMentionKey(capture: Pick<ParsedCapture, 'url' | 'passage'>): string {
  const page = canonicalizeUrl(capture.url);
  const passage = passageOf(capture);
  return passage === null ? page : `${page}${textDirective(passage)}`;
}

export function draftPageMention(capture: ParsedCapture, project: Project, learned?: LearnedModel): MentionDraft {
  const key = pageMentionKey(capture);
  return draftOf(
    {
      canonicalUrl: key,
      url: key,
      domain: hostnameOf(capture.url) ?? '',
      kind: 'page',
      title: capture.title,
      text: passageOf(capture) ?? capture.text,
      linkedUrls: capture.linkedUrls,
    },
    project,
    learned,
  );
}

/** The visit of a forum page's portal, or undefined for a page without a host. */
export function forumVisit(page: Page, items: readonly Pick<ParsedItem, 'dateIso'>[], at: number): PortalObservation | undefined {
  const domain = hostnameOf(page.url);
  if (page.kind !== 'forum' || !domain) return undefined;
  return {
    domain,
    kind: FORUM_ENGINES.find((engine) => engine.id === page.site)?.portalKind ?? 'forum',
    engine: page.site,
    threadUrl: canonicalizeUrl(page.url),
    newestPostAt: newestStatedDate(items.map((item) => item.dateIso), at),
    at,
  };
}

export function pageVisit(capture: ParsedCapture, at: number): PortalObservation | undefined {
  const domain = hostnameOf(capture.url);
  if (!domain) return undefined;
  return {
    domain,
    kind: capture.kindHint ?? null,
    engine: null,
    threadUrl: canonicalizeUrl(capture.url),
    newestPostAt: newestStatedDate([capture.dateIso], at),
    at,
  };
}
