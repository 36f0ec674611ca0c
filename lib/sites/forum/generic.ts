/**
 * The generic finder of post-like blocks, for forums no definition recognises. A post is a block
 * that repeats (its tag with one of its classes, its id pattern or its schema.org type is shared
 * by other blocks) and holds its own author (a profile link or an author-ish class) and its own
 * date. Of all such groups the one with the most posts wins; when its blocks sit inside the
 * blocks of another group that have an author and a date of their own outside them, they were
 * comments or quotes inside posts, and the outer group wins.
 *
 * Cost: one walk over the page builds per-element tables (parent, subtree size, text length,
 * date and author signals summed bottom-up); everything after that reads the tables, so no text
 * is walked twice and a 50-post page takes a few milliseconds.
 */
import type { GenericPost } from './types';
import { looksLikeDate } from './date';

const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);
const EXCLUDED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar']);
/** Page chrome named by class or id: whole tokens, so `post-header` is not chrome; similar/related lists by any part. */
const CHROME_NAMES =
  /(?:^|\s)(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|side-bar|widget|ad|ads|advert\S*|sponsor\S*|cookie\S*|site-header|page-header|site-footer|page-footer|footer|header)(?:\s|$)|(?:^|[\s_-])(?:similar|related)/i;
const SECTIONING_ELEMENTS = new Set(['ARTICLE', 'SECTION', 'MAIN']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4']);

const PROFILE_LINK =
  /\/(members?|users?|u|profiles?|people|authors?|posters?)\/[^/?#]|memberlist\.php\?[^#]*viewprofile|member\.php|profile\.php|[?&](showuser|userid|user_id|uid)=\d|\/user-\d+/i;
const AUTHOR_CLASS = /author|user|poster|nick|member/i;
const DATE_CLASS = /date|time|posted/i;
const MACHINE_TIME_ATTRIBUTES = new Set(['datetime', 'data-time', 'data-timestamp', 'data-datestring', 'ts']);
const DATE_ITEMPROP = /^date(Created|Published)$/;
/** A date shown with these words is the member's registration, not the post's. */
const REGISTRATION_WORDS = /join|regist|member since|рег|зарегистр|дата регистрации|mitglied seit|dabei seit|присъедин/i;
const DATE_TEXT_HINT = /\d|today|yesterday|just now|сегодня|вчера|днес|heute|gestern/i;
const SHORT_TEXT = 80;

const enum DateSignal {
  None = 0,
  NamedByClass = 1,
  ShownAsText = 2,
  MachineReadable = 3,
}

const enum AuthorSignal {
  None = 0,
  NamedByClass = 1,
  ProfileLink = 2,
}

/**
 * What the finder reads of an element's own markup, read once in the walk: on DOMs written in
 * JavaScript (happy-dom, jsdom) every attribute access costs, and the finder asks several
 * questions of each element.
 */
interface ElementFacts {
  /** Upper case. */
  tag: string;
  id: string;
  className: string;
  role: string;
  href: string | null;
  itemProp: string;
  itemType: string;
  /** Carries one of MACHINE_TIME_ATTRIBUTES. */
  machineTime: boolean;
}

function factsOf(element: Element): ElementFacts {
  const facts: ElementFacts = { tag: element.tagName.toUpperCase(), id: '', className: '', role: '', href: null, itemProp: '', itemType: '', machineTime: false };
  for (const name of element.getAttributeNames()) {
    const lowerName = name.toLowerCase();
    if (lowerName === 'id') facts.id = element.getAttribute(name) ?? '';
    else if (lowerName === 'class') facts.className = element.getAttribute(name) ?? '';
    else if (lowerName === 'role') facts.role = element.getAttribute(name) ?? '';
    else if (lowerName === 'href') facts.href = element.getAttribute(name);
    else if (lowerName === 'itemprop') facts.itemProp = element.getAttribute(name) ?? '';
    else if (lowerName === 'itemtype') facts.itemType = element.getAttribute(name) ?? '';
    else if (MACHINE_TIME_ATTRIBUTES.has(lowerName)) facts.machineTime = true;
  }
  return facts;
}

/** Per-element tables over the page, indexed in document order. */
interface PageTables {
  elements: Element[];
  facts: ElementFacts[];
  parent: number[];
  /** Number of elements in the subtree, itself included: element i's subtree is i .. i + size - 1. */
  size: number[];
  textLength: number[];
  excluded: boolean[];
  dateSignal: DateSignal[];
  authorSignal: AuthorSignal[];
  dates: number[];
  authors: number[];
  /** Links to other pages (not profiles) inside headings: the titles of teasers. */
  headingLinksElsewhere: number[];
  /** Text length of the longest link to another page (not a profile) in the subtree. */
  longestLinkElsewhere: number[];
}

function classTokens(facts: ElementFacts): string[] {
  return facts.className ? facts.className.split(/\s+/).filter(Boolean) : [];
}

function isChrome(element: Element, facts: ElementFacts, insideSectioning: boolean): boolean {
  const tag = facts.tag;
  if (tag === 'NAV' || tag === 'ASIDE') return true;
  // A header or footer inside an article is the post's own (author line, permalink), not the page's.
  if ((tag === 'HEADER' || tag === 'FOOTER') && !insideSectioning) return true;
  if (tag === 'FORM' && element.querySelector('textarea, [contenteditable], input[type="password"], input[type="search"]')) {
    return true;
  }
  if (EXCLUDED_ROLES.has(facts.role)) return true;
  return CHROME_NAMES.test(facts.id) || CHROME_NAMES.test(facts.className);
}

function ownDateSignal(facts: ElementFacts): DateSignal {
  if (facts.tag === 'TIME' || facts.machineTime) return DateSignal.MachineReadable;
  return DATE_ITEMPROP.test(facts.itemProp) ? DateSignal.MachineReadable : DateSignal.None;
}

function ownAuthorSignal(facts: ElementFacts): AuthorSignal {
  return facts.tag === 'A' && PROFILE_LINK.test(facts.href ?? '') ? AuthorSignal.ProfileLink : AuthorSignal.None;
}

/** A link to another page that is not a member profile: a title link when it leads a block. */
function linksElsewhere(facts: ElementFacts, pageUrl: URL): boolean {
  if (facts.tag !== 'A') return false;
  const href = facts.href;
  if (!href || href.startsWith('#') || PROFILE_LINK.test(href)) return false;
  const target = resolve(href, pageUrl);
  return target !== undefined && target.pathname !== pageUrl.pathname;
}

/** Walks the page once, then sums text and signals bottom-up. */
function buildTables(root: Element, pageUrl: URL): PageTables {
  const tables: PageTables = {
    elements: [],
    facts: [],
    parent: [],
    size: [],
    textLength: [],
    excluded: [],
    dateSignal: [],
    authorSignal: [],
    dates: [],
    authors: [],
    headingLinksElsewhere: [],
    longestLinkElsewhere: [],
  };
  const linkIndexes = new Set<number>();
  const pending: Array<{ element: Element; parent: number; excluded: boolean; insideSectioning: boolean; insideHeading: boolean }> = [
    { element: root, parent: -1, excluded: false, insideSectioning: false, insideHeading: false },
  ];
  while (pending.length > 0) {
    const { element, parent, excluded: parentExcluded, insideSectioning, insideHeading } = pending.pop()!;
    const index = tables.elements.length;
    const facts = factsOf(element);
    const excluded = parentExcluded || isChrome(element, facts, insideSectioning);
    tables.elements.push(element);
    tables.facts.push(facts);
    tables.parent.push(parent);
    tables.size.push(1);
    tables.excluded.push(excluded);
    tables.dateSignal.push(excluded ? DateSignal.None : ownDateSignal(facts));
    tables.authorSignal.push(excluded ? AuthorSignal.None : ownAuthorSignal(facts));
    const linkElsewhere = !excluded && linksElsewhere(facts, pageUrl);
    if (linkElsewhere) linkIndexes.add(index);
    tables.headingLinksElsewhere.push(linkElsewhere && insideHeading ? 1 : 0);
    let textLength = 0;
    let shownDate = false;
    const children: Element[] = [];
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = (child.nodeValue ?? '').trim();
        textLength += text.length;
        if (!excluded && !shownDate && text.length > 0 && text.length <= SHORT_TEXT && DATE_TEXT_HINT.test(text)) {
          shownDate = looksLikeDate(text);
        }
      } else if (child.nodeType === 1 && !SKIPPED_ELEMENTS.has((child as Element).tagName)) {
        children.push(child as Element);
      }
    }
    tables.textLength.push(textLength);
    if (shownDate && tables.dateSignal[index] === DateSignal.None) tables.dateSignal[index] = DateSignal.ShownAsText;
    const tag = facts.tag;
    const childInsideSectioning = insideSectioning || SECTIONING_ELEMENTS.has(tag);
    const childInsideHeading = insideHeading || HEADINGS.has(tag);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      pending.push({
        element: children[i]!,
        parent: index,
        excluded,
        insideSectioning: childInsideSectioning,
        insideHeading: childInsideHeading,
      });
    }
  }
  sumBottomUp(tables, linkIndexes);
  return tables;
}

