import { LocalizedError, problem } from '../i18n/problems';
import { applySnapshot, displacedUrls, isKeyQuery } from '../kpi/aggregate';
import { isPortalKind, type PortalObservation } from '../kpi/portals';
import {
  monthBounds,
  monthOf,
  type ClientFlags,
  type Lang,
  type Mark,
  type MarkSentiment,
  type Mention,
  type MentionKind,
  type Month,
  type Project,
  type Sentiment,
  type Suggestion,
} from '../schema';
import { inKeyOrder } from '../schema/key-order';
import { LearnedModelSchema, forgetMark, learnedModelOf, learnFromMark, type LearnedModel } from '../sentiment';
import { COUNTER_STORES, MonthAggregates, rebuildProjectCounters } from './aggregates';
import type { LensDatabase } from './database';
import { PortalWrites } from './portals';
import { learnedModelKey, markedCountKey, markedMentionsRange, projectKeyRange, type WriteTransaction } from './stores';

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
  linkedUrls?: string[];
}

export interface PageObservation {
  projectId: string;
  engine: string;
  /** Present for search pages: the normalised query and the rank of the first item. */
  serp?: { query: string; firstRank: number };
  /** Present for forum pages: the visit of the portal the posts are on. */
  portal?: PortalObservation;
  items: MentionDraft[];
  at: number;
}

export interface MarkChange {
  sentiment: MarkSentiment | null;
  recommends: boolean;
}

/** A change to marks already set: what it leaves out (the sentiment or "recommends") stays as each mention has it. */
export type MarkEdit = Partial<MarkChange>;

export interface SuggestionAgreement {
  month: Month;
  /** Marks set this month whose sentiment equals what we suggested at the time. */
  agreed: number;
  /** Marks set this month with a sentiment (irrelevant excluded) that had a suggestion. */
  total: number;
}

const isSentiment = (value: MarkSentiment | null | undefined): value is Sentiment =>
  value === 'positive' || value === 'neutral' || value === 'negative';

/**
 * The text a suggestion is computed from, and the model learns from. A post or a marked passage is judged by its
 * own words: the thread's or the page's title is shared by every post on it.
 */
export function textOfMention(mention: Pick<Mention, 'kind' | 'title' | 'excerpt'>): string {
  if (isPortalKind(mention.kind)) return mention.excerpt;
  return [mention.title, mention.excerpt].filter(Boolean).join('. ');
}

/**
 * The mention after one more sighting. A forum post or marked page that also shows up among search results keeps
 * what its own text says (label, badges, excerpt); the search result's snippet only says less.
 */
function observedMention(before: Mention | undefined, draft: MentionDraft, projectId: string, at: number): Mention {
  const month = monthOf(at);
  const keepsOwnText = before !== undefined && isPortalKind(before.kind) && !isPortalKind(draft.kind);
  return {
    ...(keepsOwnText ? before : draft),
    projectId,
    mark: before?.mark ?? null,
    months: before?.months.includes(month) ? before.months : [...(before?.months ?? []), month],
    firstSeen: before?.firstSeen ?? at,
    lastSeen: at,
  };
}

/** `suggested` is what we suggest for the mention at the time: a new sentiment keeps it to measure agreement. */
function markAfter(before: Mention | undefined, suggested: Suggestion | null, change: MarkChange, at: number): Mark | null {
  if (change.sentiment === null && !change.recommends) return null;
  const sentimentChanged = before?.mark?.sentiment !== change.sentiment;
  return {
    ...change,
    at,
    suggestedAtMark: sentimentChanged ? (suggested?.label ?? null) : (before?.mark?.suggestedAtMark ?? null),
  };
}

const markChangeOf = (mark: Mark | null): MarkChange => ({ sentiment: mark?.sentiment ?? null, recommends: mark?.recommends ?? false });

const MARK_STORES = ['projects', 'mentions', 'aggregates', 'topSlots', 'portals', 'settings'] as const;

/**
 * What marks change besides the mentions: the month aggregates, the portals' link counts and the marked-mention
 * counter, each loaded once per transaction and written back once however many mentions the transaction marks.
 */
class MarkCounters {
  readonly portals: PortalWrites;
  private readonly aggregates: MonthAggregates;
  private markedDelta = 0;

  constructor(
    private readonly tx: WriteTransaction,
    private readonly project: Pick<Project, 'id' | 'minSuggestionConfidence'>,
  ) {
    this.aggregates = new MonthAggregates(tx, project);
    this.portals = new PortalWrites(tx.objectStore('portals'), project.id);
  }

  async applyMentionChange(before: Mention | undefined, after: Mention): Promise<void> {
    await this.aggregates.applyMentionChange(before, after);
    await this.portals.applyMentionChange(before, after);
    this.markedDelta += Number(after.mark !== null) - Number(before?.mark != null);
  }

