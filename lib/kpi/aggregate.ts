import {
  emptyLabelCounts,
  type Aggregate,
  type Mention,
  type Month,
  type MonthCounts,
  type MonthSlots,
  type Project,
  type Snapshot,
} from '../schema';
import { labelStateOf, recommendStateOf, type SuggestionCounting } from './label-state';
import { isPortalKind } from './portals';

/**
 * Per-month counters behind the popup, kept up to date write by write so the popup never scans mentions.
 * Every function here is pure; lib/db calls them inside the transaction that changes the underlying records,
 * and `rebuildAggregates` recomputes the same numbers from the raw records (the two must always agree).
 * Suggestions below the project's confidence threshold are counted as unlabeled here, so a new threshold
 * means a rebuild.
 */

export const TOP_RANKS = 20;
const TOP10 = 10;
const SLOT_SEPARATOR = '\u0001';

export type MentionLookup = (canonicalUrl: string) => Pick<Mention, 'mark' | 'suggested' | 'flags'> | undefined;

export function emptyAggregate(projectId: string, month: Month): Aggregate {
  return {
    projectId,
    month,
    slots: {},
    top20: emptyLabelCounts(),
    top20ByEngine: {},
    top10: emptyLabelCounts(),
    thirdPartyRecommends: { marked: 0, suggested: 0 },
    forum: emptyLabelCounts(),
  };
}

/** The aggregate as it is stored: its counters and its slots apart (the popup reads only the counters). */
export function splitAggregate({ slots, ...counts }: Aggregate): { counts: MonthCounts; slots: MonthSlots } {
  return { counts, slots: { projectId: counts.projectId, month: counts.month, slots } };
}

/** The stored halves joined again; a month without slots has none filled. */
export function joinAggregate(counts: MonthCounts, slots: MonthSlots | undefined): Aggregate {
  return { ...counts, slots: slots?.slots ?? {} };
}

function slotKey(engine: string, query: string, rank: number): string {
  return [engine, query, rank].join(SLOT_SEPARATOR);
}

export function parseSlotKey(key: string): { engine: string; query: string; rank: number } {
  const afterEngine = key.indexOf(SLOT_SEPARATOR);
  const beforeRank = key.lastIndexOf(SLOT_SEPARATOR);
  return {
    engine: key.slice(0, afterEngine),
    query: key.slice(afterEngine + 1, beforeRank),
    rank: Number(key.slice(beforeRank + 1)),
  };
}

function countSlot(
  aggregate: Aggregate,
  slot: { engine: string; rank: number },
  mention: ReturnType<MentionLookup>,
  delta: 1 | -1,
  counting: SuggestionCounting,
): void {
  const { engine, rank } = slot;
  const state = labelStateOf(mention, counting);
  aggregate.top20[state] += delta;
  const engineCounts = (aggregate.top20ByEngine[engine] ??= emptyLabelCounts());
  engineCounts[state] += delta;
  if (rank <= TOP10) aggregate.top10[state] += delta;
  const recommend = recommendStateOf(mention, counting);
  if (recommend !== 'none' && !mention?.flags.clientSite) aggregate.thirdPartyRecommends[recommend] += delta;
}

/** Only the project's key queries make up its top-20 (METHODOLOGY.md: "TOP-20 results for key queries"). */
export function isKeyQuery(project: Pick<Project, 'keyQueries'>, normalizedQuery: string, normalize: (q: string) => string): boolean {
  return project.keyQueries.some((query) => normalize(query) === normalizedQuery);
}

/** The URLs a snapshot would push out of their slots: their mentions are needed to uncount them. */
export function displacedUrls(aggregate: Aggregate, snapshot: Snapshot): string[] {
  const displaced: string[] = [];
  snapshot.urls.forEach((_url, index) => {
    const rank = snapshot.firstRank + index;
    const previous = rank <= TOP_RANKS ? aggregate.slots[slotKey(snapshot.engine, snapshot.query, rank)] : undefined;
    if (previous !== undefined) displaced.push(previous);
  });
  return displaced;
}