function sumBottomUp(tables: PageTables, linkIndexes: ReadonlySet<number>): void {
  const count = tables.elements.length;
  tables.dates = new Array<number>(count).fill(0);
  tables.authors = new Array<number>(count).fill(0);
  tables.longestLinkElsewhere = new Array<number>(count).fill(0);
  for (let i = count - 1; i >= 0; i -= 1) {
    if (linkIndexes.has(i)) tables.longestLinkElsewhere[i] = tables.textLength[i]!;
    if (!tables.excluded[i]) classifyByClass(tables, i);
    if (tables.dateSignal[i] === DateSignal.ShownAsText && REGISTRATION_WORDS.test(tables.elements[i]!.textContent ?? '')) {
      tables.dateSignal[i] = DateSignal.None;
    }
    tables.dates[i]! += tables.dateSignal[i]! > 0 ? 1 : 0;
    tables.authors[i]! += tables.authorSignal[i]! > 0 ? 1 : 0;
    const parent = tables.parent[i]!;
    if (parent < 0) continue;
    tables.size[parent]! += tables.size[i]!;
    tables.textLength[parent]! += tables.textLength[i]!;
    tables.dates[parent]! += tables.dates[i]!;
    tables.authors[parent]! += tables.authors[i]!;
    tables.headingLinksElsewhere[parent]! += tables.headingLinksElsewhere[i]!;
    tables.longestLinkElsewhere[parent] = Math.max(tables.longestLinkElsewhere[parent]!, tables.longestLinkElsewhere[i]!);
  }
}

