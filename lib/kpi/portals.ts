import { isOnDomain } from '../match/url';
import type { Mention, MentionKind, Month, PortalKind, PortalRecord } from '../schema';
import { monthBounds, monthOf, previousMonth } from '../schema/month';

/**
 * Portal records and portal coverage (METHODOLOGY.md, KPI "portal coverage"). Pure: lib/db applies these inside
 * the transaction that stores the observation or the mention they follow from.
 */

/** The most distinct thread URLs a portal record keeps: a portal's size counts, not every page of it. */
export const MAX_PORTAL_THREADS = 1000;

/** Kinds of mention that belong to a portal; a search result never makes one. */
export function isPortalKind(kind: MentionKind): boolean {
  return kind === 'forum-post' || kind === 'page';
}

/** One visit of a portal page: a forum thread read by the content script, or a page marked from the popup. */
export interface PortalObservation {
  domain: string;
  /** `forum` when a forum engine read the page; for a marked page the kind it says it is, if it says. */
  kind: PortalKind | null;
  engine: string | null;
  /** The page's canonical URL without fragment (the thread). */
  threadUrl: string;
  /** The newest post date the page stated, when it stated one. */
  newestPostAt: number | null;
  at: number;
}

/** A page's stated dates, newest first wins; a date in the future (a misread) is ignored. */
export function newestStatedDate(isoDates: readonly (string | undefined)[], at: number): number | null {
  const tolerance = 24 * 60 * 60 * 1000;
  let newest: number | null = null;
  for (const iso of isoDates) {
    const time = iso === undefined ? Number.NaN : Date.parse(iso);
    if (Number.isFinite(time) && time <= at + tolerance && (newest === null || time > newest)) newest = time;
  }
  return newest;
}

export function newPortal(projectId: string, domain: string): PortalRecord {
  return {
    projectId,
    domain,
    kind: 'other',
    engine: null,
    popularity: null,
    note: '',
    threads: [],
    months: {},
    linksByFirstMonth: {},
  };
}

/** An engine's reading of the site is the strongest evidence of what a portal is; a marked page's own hint comes next. */
function kindAfter(portal: PortalRecord, observation: PortalObservation): PortalKind {
  if (observation.engine !== null && observation.kind !== null) return observation.kind;
  if (portal.engine !== null || observation.kind === null) return portal.kind;
  return observation.kind;
}

export function recordPortalObservation(portal: PortalRecord, observation: PortalObservation): PortalRecord {
  const month = monthOf(observation.at);
  const seen = portal.months[month];
  const statedDates = [seen?.newestPostAt ?? null, observation.newestPostAt].filter((time) => time !== null);
  const knownThread = portal.threads.includes(observation.threadUrl);
  return {
    ...portal,
    kind: kindAfter(portal, observation),
    engine: observation.engine ?? portal.engine,
    threads:
      knownThread || portal.threads.length >= MAX_PORTAL_THREADS ? portal.threads : [...portal.threads, observation.threadUrl],
    months: {
      ...portal.months,
      [month]: {
        lastObservedAt: Math.max(seen?.lastObservedAt ?? -Infinity, observation.at),
        newestPostAt: statedDates.length > 0 ? Math.max(...statedDates) : null,
      },
    },
  };
}

type LinkFacts = Pick<Mention, 'kind' | 'domain' | 'months' | 'flags'>;

/** The portal and month where a mention counts as a link to the client, if it is one. */
export function linkSlotOf(mention: LinkFacts | undefined): { domain: string; month: Month } | null {
  if (!mention || !isPortalKind(mention.kind) || !mention.flags.linksToClient || mention.months.length === 0) return null;
  const firstMonth = mention.months.reduce((first, month) => (month < first ? month : first));
  return { domain: mention.domain, month: firstMonth };
}

export function addLink(portal: PortalRecord, month: Month, delta: 1 | -1): void {
  const count = (portal.linksByFirstMonth[month] ?? 0) + delta;
  if (count > 0) portal.linksByFirstMonth[month] = count;
  else delete portal.linksByFirstMonth[month];
}

/** Recomputes the derived link counts of a project's portals from its mentions (the incremental path must agree). */
export function rebuildPortalLinks(portals: readonly PortalRecord[], mentions: readonly LinkFacts[]): PortalRecord[] {
  const byDomain = new Map(portals.map((portal) => [portal.domain, { ...portal, linksByFirstMonth: {} }]));
  for (const mention of mentions) {
    const slot = linkSlotOf(mention);
    const portal = slot ? byDomain.get(slot.domain) : undefined;
    if (slot && portal) addLink(portal, slot.month, 1);
  }
  return [...byDomain.values()];
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** The portal facts coverage is computed from. */
export type PortalActivity = Pick<PortalRecord, 'domain' | 'months' | 'linksByFirstMonth'>;

/** Active in the last 30 days of the month: only that month's and the one before's observations can say so. */
function activeAtEndOf(portal: PortalActivity, month: Month): boolean {
  const [, end] = monthBounds(month);
  return [month, previousMonth(month)].some((candidate) => {
    const seen = portal.months[candidate];
    return seen !== undefined && seen.lastObservedAt >= end - THIRTY_DAYS_MS && seen.lastObservedAt < end;
  });
}

function linkedBy(portal: PortalActivity, month: Month): boolean {
  return Object.entries(portal.linksByFirstMonth).some(([first, count]) => first <= month && count > 0);
}

export interface PortalCoverage {
  /** Portals with a mention in the last 30 days of the month and a link to the client observed by its end. */
  covered: number;
  /** Portals known by the end of the month (observed in it or before). */
  known: number;
}

/** Portal coverage of one month, from that month's own records; a client's own domain is never a portal. */
export function portalCoverage(portals: readonly PortalActivity[], month: Month, clientDomains: readonly string[]): PortalCoverage {
  let covered = 0;
  let known = 0;
  for (const portal of portals) {
    if (isOnDomain(portal.domain, clientDomains)) continue;
    if (!Object.keys(portal.months).some((seen) => seen <= month)) continue;
    known += 1;
    if (activeAtEndOf(portal, month) && linkedBy(portal, month)) covered += 1;
  }
  return { covered, known };
}

/** Newest post date seen on the portal, else its newest observation; null before any. */
export function lastActivityOf(portal: Pick<PortalRecord, 'months'>): number | null {
  const months = Object.values(portal.months);
  if (months.length === 0) return null;
  const posts = months.flatMap((seen) => (seen.newestPostAt === null ? [] : [seen.newestPostAt]));
  return posts.length > 0 ? Math.max(...posts) : Math.max(...months.map((seen) => seen.lastObservedAt));
}

export function hasLinkToClient(portal: Pick<PortalRecord, 'linksByFirstMonth'>): boolean {
  return Object.values(portal.linksByFirstMonth).some((count) => count > 0);
}
