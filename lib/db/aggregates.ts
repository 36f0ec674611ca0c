import { LocalizedError, problem } from '../i18n/problems';
import { applyMentionChange, emptyAggregate, forumMonthsOf, joinAggregate, rebuildAggregates, splitAggregate } from '../kpi/aggregate';
import { SPARKLINE_MONTHS, computeKpiHistory, summaryOf, type KpiReport, type MonthReport } from '../kpi';
import { rebuildPortalLinks } from '../kpi/portals';
import { addMonths, nextMonth, type Aggregate, type Mention, type Month, type MonthCounts, type MonthSlots, type Project, type Snapshot } from '../schema';
import type { IDBPTransaction } from 'idb';
import type { LensDB, LensDatabase } from './database';
import { ACTIVE_PROJECT_KEY, activeProjectIdAmong, inCreationOrder, markedCountKey, projectKeyRange, type WriteTransaction } from './stores';

/** The month's aggregate as counting works on it: its counters joined with its slots, each from its own store. */
async function readAggregate(tx: WriteTransaction, projectId: string, month: Month): Promise<Aggregate | undefined> {
  const [counts, slots] = await Promise.all([tx.objectStore('aggregates').get([projectId, month]), tx.objectStore('topSlots').get([projectId, month])]);
  return counts && joinAggregate(counts, slots);
}

async function writeCounts(tx: WriteTransaction, aggregate: Aggregate): Promise<void> {
  await tx.objectStore('aggregates').put(splitAggregate(aggregate).counts);
}

async function writeSlots(tx: WriteTransaction, aggregate: Aggregate): Promise<void> {
  await tx.objectStore('topSlots').put(splitAggregate(aggregate).slots);
}

/** A whole month aggregate written, its counters and its slots. */
export async function writeAggregate(tx: WriteTransaction, aggregate: Aggregate): Promise<void> {
  await writeCounts(tx, aggregate);
  await writeSlots(tx, aggregate);
}

/**
 * The month aggregates that retention froze (months before the project's searchesKeptFrom): their searches are
 * gone, so nothing can count them again.
 */
export async function frozenAggregates(
  stores: { aggregates: { getAll(range: IDBKeyRange): Promise<MonthCounts[]> }; topSlots: { getAll(range: IDBKeyRange): Promise<MonthSlots[]> } },
  project: Pick<Project, 'id' | 'searchesKeptFrom'>,
): Promise<Aggregate[]> {
  if (!project.searchesKeptFrom) return [];
  const frozen = IDBKeyRange.bound([project.id, ''], [project.id, project.searchesKeptFrom], false, true);
  const [counts, slots] = await Promise.all([stores.aggregates.getAll(frozen), stores.topSlots.getAll(frozen)]);
  const slotsOf = new Map(slots.map((monthSlots) => [monthSlots.month, monthSlots]));
  return counts.map((monthCounts) => joinAggregate(monthCounts, slotsOf.get(monthCounts.month)));
}

/**
 * The month aggregates one write touches. A mention can only count in the months it was seen in (slots and
 * forum tone both come from observations), so a change visits those months and no others. A mark only moves
 * counts, so only a snapshot (which fills slots) writes the month's slots back.
 */
export class MonthAggregates {
  private readonly loaded = new Map<Month, Aggregate | undefined>();
  private readonly countsChanged = new Set<Month>();
  private readonly slotsChanged = new Set<Month>();

  constructor(
    private readonly tx: WriteTransaction,
    private readonly project: Pick<Project, 'id' | 'minSuggestionConfidence'>,
  ) {}

  async forMonth(month: Month, create: true): Promise<Aggregate>;
  async forMonth(month: Month, create: boolean): Promise<Aggregate | undefined>;
  async forMonth(month: Month, create: boolean): Promise<Aggregate | undefined> {
    if (!this.loaded.has(month)) this.loaded.set(month, await readAggregate(this.tx, this.project.id, month));
    const aggregate = this.loaded.get(month);
    if (aggregate || !create) return aggregate;
    const created = emptyAggregate(this.project.id, month);
    this.loaded.set(month, created);
    this.slotsChanged.add(month);
    this.countsChanged.add(month);
    return created;
  }

  /** A snapshot was applied to the aggregate: its slots and its counts changed. */
  slotsFilled(aggregate: Aggregate): void {
    this.slotsChanged.add(aggregate.month);
    this.countsChanged.add(aggregate.month);
  }

  async applyMentionChange(before: Mention | undefined, after: Mention): Promise<void> {
    const forumMonths = { before: forumMonthsOf(before), after: forumMonthsOf(after) };
    for (const month of new Set([...(before?.months ?? []), ...after.months])) {
      const aggregate = await this.forMonth(month, forumMonths.after.includes(month));
      if (!aggregate) continue;
      if (applyMentionChange(aggregate, after.canonicalUrl, before, after, forumMonths, this.project)) this.countsChanged.add(month);
    }
  }

  async writeBack(): Promise<void> {
    for (const [month, aggregate] of this.loaded) {
      if (!aggregate) continue;
      if (this.countsChanged.has(month)) await writeCounts(this.tx, aggregate);
      if (this.slotsChanged.has(month)) await writeSlots(this.tx, aggregate);
    }
  }
}

/** The stores a rebuild of a project's counters writes. */
export const COUNTER_STORES = ['snapshots', 'mentions', 'aggregates', 'topSlots', 'portals', 'settings'] as const;

/**
 * Recomputes everything derived from a project's raw records: the month aggregates, the portals' link counts and
 * the marked-mention counter (after a change to what counts, or as a repair).
 */
