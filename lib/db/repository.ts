import {
  applyMentionChange,
  applySnapshot,
  displacedUrls,
  emptyAggregate,
  forumMonthsOf,
  isKeyQuery,
  rebuildAggregates,
} from '../kpi/aggregate';
import { computeKpiReport, previousMonth, type KpiReport } from '../kpi';
import {
  ProjectInputSchema,
  monthBounds,
  monthOf,
  type Aggregate,
  type ClientFlags,
  type Lang,
  type MarkSentiment,
  type Mention,
  type MentionKind,
  type Month,
  type Project,
  type ProjectInput,
  type Sentiment,
  type Suggestion,
} from '../schema';
import { LearnedModelSchema, forgetMark, learnedModelOf, learnFromMark, type LearnedModel } from '../sentiment';
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { LensDB, LensDatabase } from './database';

/** What the background derives from one item on a page before storing it. */
export interface MentionDraft {
  canonicalUrl: string;
  url: string;
  domain: string;
  kind: MentionKind;
  title: string;
  excerpt: string;
  lang: Lang;
  suggested: Suggestion | null;
  flags: ClientFlags;
}

export interface PageObservation {
  projectId: string;
  engine: string;
  /** Present for search pages: the normalised query and the rank of the first item. */
  serp?: { query: string; firstRank: number };
  items: MentionDraft[];
  at: number;
}

export interface MarkChange {
  sentiment: MarkSentiment | null;
  recommends: boolean;
}

export interface SuggestionAgreement {
  month: Month;
  /** Marks set this month whose sentiment equals what we suggested at the time. */
  agreed: number;
  /** Marks set this month with a sentiment (irrelevant excluded) that had a suggestion. */
  total: number;
}

const isSentiment = (value: MarkSentiment | null | undefined): value is Sentiment =>
  value === 'positive' || value === 'neutral' || value === 'negative';