/** Class-named dates and authors count only when short, which needs the subtree's text length. */
function classifyByClass(tables: PageTables, index: number): void {
  const textLength = tables.textLength[index]!;
  if (textLength === 0 || textLength > SHORT_TEXT) return;
  const tokens = classTokens(tables.facts[index]!);
  if (tables.authorSignal[index] === AuthorSignal.None && tables.authors[index] === 0 && tokens.some((token) => AUTHOR_CLASS.test(token))) {
    tables.authorSignal[index] = AuthorSignal.NamedByClass;
  }
  if (tables.dateSignal[index] === DateSignal.None && tables.dates[index] === 0 && tokens.some((token) => DATE_CLASS.test(token))) {
    tables.dateSignal[index] = DateSignal.NamedByClass;
  }
}

/** The names under which an element may repeat: tag with each class, id pattern, schema.org type. */
function groupKeys(facts: ElementFacts): string[] {
  const tag = facts.tag.toLowerCase();
  const keys = classTokens(facts)
    // Digits (ids, zebra stripes), BEM modifiers and utility classes are shared across roles.
    .filter((token) => !/[\d:/]|--/.test(token))
    .map((token) => `${tag}.${token}`);
  const { id, itemType } = facts;
  if (id && /\d/.test(id)) keys.push(`${tag}#${id.replace(/\d[\w]*/g, '#')}`);
  if (itemType) keys.push(`${tag}[${itemType}]`);
  if (keys.length === 0 && BARE_REPEATED_TAGS.has(tag)) keys.push(tag);
  return keys;
}

/** Tags that repeat per post even without a class (old table layouts, plain lists); a bare div does not. */
const BARE_REPEATED_TAGS = new Set(['article', 'section', 'li', 'table', 'tr', 'dl']);

interface Group {
  key: string;
  /** Qualified members in document order. */
  members: number[];
  /** Sum of the members' subtree sizes: the larger of two equally counted groups is the outer one. */
  extent: number;
}

function isWithin(tables: PageTables, inner: number, outer: number): boolean {
  return inner > outer && inner < outer + tables.size[outer]!;
}