export async function rebuildProjectCounters(
  tx: WriteTransaction,
  project: Project,
  normalizeQuery: (q: string) => string,
  /** The project's raw records when the caller holds them all already (an import), so they are not read back. */
  held?: { snapshots: readonly Snapshot[]; mentions: readonly Mention[] },
): Promise<Aggregate[]> {
  const snapshots = held?.snapshots ?? (await tx.objectStore('snapshots').index('byProject').getAll(project.id));
  const mentions = held?.mentions ?? (await tx.objectStore('mentions').getAll(projectKeyRange(project.id)));
  // Months whose searches were deleted for retention keep the counters they ended with.
  const recountedFrom = project.searchesKeptFrom ?? '';
  const recounted = IDBKeyRange.bound([project.id, recountedFrom], [project.id, []]);
  await tx.objectStore('aggregates').delete(recounted);
  await tx.objectStore('topSlots').delete(recounted);
  const rebuilt = rebuildAggregates(project, snapshots, mentions, normalizeQuery).filter((aggregate) => aggregate.month >= recountedFrom);
  for (const aggregate of rebuilt) await writeAggregate(tx, aggregate);
  const portals = tx.objectStore('portals');
  for (const portal of rebuildPortalLinks(await portals.index('byProject').getAll(project.id), mentions)) await portals.put(portal);
  const markedCount = mentions.filter((mention) => mention.mark !== null).length;
  await tx.objectStore('settings').put({ key: markedCountKey(project.id), value: markedCount });
  return rebuilt;
}

/** The stores a month's report is read from, with the project and the settings beside them. */
const REPORT_STORES = ['projects', 'aggregates', 'portals', 'settings'] as const;
type ReportTransaction = IDBPTransaction<LensDB, typeof REPORT_STORES, 'readonly'>;

/** The month's report of `project` with the year before it for the sparklines: O(months + portals), never O(mentions). */
async function reportIn(tx: ReportTransaction, project: Project, month: Month): Promise<KpiReport> {
  // The month before the first sparkline month is read too: the first month's change is measured against it.
  const from = addMonths(month, -SPARKLINE_MONTHS);
  const [aggregates, portals, marked] = await Promise.all([
    tx.objectStore('aggregates').getAll(IDBKeyRange.bound([project.id, from], [project.id, month])),
    tx.objectStore('portals').index('byProject').getAll(project.id),
    tx.objectStore('settings').get(markedCountKey(project.id)),
  ]);
  const recent = computeKpiHistory({ project, through: month, aggregates, portals, notBefore: nextMonth(from) });
  const report = recent.at(-1)!;
  return { ...report, markedCount: Number(marked?.value ?? 0), recent: recent.map(summaryOf) };
}

/** The month aggregates as the popup reads them, and their repair. */
export class AggregateRepository {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
  ) {}

  /** A project's month report (reportIn). */
  async kpiReport(projectId: string, month: Month): Promise<KpiReport> {
    const tx = this.db.transaction(REPORT_STORES);
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    return reportIn(tx, project, month);
  }

  /**
   * What the popup opens with, read in one transaction in two rounds (the popup waits for it): every project, the
   * active one's id, the project shown (`projectId`, else the active one; null when there is none) and its month's
   * report.
   */
  async popupReport(
    projectId: string | undefined,
    month: Month,
  ): Promise<{ projects: Project[]; activeProjectId: string | null; project: Project | null; report: KpiReport | null }> {
    const tx = this.db.transaction(REPORT_STORES);
    const [stored, active] = await Promise.all([tx.objectStore('projects').getAll(), tx.objectStore('settings').get(ACTIVE_PROJECT_KEY)]);
    const projects = inCreationOrder(stored);
    const activeProjectId = activeProjectIdAmong(active?.value, projects);
    const id = projectId ?? activeProjectId;
    const project = projects.find((candidate) => candidate.id === id);
    if (id !== null && !project) throw new LocalizedError(problem('projectGone'));
    return { projects, activeProjectId, project: project ?? null, report: project ? await reportIn(tx, project, month) : null };
  }

  /** Every month's KPIs from the baseline month through `through` (the history chart, the report, the KPI table). */
  async kpiHistory(projectId: string, through: Month): Promise<MonthReport[]> {
    const tx = this.db.transaction(['projects', 'aggregates', 'portals']);
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const [aggregates, portals] = await Promise.all([
      tx.objectStore('aggregates').index('byProject').getAll(projectId),
      tx.objectStore('portals').index('byProject').getAll(projectId),
    ]);
    return computeKpiHistory({ project, through, aggregates, portals });
  }

  /** Every month's aggregate, counters and slots joined. */
  async getAggregates(projectId: string): Promise<Aggregate[]> {
    const tx = this.db.transaction(['aggregates', 'topSlots']);
    const [counts, slots] = await Promise.all([tx.objectStore('aggregates').getAll(projectKeyRange(projectId)), tx.objectStore('topSlots').getAll(projectKeyRange(projectId))]);
    const slotsByMonth = new Map(slots.map((month) => [month.month, month]));
    return counts.map((month) => joinAggregate(month, slotsByMonth.get(month.month)));
  }

  async rebuild(projectId: string): Promise<Aggregate[]> {
    const tx = this.db.transaction([...COUNTER_STORES, 'projects'], 'readwrite');
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const rebuilt = await rebuildProjectCounters(tx, project, this.normalizeQuery);
    await tx.done;
    return rebuilt;
  }
}
