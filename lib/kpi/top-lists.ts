import { isOnDomain } from '../match/url';
import type { Aggregate, LabelState, Mention, Month, Project } from '../schema';
import { parseSlotKey } from './aggregate';
import { labelStateOf, type SuggestionCounting } from './label-state';

/**
 * The month's top-20 per key query and engine as ranked lists, how they changed since the month before, and
 * who holds their places (share of voice). Pure: the aggregates' slots and the slot URLs' mentions in, views out.
 */

export interface RankedUrl {
  rank: number;
  canonicalUrl: string;
}

/** One key query on one engine in one month: the latest URL seen at each rank, ranks never seen left out. */
export interface TopList {
  query: string;
  engine: string;
  /** By rank; a list seen only on its second page starts at 11, an engine with few results stops early. */
  entries: RankedUrl[];
}

/** `moved` is previous rank minus current rank: +3 climbed three places, -2 fell two. */
export type RankChange = 'new' | 'same' | { moved: number };

export interface TopListEntryChange extends RankedUrl {
  change: RankChange;
  /** The URL's best rank in last month's list, null when it was not in it. */
  previousRank: number | null;
  /** Counts negative now, and was not in last month's list or did not count negative then. */
  newNegative: boolean;
}

export interface TopListChange {
  query: string;
  engine: string;
  /** False when the query was not seen on this engine last month: then every entry is new. */
  previousObserved: boolean;
  entries: TopListEntryChange[];
  /** In last month's list and nowhere in this month's, by their previous rank. */
  dropped: { canonicalUrl: string; previousRank: number }[];
}