/** Position of the first value above `value` in an ascending list. */
function firstAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Date and author signals and text of `member` that are not inside any of `inner` (sorted, document order). */
function signalsOutside(
  tables: PageTables,
  member: number,
  inner: readonly number[],
): { dates: number; authors: number; textLength: number } {
  let dates = tables.dates[member]!;
  let authors = tables.authors[member]!;
  let textLength = tables.textLength[member]!;
  const end = member + tables.size[member]!;
  let coveredUntil = member;
  for (let position = firstAfter(inner, member); position < inner.length; position += 1) {
    const candidate = inner[position]!;
    if (candidate >= end) break;
    if (candidate < coveredUntil) continue;
    dates -= tables.dates[candidate]!;
    authors -= tables.authors[candidate]!;
    textLength -= tables.textLength[candidate]!;
    coveredUntil = candidate + tables.size[candidate]!;
  }
  return { dates, authors, textLength };
}

/** Share of a block's text that, as one link to another page, makes it a teaser rather than a post. */
const TEASER_LINK_SHARE = 0.25;

/**
 * A teaser of another page ("similar threads", a news list) leads with a title linking elsewhere:
 * a heading link, or one link holding a good part of the block's text.
 */
function isTeaser(tables: PageTables, index: number): boolean {
  return tables.headingLinksElsewhere[index]! > 0 || tables.longestLinkElsewhere[index]! > tables.textLength[index]! * TEASER_LINK_SHARE;
}

function buildGroups(tables: PageTables): Group[] {
  const candidatesByKey = new Map<string, number[]>();
  for (let i = 0; i < tables.elements.length; i += 1) {
    if (tables.excluded[i] || tables.dates[i] === 0 || tables.authors[i] === 0 || tables.textLength[i] === 0) continue;
    for (const key of groupKeys(tables.facts[i]!)) {
      const list = candidatesByKey.get(key);
      if (list) list.push(i);
      else candidatesByKey.set(key, [i]);
    }
  }
  const groups: Group[] = [];
  for (const [key, candidates] of candidatesByKey) {
    if (candidates.length < 2) continue;
    // A block holding others of its kind is a post only with an author and a date of its own
    // (a comment with replies); a wrapper around posts has neither.
    const members = candidates.filter((candidate) => {
      const own = signalsOutside(tables, candidate, candidates);
      return own.dates > 0 && own.authors > 0 && !isTeaser(tables, candidate);
    });
    if (members.length < 2) continue;
    groups.push({ key, members, extent: members.reduce((sum, member) => sum + tables.size[member]!, 0) });
  }
  return groups.sort((a, b) => b.members.length - a.members.length || b.extent - a.extent);
}

/** The nearest of `members` that contains element `index`, or -1. */
function enclosingMember(tables: PageTables, index: number, members: ReadonlySet<number>): number {
  for (let ancestor = tables.parent[index]!; ancestor >= 0; ancestor = tables.parent[ancestor]!) {
    if (members.has(ancestor)) return ancestor;
  }
  return -1;
}

/** Share of the chosen blocks an outer group must hold to be the real posts around them. */
const OUTER_GROUP_COVERAGE = 0.8;

/**
 * The posts are the outer group when its blocks hold most of the chosen blocks and each such
 * block has an author and a date, or most of its text, outside them: the chosen blocks were
 * comments, quotes or author lines inside posts.
 */
function outerPostGroup(tables: PageTables, groups: readonly Group[], chosen: Group): Group | undefined {
  let best: Group | undefined;
  for (const outer of groups) {
    if (outer === chosen || (best && outer.members.length < best.members.length)) continue;
    const outerMembers = new Set(outer.members);
    const holders = new Set<number>();
    let covered = 0;
    for (const member of chosen.members) {
      const holder = enclosingMember(tables, member, outerMembers);
      if (holder < 0) continue;
      covered += 1;
      holders.add(holder);
    }
    if (covered < chosen.members.length * OUTER_GROUP_COVERAGE) continue;
    const holdsOwnPost = [...holders].every((holder) => {
      const own = signalsOutside(tables, holder, chosen.members);
      return (own.dates > 0 && own.authors > 0) || own.textLength > tables.textLength[holder]! / 2;
    });
    if (holdsOwnPost && (!best || outer.members.length > best.members.length || outer.extent > best.extent)) best = outer;
  }
  return best;
}

function resolve(href: string, base: URL): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

const POST_LINK = /[?&](p|pid|post|postid|post_id|comment|commentid|replytocom)=\d|\/posts?[-/]\d|#(post|p|comment|reply|entry|msg)[-_]?\d/i;