  async writeBack(): Promise<void> {
    await this.aggregates.writeBack();
    await this.portals.writeBack();
    if (this.markedDelta === 0) return;
    const settings = this.tx.objectStore('settings');
    const count = Number((await settings.get(markedCountKey(this.project.id)))?.value ?? 0);
    await settings.put({ key: markedCountKey(this.project.id), value: count + this.markedDelta });
  }
}

/**
 * Mentions and what is learned from them. Every write that changes what a KPI counts updates the month aggregates
 * and the portal records in the same transaction, so a crash never leaves the counters out of step with the records.
 */
export class MentionRepository {
  constructor(
    private readonly db: LensDatabase,
    private readonly normalizeQuery: (q: string) => string,
  ) {}

  getMentions(projectId: string, canonicalUrls: readonly string[]): Promise<(Mention | undefined)[]> {
    const tx = this.db.transaction('mentions');
    return Promise.all(canonicalUrls.map((url) => tx.store.get([projectId, url])));
  }

  /** Every mention on one domain (a portal's), through the domain index. */
  mentionsOnDomain(projectId: string, domain: string): Promise<Mention[]> {
    return this.db.getAllFromIndex('mentions', 'byProjectDomain', [projectId, domain]);
  }

  /**
   * Stores what a page showed: its mentions; for a key query its snapshot in the month's top-20; for a forum page
   * the visit of its portal.
   */
  async observePage(observation: PageObservation): Promise<Mention[]> {
    const tx = this.db.transaction(['projects', 'mentions', 'snapshots', 'aggregates', 'topSlots', 'portals'], 'readwrite');
    const project = await tx.objectStore('projects').get(observation.projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const month = monthOf(observation.at);
    const aggregates = new MonthAggregates(tx, project);
    const portals = new PortalWrites(tx.objectStore('portals'), project.id);
    if (observation.portal && observation.items.length > 0) await portals.observe(observation.portal);
    // The items' stored mentions are asked for at once and the new ones put at once (in page order: a URL listed
    // twice is stored as last seen): the requests queue in the transaction, where waiting for each in turn cost a
    // round trip to the database per item, most of a 100-result page's write.
    const mentions = tx.objectStore('mentions');
    const current = new Map<string, Mention>();
    await readMissing(mentions, project.id, [...new Set(observation.items.map((draft) => draft.canonicalUrl))], current);
    const stored: Mention[] = [];
    for (const draft of observation.items) {
      const before = current.get(draft.canonicalUrl);
      const after = observedMention(before, draft, project.id, observation.at);
      current.set(after.canonicalUrl, after);
      stored.push(after);
      await aggregates.applyMentionChange(before, after);
      await portals.applyMentionChange(before, after);
    }
    await Promise.all(stored.map((mention) => mentions.put(inKeyOrder(mention))));
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
        await readMissing(mentions, project.id, displacedUrls(aggregate, snapshot), current);
        applySnapshot(aggregate, snapshot, (url) => current.get(url), project);
        aggregates.slotsFilled(aggregate);
      }
    }
    await aggregates.writeBack();
    await portals.writeBack();
    await tx.done;
    return stored;
  }

  /**
   * Records the user's mark. The draft creates the mention when the page was seen before the project existed
   * (then `portal` is the visit it was seen on); a cleared mark (no sentiment, no recommends) removes the mark
   * entirely. The project's learned model follows the marked sentiment in the same transaction.
   */
  async setMark(projectId: string, draft: MentionDraft, change: MarkChange, at = Date.now(), portal?: PortalObservation): Promise<Mention> {
    return (await this.writeMark(projectId, draft, change, at, { portal, observes: false })).mention;
  }

  /**
   * A mark clicked on a row that showed the mark set at `seenMarkAt` (null: none): written only when that is still
   * the stored mark, so a row left stale in another tab never undoes a newer mark. Otherwise nothing is written and
   * the stored mention comes back for the row to show. Without `seenMarkAt` the mark is written as it comes.
   */
  async setMarkSeen(
    projectId: string,
    draft: MentionDraft,
    change: MarkChange,
    seenMarkAt: number | null | undefined,
    at: number,
    portal?: PortalObservation,
  ): Promise<{ applied: boolean; mention: Mention }> {
    return this.writeMark(projectId, draft, change, at, { portal, observes: false, seenMarkAt });
  }

  /** A page (or passage) marked from the popup: the mark is also a sighting of the page and a visit of its portal. */
  async markPage(projectId: string, draft: MentionDraft, change: MarkChange, portal: PortalObservation): Promise<Mention> {
    return (await this.writeMark(projectId, draft, change, portal.at, { portal, observes: true })).mention;
  }

  private async writeMark(
    projectId: string,
    draft: MentionDraft,
    change: MarkChange,
    at: number,
    visit: { portal: PortalObservation | undefined; observes: boolean; seenMarkAt?: number | null },
  ): Promise<{ applied: boolean; mention: Mention }> {
    const tx = this.db.transaction(MARK_STORES, 'readwrite');
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const before = await tx.objectStore('mentions').get([projectId, draft.canonicalUrl]);
    if (visit.seenMarkAt !== undefined && (before?.mark?.at ?? null) !== visit.seenMarkAt) {
      await tx.done;
      return { applied: false, mention: before ?? observedMention(undefined, draft, projectId, at) };
    }
    const sighted = visit.observes || !before;
    const counters = new MarkCounters(tx, project);
    if (sighted && visit.portal) await counters.portals.observe(visit.portal);
    const after: Mention = {
      ...(sighted ? observedMention(before, draft, projectId, at) : before),
      mark: markAfter(before, (before ?? draft).suggested, change, at),
    };
    await this.storeMark(tx, counters, before, after);
    await counters.writeBack();
    await tx.done;
    return { applied: true, mention: after };
  }

  /**
   * The dashboard's bulk relabel: one edit of the marks of many stored mentions, in one transaction. Each mention
   * gets the mark a click on it would give it. URLs with no stored mention, and marks the edit would not change,
   * are left alone; the answer is how many marks changed.
   */
  async relabel(projectId: string, canonicalUrls: readonly string[], edit: MarkEdit, at = Date.now()): Promise<number> {
    const tx = this.db.transaction(MARK_STORES, 'readwrite');
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const counters = new MarkCounters(tx, project);
    let changed = 0;
    for (const canonicalUrl of new Set(canonicalUrls)) {
      const before = await tx.objectStore('mentions').get([projectId, canonicalUrl]);
      if (!before) continue;
      const current = markChangeOf(before.mark);
      const change = {
        sentiment: edit.sentiment === undefined ? current.sentiment : edit.sentiment,
        recommends: edit.recommends ?? current.recommends,
      };
      if (change.sentiment === current.sentiment && change.recommends === current.recommends) continue;
      await this.storeMark(tx, counters, before, { ...before, mark: markAfter(before, before.suggested, change, at) });
      changed += 1;
    }
    await counters.writeBack();
    await tx.done;
    return changed;
  }

  /** The step every mark takes: the mention stored, its counters moved, the learned model following its sentiment. */
  private async storeMark(tx: WriteTransaction, counters: MarkCounters, before: Mention | undefined, after: Mention): Promise<void> {
    await tx.objectStore('mentions').put(inKeyOrder(after));
    await counters.applyMentionChange(before, after);
    const previous = before?.mark?.sentiment;
    const next = after.mark?.sentiment ?? null;
    if (previous !== next) await this.relearn(tx, after.projectId, after, previous, next);
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
      .getAll(markedMentionsRange(projectId));
    return marked.flatMap((mention) => {
      const label = mention.mark?.sentiment;
      return isSentiment(label) ? [{ text: textOfMention(mention), label, lang: mention.lang }] : [];
    });
  }

  async getLearnedModel(projectId: string): Promise<LearnedModel | undefined> {
    const stored = LearnedModelSchema.safeParse((await this.db.get('settings', learnedModelKey(projectId)))?.value);
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

  /**
   * After the client's domains or brand terms change, re-derives every stored mention's badges (client site,
   * links to, mentions) and the counters that depend on them, in one transaction.
   */
  async refreshClientFlags(projectId: string, flagsOf: (mention: Mention) => ClientFlags): Promise<void> {
    const tx = this.db.transaction(['projects', ...COUNTER_STORES], 'readwrite');
    const project = await tx.objectStore('projects').get(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const mentions = tx.objectStore('mentions');
    for (let cursor = await mentions.openCursor(projectKeyRange(projectId)); cursor; cursor = await cursor.continue()) {
      await cursor.update({ ...cursor.value, flags: flagsOf(cursor.value) });
    }
    await rebuildProjectCounters(tx, project, this.normalizeQuery);
    await tx.done;
  }
}

/** Adds to `into` the stored mentions of those `urls` it does not hold yet, all asked for at once. */
async function readMissing(
  store: { get(key: [string, string]): Promise<Mention | undefined> },
  projectId: string,
  urls: readonly string[],
  into: Map<string, Mention>,
): Promise<void> {
  const missing = urls.filter((url) => !into.has(url));
  const found = await Promise.all(missing.map((url) => store.get([projectId, url])));
  found.forEach((mention, index) => mention && into.set(missing[index]!, mention));
}