/** A newer observation of a results page replaces what was at its ranks this month. */
export function applySnapshot(aggregate: Aggregate, snapshot: Snapshot, lookup: MentionLookup, counting: SuggestionCounting): void {
  snapshot.urls.forEach((url, index) => {
    const slot = { engine: snapshot.engine, rank: snapshot.firstRank + index };
    if (slot.rank > TOP_RANKS) return;
    const key = slotKey(snapshot.engine, snapshot.query, slot.rank);
    const previousUrl = aggregate.slots[key];
    if (previousUrl !== undefined) countSlot(aggregate, slot, lookup(previousUrl), -1, counting);
    aggregate.slots[key] = url;
    countSlot(aggregate, slot, lookup(url), 1, counting);
  });
}

/** Re-observing a page mostly changes nothing that is counted: then no slot needs to be visited. */
function countsAlike(before: ReturnType<MentionLookup>, after: ReturnType<MentionLookup>, counting: SuggestionCounting): boolean {
  return (
    before !== undefined &&
    labelStateOf(before, counting) === labelStateOf(after, counting) &&
    recommendStateOf(before, counting) === recommendStateOf(after, counting) &&
    before.flags.clientSite === after?.flags.clientSite
  );
}

/** Moves the slots and forum counts of one URL from its old label to its new one; false when nothing moved. */
export function applyMentionChange(
  aggregate: Aggregate,
  canonicalUrl: string,
  before: ReturnType<MentionLookup>,
  after: ReturnType<MentionLookup>,
  forumMonths: { before: readonly Month[]; after: readonly Month[] },
  counting: SuggestionCounting,
): boolean {
  if (countsAlike(before, after, counting) && forumMonths.before.length === forumMonths.after.length) return false;
  for (const [key, url] of Object.entries(aggregate.slots)) {
    if (url !== canonicalUrl) continue;
    const slot = parseSlotKey(key);
    countSlot(aggregate, slot, before, -1, counting);
    countSlot(aggregate, slot, after, 1, counting);
  }
  if (forumMonths.before.includes(aggregate.month)) aggregate.forum[labelStateOf(before, counting)] -= 1;
  if (forumMonths.after.includes(aggregate.month)) aggregate.forum[labelStateOf(after, counting)] += 1;
  return true;
}

/** Months in which a mention counts towards forum tone: forum posts, and marked pages like them (DESIGN.md). */
export function forumMonthsOf(mention: Pick<Mention, 'kind' | 'months'> | undefined): readonly Month[] {
  return mention && isPortalKind(mention.kind) ? mention.months : [];
}

/** Recomputes every aggregate of a project from its snapshots and mentions. */
export function rebuildAggregates(
  project: Pick<Project, 'id' | 'keyQueries' | 'minSuggestionConfidence'>,
  snapshots: readonly Snapshot[],
  mentions: readonly Mention[],
  normalizeQuery: (q: string) => string,
): Aggregate[] {
  const byUrl = new Map(mentions.map((mention) => [mention.canonicalUrl, mention]));
  const lookup: MentionLookup = (url) => byUrl.get(url);
  const byMonth = new Map<Month, Aggregate>();
  const aggregateFor = (month: Month) => {
    let aggregate = byMonth.get(month);
    if (!aggregate) {
      aggregate = emptyAggregate(project.id, month);
      byMonth.set(month, aggregate);
    }
    return aggregate;
  };
  const ordered = [...snapshots].sort((a, b) => a.capturedAt - b.capturedAt || (a.id ?? 0) - (b.id ?? 0));
  for (const snapshot of ordered) {
    if (!isKeyQuery(project, snapshot.query, normalizeQuery)) continue;
    applySnapshot(aggregateFor(snapshot.month), snapshot, lookup, project);
  }
  for (const mention of mentions) {
    for (const month of forumMonthsOf(mention)) aggregateFor(month).forum[labelStateOf(mention, project)] += 1;
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