function permalinkOf(element: Element, pageUrl: URL): string | undefined {
  let samePage: string | undefined;
  for (const link of Array.from(element.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href')!;
    const target = resolve(href, pageUrl);
    if (!target || !/^https?:$/.test(target.protocol)) continue;
    if (POST_LINK.test(href)) return target.href;
    if (!samePage && target.hash.length > 1 && target.origin === pageUrl.origin && target.pathname === pageUrl.pathname) {
      samePage = target.href;
    }
  }
  if (samePage) return samePage;
  const id = element.getAttribute('id');
  return id && /\d/.test(id) ? new URL(`#${encodeURIComponent(id)}`, pageUrl).href : undefined;
}

/** The member's own elements in document order: nested members (replies) are skipped. */
function* ownElements(tables: PageTables, member: number, isMember: Uint8Array): Generator<number> {
  const end = member + tables.size[member]!;
  for (let i = member + 1; i < end; i += 1) {
    if (isMember[i]) {
      i += tables.size[i]! - 1;
      continue;
    }
    yield i;
  }
}

/** Text a byline adds to the author and date ("Posts: 120", "says:", "Joined: ..."). */
const BYLINE_EXTRA_TEXT = 20;

/**
 * The byline around an author or date: its largest ancestor below the post root holding little
 * more text than the author and date themselves.
 */
function headerArea(tables: PageTables, index: number, member: number, bylineText: number): number {
  if (index < 0) return -1;
  let area = index;
  while (tables.parent[area]! > member && tables.textLength[tables.parent[area]!]! <= bylineText) area = tables.parent[area]!;
  return area;
}

function describePost(tables: PageTables, member: number, isMember: Uint8Array, pageUrl: URL): GenericPost {
  let date = -1;
  let author = -1;
  for (const i of ownElements(tables, member, isMember)) {
    if (tables.dateSignal[i]! > (date < 0 ? 0 : tables.dateSignal[date]!)) date = i;
    const authorStrength = tables.textLength[i]! > 0 ? tables.authorSignal[i]! : 0;
    if (authorStrength > (author < 0 ? 0 : tables.authorSignal[author]!)) author = i;
  }
  const bylineText =
    (author < 0 ? 0 : tables.textLength[author]!) + (date < 0 ? 0 : tables.textLength[date]!) + BYLINE_EXTRA_TEXT;
  const areas = [headerArea(tables, author, member, bylineText), headerArea(tables, date, member, bylineText)];
  const notBody = new Set<number>();
  for (const area of areas) {
    for (let ancestor = area; ancestor > member; ancestor = tables.parent[ancestor]!) notBody.add(ancestor);
  }
  for (let i = member + 1; i < member + tables.size[member]!; i += 1) {
    if (!isMember[i]) continue;
    for (let ancestor = tables.parent[i]!; ancestor > member; ancestor = tables.parent[ancestor]!) notBody.add(ancestor);
    i += tables.size[i]! - 1;
  }
  let body = member;
  let bodyLength = -1;
  for (const i of ownElements(tables, member, isMember)) {
    const insideArea = areas.some((area) => area >= 0 && isWithin(tables, i, area));
    if (!notBody.has(i) && !insideArea && tables.textLength[i]! > bodyLength) {
      body = i;
      bodyLength = tables.textLength[i]!;
    }
  }
  const element = tables.elements[member]!;
  const post: GenericPost = { element, body: tables.elements[body]! };
  if (author >= 0) post.author = tables.elements[author]!;
  if (date >= 0) post.date = tables.elements[date]!;
  const permalink = permalinkOf(element, pageUrl);
  if (permalink) post.permalink = permalink;
  return post;
}

/** Quotes in comments in posts: deeper nesting of post-like blocks is not seen on forums. */
const MAX_NESTING_LEVELS = 3;

/** The repeated post-like blocks of a page no forum definition knows, in document order; [] when none. */
export function findGenericPosts(doc: Document): GenericPost[] {
  try {
    const root = doc.body ?? doc.documentElement;
    if (!root) return [];
    const pageUrl = new URL(doc.URL || doc.baseURI || 'about:blank');
    const tables = buildTables(root, pageUrl);
    const groups = buildGroups(tables);
    let chosen = groups[0];
    if (!chosen) return [];
    for (let level = 0; level < MAX_NESTING_LEVELS; level += 1) {
      const outer = outerPostGroup(tables, groups, chosen);
      if (!outer) break;
      chosen = outer;
    }
    const isMember = new Uint8Array(tables.elements.length);
    for (const member of chosen.members) isMember[member] = 1;
    return chosen.members.map((member) => describePost(tables, member, isMember, pageUrl));
  } catch {
    return [];
  }
}