export class ProjectValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`).join('; '));
    this.name = 'ProjectValidationError';
  }
}

/** The text a suggestion is computed from, and the model learns from. */
export function textOfMention(mention: Pick<Mention, 'title' | 'excerpt'>): string {
  return [mention.title, mention.excerpt].filter(Boolean).join('. ');
}

const ACTIVE_PROJECT_KEY = 'activeProjectId';
const learnedModelKey = (projectId: string) => `learned:${projectId}`;
/** Settings key of the project's marked-mention counter, kept with every mark so the popup never counts marks. */
export const markedCountKey = (projectId: string) => `markedCount:${projectId}`;

type WriteTransaction = IDBPTransaction<LensDB, ArrayLike<StoreNames<LensDB>>, 'readwrite'>;

/** Removes every record of one project from a store keyed by project (through its byProject index). */
async function deleteProjectRecords(
  tx: WriteTransaction,
  store: 'mentions' | 'snapshots' | 'aggregates' | 'portals' | 'promotion',
  projectId: string,
): Promise<void> {
  const records = tx.objectStore(store);
  for (let cursor = await records.index('byProject').openKeyCursor(projectId); cursor; cursor = await cursor.continue()) {
    await records.delete(cursor.primaryKey);
  }
}

type AggregateStore = IDBPObjectStore<LensDB, ArrayLike<StoreNames<LensDB>>, 'aggregates', 'readwrite'>;

/**
 * The month aggregates one write touches, loaded on first use and written back once. A mention can only
 * count in the months it was seen in (slots and forum tone both come from observations), so a change
 * visits those months and no others.
 */
class MonthAggregates {
  private readonly loaded = new Map<Month, Aggregate | undefined>();
  private readonly dirty = new Set<Aggregate>();

  constructor(
    private readonly store: AggregateStore,
    private readonly projectId: string,
  ) {}

  async forMonth(month: Month, create: true): Promise<Aggregate>;
  async forMonth(month: Month, create: boolean): Promise<Aggregate | undefined>;
  async forMonth(month: Month, create: boolean): Promise<Aggregate | undefined> {
    if (!this.loaded.has(month)) this.loaded.set(month, await this.store.get([this.projectId, month]));
    let aggregate = this.loaded.get(month);
    if (!aggregate && create) {
      aggregate = emptyAggregate(this.projectId, month);
      this.loaded.set(month, aggregate);
      this.dirty.add(aggregate);
    }
    return aggregate;
  }

  changed(aggregate: Aggregate): void {
    this.dirty.add(aggregate);
  }

  async applyMentionChange(before: Mention | undefined, after: Mention): Promise<void> {
    const forumMonths = { before: forumMonthsOf(before), after: forumMonthsOf(after) };
    for (const month of new Set([...(before?.months ?? []), ...after.months])) {
      const aggregate = await this.forMonth(month, forumMonths.after.includes(month));
      if (!aggregate) continue;
      if (applyMentionChange(aggregate, after.canonicalUrl, before, after, forumMonths)) this.dirty.add(aggregate);
    }
  }

  async writeBack(): Promise<void> {
    for (const aggregate of this.dirty) await this.store.put(aggregate);
  }
}

/**
 * The background's only door to IndexedDB. Every write that changes what a KPI counts updates the month
 * aggregates in the same transaction, so a crash can never leave the counters out of step with the records.
 */
export class LensRepository {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  listProjects(): Promise<Project[]> {
    return this.db.getAll('projects').then((projects) => projects.sort((a, b) => a.createdAt - b.createdAt));
  }

  getProject(id: string): Promise<Project | undefined> {
    return this.db.get('projects', id);
  }

  async getActiveProjectId(): Promise<string | null> {
    const setting = await this.db.get('settings', ACTIVE_PROJECT_KEY);
    if (typeof setting?.value !== 'string') return null;
    return (await this.getProject(setting.value)) ? setting.value : null;
  }

  async setActiveProject(id: string | null): Promise<void> {
    if (id !== null && !(await this.getProject(id))) throw new Error(`No project with id ${id}`);
    await this.db.put('settings', { key: ACTIVE_PROJECT_KEY, value: id });
  }

  async getSetting(key: string): Promise<unknown> {
    return (await this.db.get('settings', key))?.value;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', { key, value });
  }

  /** Validates the whole input first: a refused project leaves nothing half-saved. */
  async saveProject(input: ProjectInput | Record<string, unknown>, id?: string, now = Date.now()): Promise<Project> {
    const parsed = ProjectInputSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.filter((part) => typeof part === 'string').join('.') || 'form';
        fieldErrors[field] ??= issue.message;
      }
      throw new ProjectValidationError(fieldErrors);
    }
    const tx = this.db.transaction(['projects', 'settings', 'snapshots', 'mentions', 'aggregates'], 'readwrite');
    const existing = id ? await tx.objectStore('projects').get(id) : undefined;
    if (id && !existing) throw new Error(`No project with id ${id}`);
    const project: Project = {
      ...parsed.data,
      id: existing?.id ?? this.newId(),
      baselineMonth: existing?.baselineMonth ?? monthOf(now),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.objectStore('projects').put(project);
    const active = await tx.objectStore('settings').get(ACTIVE_PROJECT_KEY);
    if (typeof active?.value !== 'string') await tx.objectStore('settings').put({ key: ACTIVE_PROJECT_KEY, value: project.id });
    // Client domains change what counts too, but through the mentions' flags: refreshClientFlags rebuilds then.
    if (existing && existing.keyQueries.join('\n') !== project.keyQueries.join('\n')) {
      await this.rebuildInTransaction(tx, project);
    }
    await tx.done;
    return project;
  }

  async deleteProject(id: string): Promise<void> {
    const stores = ['projects', 'mentions', 'snapshots', 'aggregates', 'portals', 'promotion', 'settings'] as const;
    const tx = this.db.transaction([...stores], 'readwrite');
    await tx.objectStore('projects').delete(id);
    for (const store of ['mentions', 'snapshots', 'aggregates', 'portals', 'promotion'] as const) {
      await deleteProjectRecords(tx, store, id);
    }
    for (const key of [learnedModelKey(id), markedCountKey(id)]) await tx.objectStore('settings').delete(key);
    const active = await tx.objectStore('settings').get(ACTIVE_PROJECT_KEY);
    if (active?.value === id) {
      const remaining = await tx.objectStore('projects').getAll();
      const next = remaining.sort((a, b) => a.createdAt - b.createdAt)[0];
      await tx.objectStore('settings').put({ key: ACTIVE_PROJECT_KEY, value: next?.id ?? null });
    }
    await tx.done;
  }

  getMentions(projectId: string, canonicalUrls: readonly string[]): Promise<(Mention | undefined)[]> {
    const tx = this.db.transaction('mentions');
    return Promise.all(canonicalUrls.map((url) => tx.store.get([projectId, url])));
  }

  /** Stores what a page showed: its mentions, and for a key query its snapshot in the month's top-20. */
  async observePage(observation: PageObservation): Promise<Mention[]> {
    const project = await this.getProject(observation.projectId);
    if (!project) throw new Error(`No project with id ${observation.projectId}`);
    const month = monthOf(observation.at);
    const tx = this.db.transaction(['mentions', 'snapshots', 'aggregates'], 'readwrite');
    const aggregates = new MonthAggregates(tx.objectStore('aggregates'), project.id);
    const current = new Map<string, Mention>();
    const stored: Mention[] = [];
    for (const draft of observation.items) {
      const before = current.get(draft.canonicalUrl) ?? (await tx.objectStore('mentions').get([project.id, draft.canonicalUrl]));
      const after: Mention = {
        ...draft,
        projectId: project.id,
        mark: before?.mark ?? null,
        months: before?.months.includes(month) ? before.months : [...(before?.months ?? []), month],
        firstSeen: before?.firstSeen ?? observation.at,
        lastSeen: observation.at,
      };
      await tx.objectStore('mentions').put(after);
      current.set(after.canonicalUrl, after);
      stored.push(after);
      await aggregates.applyMentionChange(before, after);
    }
    if (observation.serp && observation.items.length > 0) {
      const snapshot = {
        projectId: project.id,
        engine: observation.engine,
        query: observation.serp.query,
        firstRank: observation.serp.firstRank,
        capturedAt: observation.at,
        month,
        urls: observation.items.map((item) => item.canonicalUrl),
      };
      await tx.objectStore('snapshots').add(snapshot);
      if (isKeyQuery(project, snapshot.query, this.normalizeQuery)) {
        const aggregate = await aggregates.forMonth(month, true);
        for (const url of displacedUrls(aggregate, snapshot)) {
          if (current.has(url)) continue;
          const mention = await tx.objectStore('mentions').get([project.id, url]);
          if (mention) current.set(url, mention);
        }
        applySnapshot(aggregate, snapshot, (url) => current.get(url));
        aggregates.changed(aggregate);
      }
    }
    await aggregates.writeBack();
    await tx.done;
    return stored;
  }

  /**
   * Records the user's mark. The draft creates the mention when the page was seen before the project
   * existed; a cleared mark (no sentiment, no recommends) removes the mark entirely. The project's learned
   * model follows the marked sentiment in the same transaction.
   */
  async setMark(projectId: string, draft: MentionDraft, change: MarkChange, at = Date.now()): Promise<Mention> {
    const tx = this.db.transaction(['projects', 'mentions', 'aggregates', 'settings'], 'readwrite');
    if (!(await tx.objectStore('projects').get(projectId))) throw new Error(`No project with id ${projectId}`);
    const before = await tx.objectStore('mentions').get([projectId, draft.canonicalUrl]);
    const month = monthOf(at);
    const cleared = change.sentiment === null && !change.recommends;
    const sentimentChanged = before?.mark?.sentiment !== change.sentiment;
    const mark = cleared
      ? null
      : {
          ...change,
          at,
          suggestedAtMark: sentimentChanged
            ? ((before ?? draft).suggested?.label ?? null)
            : (before?.mark?.suggestedAtMark ?? null),
        };
    const after: Mention = before
      ? { ...before, mark }
      : { ...draft, projectId, mark, months: [month], firstSeen: at, lastSeen: at };
    await tx.objectStore('mentions').put(after);
    const aggregates = new MonthAggregates(tx.objectStore('aggregates'), projectId);
    await aggregates.applyMentionChange(before, after);
    await aggregates.writeBack();
    const markedDelta = Number(after.mark !== null) - Number(before?.mark != null);
    if (markedDelta !== 0) {
      const settings = tx.objectStore('settings');
      const count = Number((await settings.get(markedCountKey(projectId)))?.value ?? 0);
      await settings.put({ key: markedCountKey(projectId), value: count + markedDelta });
    }
    if (sentimentChanged) await this.relearn(tx, projectId, after, before?.mark?.sentiment, change.sentiment);
    await tx.done;
    return after;
  }

  /**
   * A new mark is one more learning step and a taken-back mark one step back, so a click stays cheap however
   * many marks the project has. A model stored by an older version is rebuilt by replaying the project's marks
   * in the order they were made (this change is already stored, so it is among them).
   */
  private async relearn(
    tx: WriteTransaction,
    projectId: string,
    mention: Mention,
    previous: MarkSentiment | null | undefined,
    next: MarkSentiment | null,
  ): Promise<void> {
    if (!isSentiment(previous) && !isSentiment(next)) return;
    const settings = tx.objectStore('settings');
    const stored = LearnedModelSchema.safeParse((await settings.get(learnedModelKey(projectId)))?.value);
    let model: LearnedModel;
    if (stored.success) {
      const text = textOfMention(mention);
      model = stored.data;
      if (isSentiment(previous)) model = forgetMark(model, text, previous, mention.lang);
      if (isSentiment(next)) model = learnFromMark(model, text, next, mention.lang);
    } else {
      model = learnedModelOf(await this.sentimentMarksInOrder(tx, projectId));
    }
    await settings.put({ key: learnedModelKey(projectId), value: model });
  }

  private async sentimentMarksInOrder(tx: WriteTransaction, projectId: string) {
    const marked = await tx
      .objectStore('mentions')
      .index('byProjectMarkedAt')
      .getAll(IDBKeyRange.bound([projectId, -Infinity], [projectId, Infinity]));
    return marked.flatMap((mention) => {
      const label = mention.mark?.sentiment;
      return isSentiment(label) ? [{ text: textOfMention(mention), label, lang: mention.lang }] : [];
    });
  }

  async getLearnedModel(projectId: string): Promise<LearnedModel | undefined> {
    const stored = LearnedModelSchema.safeParse(await this.getSetting(learnedModelKey(projectId)));
    return stored.success ? stored.data : undefined;
  }

  /** How often our suggestions matched the sentiments the user set in a month (an index range, not a scan). */
  async suggestionAgreement(projectId: string, month: Month): Promise<SuggestionAgreement> {
    const [start, end] = monthBounds(month);
    const marked = await this.db.getAllFromIndex(
      'mentions',
      'byProjectMarkedAt',
      IDBKeyRange.bound([projectId, start], [projectId, end], false, true),
    );
    let agreed = 0;
    let total = 0;
    for (const { mark } of marked) {
      if (!mark || !isSentiment(mark.sentiment) || mark.suggestedAtMark === null) continue;
      total += 1;
      if (mark.suggestedAtMark === mark.sentiment) agreed += 1;
    }
    return { month, agreed, total };
  }

  async kpiReport(projectId: string, month: Month): Promise<KpiReport> {
    const project = await this.getProject(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    const tx = this.db.transaction(['aggregates', 'portals', 'settings']);
    const [current, previous, portals, marked] = await Promise.all([
      tx.objectStore('aggregates').get([projectId, month]),
      tx.objectStore('aggregates').get([projectId, previousMonth(month)]),
      tx.objectStore('portals').index('byProject').getAll(projectId),
      tx.objectStore('settings').get(markedCountKey(projectId)),
    ]);
    return computeKpiReport({ project, month, current, previous, portals, markedCount: Number(marked?.value ?? 0) });
  }

  getAggregates(projectId: string): Promise<Aggregate[]> {
    return this.db.getAllFromIndex('aggregates', 'byProject', projectId);
  }

  /**
   * After the client's domains or brand terms change, re-derives every stored mention's badges (client site,
   * links to, mentions) and the aggregates that depend on them, in one transaction.
   */
  async refreshClientFlags(projectId: string, flagsOf: (mention: Mention) => ClientFlags): Promise<void> {
    const project = await this.getProject(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    const tx = this.db.transaction(['snapshots', 'mentions', 'aggregates', 'settings'], 'readwrite');
    const mentions = tx.objectStore('mentions');
    for (let cursor = await mentions.index('byProject').openCursor(projectId); cursor; cursor = await cursor.continue()) {
      await cursor.update({ ...cursor.value, flags: flagsOf(cursor.value) });
    }
    await this.rebuildInTransaction(tx, project);
    await tx.done;
  }

  /** Recomputes a project's aggregates from its raw records (after a change to what counts, or a repair). */
  async rebuildAggregates(projectId: string): Promise<Aggregate[]> {
    const project = await this.getProject(projectId);
    if (!project) throw new Error(`No project with id ${projectId}`);
    const tx = this.db.transaction(['snapshots', 'mentions', 'aggregates', 'settings'], 'readwrite');
    const rebuilt = await this.rebuildInTransaction(tx, project);
    await tx.done;
    return rebuilt;
  }

  private async rebuildInTransaction(
    tx: WriteTransaction,
    project: Project,
  ): Promise<Aggregate[]> {
    const snapshots = await tx.objectStore('snapshots').index('byProject').getAll(project.id);
    const mentions = await tx.objectStore('mentions').index('byProject').getAll(project.id);
    await deleteProjectRecords(tx, 'aggregates', project.id);
    const aggregates = tx.objectStore('aggregates');
    const rebuilt = rebuildAggregates(project, snapshots, mentions, this.normalizeQuery);
    for (const aggregate of rebuilt) await aggregates.put(aggregate);
    const markedCount = mentions.filter((mention) => mention.mark !== null).length;
    await tx.objectStore('settings').put({ key: markedCountKey(project.id), value: markedCount });
    return rebuilt;
  }
}