/** Whether a URL counted negative at the end of this month, and at the end of last month. */
export interface NegativeLookup {
  now: (canonicalUrl: string) => boolean;
  then: (canonicalUrl: string) => boolean;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const listId = (list: Pick<TopList, 'query' | 'engine'>) => JSON.stringify([list.query, list.engine]);

const byQueryThenEngine = (a: Pick<TopList, 'query' | 'engine'>, b: Pick<TopList, 'query' | 'engine'>) =>
  a.query.localeCompare(b.query) || a.engine.localeCompare(b.engine);

/** Groups a month's slots into one list per query and engine, ordered by query, then engine. */
export function topListsOf(slots: Aggregate['slots']): TopList[] {
  const lists = new Map<string, TopList>();
  for (const [key, canonicalUrl] of Object.entries(slots)) {
    const { engine, query, rank } = parseSlotKey(key);
    getOrAdd(lists, listId({ query, engine }), () => ({ query, engine, entries: [] })).entries.push({ rank, canonicalUrl });
  }
  for (const list of lists.values()) list.entries.sort((a, b) => a.rank - b.rank);
  return [...lists.values()].sort(byQueryThenEngine);
}

/** Each URL's best rank, in rank order (a URL can hold two ranks when pages were seen at different times). */
function bestRanks(entries: readonly RankedUrl[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const { rank, canonicalUrl } of entries) if (!ranks.has(canonicalUrl)) ranks.set(canonicalUrl, rank);
  return ranks;
}

function rankChange(rank: number, previousRank: number | null): RankChange {
  if (previousRank === null) return 'new';
  return previousRank === rank ? 'same' : { moved: previousRank - rank };
}

function diffTopList(current: TopList, previous: TopList | undefined, negative: NegativeLookup): TopListChange {
  const previousRanks = bestRanks(previous?.entries ?? []);
  const currentUrls = new Set(current.entries.map((entry) => entry.canonicalUrl));
  return {
    query: current.query,
    engine: current.engine,
    previousObserved: previous !== undefined,
    entries: current.entries.map((entry) => {
      const previousRank = previousRanks.get(entry.canonicalUrl) ?? null;
      return {
        ...entry,
        change: rankChange(entry.rank, previousRank),
        previousRank,
        newNegative: negative.now(entry.canonicalUrl) && (previousRank === null || !negative.then(entry.canonicalUrl)),
      };
    }),
    dropped: [...previousRanks]
      .filter(([canonicalUrl]) => !currentUrls.has(canonicalUrl))
      .map(([canonicalUrl, previousRank]) => ({ canonicalUrl, previousRank })),
  };
}

/**
 * This month's lists against last month's. A list of last month whose query was not seen on that engine this
 * month gets no entry: nothing says its results dropped out, only that nobody looked yet.
 */
export function diffTopLists(current: readonly TopList[], previous: readonly TopList[], negative: NegativeLookup): TopListChange[] {
  const previousById = new Map(previous.map((list) => [listId(list), list]));
  return current.map((list) => diffTopList(list, previousById.get(listId(list)), negative));
}

/** Whether a label counts as negative in the KPIs: a mark always, a suggestion while the project lets them count. */
export function countsNegative(state: LabelState, suggestionsCount: boolean): boolean {
  return state === 'marked:negative' || (suggestionsCount && state === 'suggested:negative');
}

/**
 * The label a mention counted with just before `at`. A mark set earlier still stands. A mark set or changed
 * since replaced what was there, which the record keeps only as the suggestion at the time of marking (an
 * earlier mark it replaced is gone), so that suggestion is taken as the label then. Its confidence was not
 * kept: the current suggestion's, made from the same text, stands in for it.
 */
export function labelStateBefore(mention: Pick<Mention, 'mark' | 'suggested'> | undefined, at: number, counting: SuggestionCounting): LabelState {
  const mark = mention?.mark;
  if (!mark || mark.at < at) return labelStateOf(mention, counting);
  const suggested = mark.suggestedAtMark ? { label: mark.suggestedAtMark, confidence: mention.suggested?.confidence } : mention.suggested;
  return labelStateOf({ mark: null, suggested }, counting);
}

/** Shares of a query's filled top-20 slots; null when no slot was filled. */
export interface SlotShares {
  competitors: number | null;
  client: number | null;
  /** Every competitor domain of the project (0 when absent); empty when no slot was filled. */
  byCompetitor: Record<string, number>;
}

export interface ShareOfVoiceMonth extends SlotShares {
  month: Month;
  byEngine: Record<string, SlotShares>;
}

export interface QueryShareOfVoice {
  query: string;
  /** One per aggregate given, in month order, so every query's table has the same rows. */
  months: ShareOfVoiceMonth[];
}

type Holder = { client: true } | { competitor: string } | null;

interface SlotTally {
  filled: number;
  client: number;
  byCompetitor: Map<string, number>;
}

const emptyTally = (): SlotTally => ({ filled: 0, client: 0, byCompetitor: new Map() });

/**
 * Who holds a result: the client, a competitor, or neither. As with the competitor badge, a client domain wins;
 * among competitor domains the most specific one (shop.rival.com over rival.com), so per-competitor shares add
 * up to the competitors' share.
 */
function holderOf(canonicalUrl: string, domains: Pick<Project, 'clientDomains' | 'competitorDomains'>): Holder {
  if (isOnDomain(canonicalUrl, domains.clientDomains)) return { client: true };
  const matching = domains.competitorDomains.filter((domain) => isOnDomain(canonicalUrl, [domain]));
  const mostSpecific = matching.sort((a, b) => b.length - a.length)[0];
  return mostSpecific === undefined ? null : { competitor: mostSpecific };
}

function tally(into: SlotTally, holder: Holder): void {
  into.filled += 1;
  if (holder === null) return;
  if ('client' in holder) into.client += 1;
  else into.byCompetitor.set(holder.competitor, (into.byCompetitor.get(holder.competitor) ?? 0) + 1);
}

function sharesOf(counted: SlotTally | undefined, competitorDomains: readonly string[]): SlotShares {
  if (!counted || counted.filled === 0) return { competitors: null, client: null, byCompetitor: {} };
  const { filled } = counted;
  const competitors = [...counted.byCompetitor.values()].reduce((sum, count) => sum + count, 0);
  return {
    competitors: competitors / filled,
    client: counted.client / filled,
    byCompetitor: Object.fromEntries(competitorDomains.map((domain) => [domain, (counted.byCompetitor.get(domain) ?? 0) / filled])),
  };
}

interface QueryTally {
  all: SlotTally;
  byEngine: Map<string, SlotTally>;
}

/**
 * Share of voice per key query, month over month: the share of the query's filled top-20 slots (all engines
 * together, and per engine) held by competitor domains, by the client's domains, and by each competitor domain.
 */
export function shareOfVoice(
  aggregates: readonly Pick<Aggregate, 'month' | 'slots'>[],
  domains: Pick<Project, 'clientDomains' | 'competitorDomains'>,
): QueryShareOfVoice[] {
  // Many slots of many months share a URL: its holder is worked out once.
  const holders = new Map<string, Holder>();
  const ordered = [...aggregates].sort((a, b) => a.month.localeCompare(b.month));
  const queries = new Set<string>();
  const tallies = ordered.map((aggregate) => {
    const byQuery = new Map<string, QueryTally>();
    for (const [key, url] of Object.entries(aggregate.slots)) {
      const { engine, query } = parseSlotKey(key);
      queries.add(query);
      const queryTally = getOrAdd(byQuery, query, () => ({ all: emptyTally(), byEngine: new Map<string, SlotTally>() }));
      const holder = getOrAdd(holders, url, () => holderOf(url, domains));
      tally(queryTally.all, holder);
      tally(getOrAdd(queryTally.byEngine, engine, emptyTally), holder);
    }
    return byQuery;
  });
  return [...queries].sort((a, b) => a.localeCompare(b)).map((query) => ({
    query,
    months: ordered.map((aggregate, index) => {
      const counted = tallies[index]?.get(query);
      return {
        month: aggregate.month,
        ...sharesOf(counted?.all, domains.competitorDomains),
        byEngine: Object.fromEntries(
          [...(counted?.byEngine ?? [])]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([engine, engineTally]) => [engine, sharesOf(engineTally, domains.competitorDomains)]),
        ),
      };
    }),
  }));
}
