import type { UiLocale } from '../i18n';
import { LocalizedError, placedIssueProblem, problem, problemText, type Problem } from '../i18n/problems';
import { jsonSyntaxProblem } from '../backup/format';
import type { FileTransfers } from '../backup/transfer';
import { normalizeQuery } from '../match/url';
import { minSuggestionConfidenceOf } from '../kpi/label-state';
import { isKeyQuery } from '../kpi/aggregate';
import type { Handlers, ItemState } from '../messaging';
import { SiteOverridesSchema, type SiteOverrides } from '../sites/overrides';
import { MAX_URL_LENGTH, monthOf, previousMonth, type Mention, type Project } from '../schema';
import { STORAGE_FULL, isStorageFull } from '../db/connection';
import { ProjectValidationError, STORE_INCOGNITO_KEY, retentionDayKey, type LensRepository, type MentionDraft } from '../db/repository';
import { clientFlagsOf, draftMention, forumVisit } from './drafts';
import { stateOf, projectIdOf } from './handlers/common';
import { backupHandlers } from './handlers/backup';
import { kpiHandlers } from './handlers/kpi';
import { drilldownHandlers } from './handlers/drilldown';
import { mentionHandlers } from './handlers/mentions';
import { portalHandlers } from './handlers/portals';
import { promotionHandlers } from './handlers/promotion';
import { OVERRIDES_KEY, siteHandlers, tabPageStatus } from './handlers/sites';
import { coalescedPerFrame, type Observation, type ObservationAnswer } from './observations';
import { PendingMarks, type PendingMark } from './pending-marks';
import type { ReadyReports } from './ready-report';
import { senderPage, type SenderContext } from './sender';

export { draftMention } from './drafts';
export type { SenderContext } from './sender';

/** Each item's answer: its stored mention (its mark too) when there is one, else its suggestion and badges, unmarked. */
function itemStates(drafts: readonly MentionDraft[], stored: readonly (Mention | undefined)[]): ItemState[] {
  return drafts.map((draft, index) => stateOf(stored[index] ?? { ...draft, mark: null }));
}

/** What the badges of stored mentions depend on: when it changes, every mention's flags are worked out again. */
function sameClientIdentity(a: Project, b: Project): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.join('\n') === y.join('\n');
  return same(a.clientDomains, b.clientDomains) && same(a.brandTerms, b.brandTerms) && same(a.competitorDomains, b.competitorDomains);
}

/** Parses the dashboard's pasted overrides; the refusal names the JSON position or the invalid selector's place. */
export function parseOverrides(text: string): { overrides: SiteOverrides } | { problem: Problem } {
  if (text.trim() === '') return { overrides: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: jsonSyntaxProblem(text) };
  }
  const parsed = SiteOverridesSchema.safeParse(json);
  if (!parsed.success) return { problem: placedIssueProblem(parsed.error.issues[0]!) };
  return { overrides: parsed.data };
}

/**
 * The browser's side of "Audit this site": optional host permissions and the forum content script
 * registered at run time per granted origin (lib/background/site-access.ts implements it with the
 * permissions and scripting APIs; tests pass a fake).
 */
export interface SiteAccess {
  /** Origins (`https://host`) currently granted and registered. */
  audited(): Promise<string[]>;
  /** Registers the content script for an origin whose permission the user has just granted. */
  register(origin: string): Promise<void>;
  /** Unregisters the content script and removes the origin's permission. */
  revoke(origin: string): Promise<void>;
}

export interface ServiceHooks {
  /** Tells open popups and dashboards that a project's data changed. */
  onDataChanged: (projectId: string) => void;
  /** Where the popup's report for the active project this month is kept, worked out ahead (./ready-report.ts). */
  readyReports?: Pick<ReadyReports, 'begin' | 'keep'>;
  openDashboard: () => Promise<void>;
  siteAccess: SiteAccess;
  /** Where exported files wait for the dashboard, and imported ones for the background. */
  transfers: FileTransfers;
  /** Marks the database had no room for, until it has. */
  pendingMarks: PendingMarks;
  /** The interface language of the moment, for what the answers say in words (a form's refusals); English unless given. */
  locale?: () => Promise<UiLocale>;
  now?: () => number;
}

export function createHandlers(repository: LensRepository, hooks: ServiceHooks): Handlers<SenderContext> {
  // Read at each call, so a test can move the worker's clock (Date.now) to another month.
  const { onDataChanged, openDashboard, pendingMarks, now = () => Date.now(), locale = async () => 'en' as const } = hooks;
  /** A refusal an answer carries as data (not as an error answer), said in the interface language. */
  const say = async (said: Problem) => problemText(said, await locale());
  const { projects, mentions, aggregates } = repository;
  const deps = { repository, hooks, now };

  /** The active project, and the items drafted for it: suggestions, badges, keys. */
  const draftsOf = async ({ page, items }: Observation) => {
    const project = await projects.getActiveProject();
    const learned = project ? await mentions.getLearnedModel(project.id) : undefined;
    return { project, drafts: items.map((item) => draftMention(item, page, project, learned)) };
  };

  const answerOf = (project: Project | null, items: ItemState[]): ObservationAnswer => ({
    projectId: project?.id ?? null,
    projectName: project?.name ?? null,
    minSuggestionConfidence: project ? minSuggestionConfidenceOf(project) : 0,
    items,
  });

  /** Writes a mark as the user set it, at the time they set it, for the project the row was drawn for. */
  const storeMark = async ({ projectId, at, request: { page, item, sentiment, recommends, seenMarkAt } }: PendingMark) => {
    const project = await projects.getProject(projectId);
    if (!project) throw new LocalizedError(problem('projectGone'));
    const draft = draftMention(item, page, project, await mentions.getLearnedModel(project.id));
    const { applied, mention } = await mentions.setMarkSeen(project.id, draft, { sentiment, recommends }, seenMarkAt, at, forumVisit(page, [item], at));
    if (applied) onDataChanged(project.id);
    return { projectId: project.id, applied, item: stateOf(mention) };
  };

  /** Searches past the project's retention are deleted at its first stored page of each (UTC) day. */
  const applyRetentionDaily = async (project: Project, at: number) => {
    if (!project.retentionMonths) return;
    const day = Math.floor(at / 86_400_000);
    const key = retentionDayKey(project.id);
    if ((await projects.getSetting(key)) === day) return;
    await repository.history.applyRetention(project.id, at);
    await projects.putSetting(key, day);
  };

  /** Each item as stored (its mark too), else its suggestion. */
  const storedAnswer = async (project: Project, drafts: MentionDraft[]) =>
    answerOf(project, itemStates(drafts, await mentions.getMentions(project.id, drafts.map((draft) => draft.canonicalUrl))));

  /**
   * Stores what a page showed: a search page of one of the project's key queries, and a page of an audited site.
   * Any other search is answered from what is stored and leaves nothing behind (only what the user marks on it is
   * kept), and so is every page of a private window unless the user allowed storing them.
   * An item whose URL is too long to store is skipped, and answered all the same.
   */
  const storeObservation = async (observation: Observation, incognito: boolean): Promise<ObservationAnswer> => {
    const { page, items } = observation;
    const { project, drafts } = await draftsOf(observation);
    if (!project) return answerOf(null, itemStates(drafts, []));
    const keyQuery = page.kind === 'serp' && page.query !== undefined && isKeyQuery(project, normalizeQuery(page.query), normalizeQuery);
    if ((page.kind === 'serp' && !keyQuery) || (incognito && !(await storesIncognito()))) return storedAnswer(project, drafts);
    const at = now();
    const stored = await mentions.observePage({
      projectId: project.id,
      engine: page.site,
      serp:
        page.kind === 'serp' && page.query !== undefined
          ? // Results appended later (more results, partial reloads) start below the page's first rank.
            { query: normalizeQuery(page.query), firstRank: items[0]?.rank ?? page.firstRank ?? 1 }
          : undefined,
      portal: forumVisit(page, items, at),
      items: drafts.filter((draft) => draft.url.length <= MAX_URL_LENGTH),
      at,
    });
    onDataChanged(project.id);
    // The database had room for the page: marks kept while it was full may fit now.
    void pendingMarks.replay(storeMark).catch((error: unknown) => console.error('Kept marks:', error));
    // Deleting old searches scans the project's mentions: the page's rows do not wait for it.
    void applyRetentionDaily(project, at).catch((error: unknown) => console.error('Retention:', error));
    const storedByUrl = new Map(stored.map((mention) => [mention.canonicalUrl, mention]));
    return answerOf(project, itemStates(drafts, drafts.map((draft) => storedByUrl.get(draft.canonicalUrl))));
  };

  /** An observation a newer one replaced: nothing is written. */
  const answerWithoutStoring = async (observation: Observation): Promise<ObservationAnswer> => {
    const { project, drafts } = await draftsOf(observation);
    return project ? storedAnswer(project, drafts) : answerOf(null, itemStates(drafts, []));
  };

  const storesIncognito = async () => (await projects.getSetting(STORE_INCOGNITO_KEY)) === true;
  const observeFrom = (incognito: boolean) => coalescedPerFrame((observation) => storeObservation(observation, incognito), answerWithoutStoring);
  const observe = { normal: observeFrom(false), incognito: observeFrom(true) };

  return withStorageFullExplained({
    ...portalHandlers(deps),
    ...promotionHandlers(deps),
    ...mentionHandlers(deps),
    ...backupHandlers(deps),
    ...kpiHandlers(deps),
    ...drilldownHandlers(deps),
    ...siteHandlers(deps),

    async 'page.observe'({ page, items }, sender) {
      return observe[sender.incognito ? 'incognito' : 'normal'](sender.frameKey, { page: senderPage(page, sender), items });
    },

    // Written at once: a mark never waits for the sender's observations (see coalescedPerFrame).
    async 'mark.set'(request, sender) {
      const page = senderPage(request.page, sender);
      const project = await projects.getActiveProject();
      if (!project) throw new LocalizedError(problem('needsProject'));
      if (request.projectId !== undefined && project.id !== request.projectId) {
        throw new LocalizedError(problem('activeProjectChanged', { name: project.name }));
      }
      if (sender.incognito && !(await storesIncognito())) {
        throw new LocalizedError(problem('privateWindow'));
      }
      const mark: PendingMark = { projectId: project.id, at: now(), request: { ...request, page } };
      // Marks kept while the database was full go first: a later mark of the same item wins.
      await pendingMarks.replay(storeMark);
      try {
        return await storeMark(mark);
      } catch (error) {
        if (!isStorageFull(error)) throw error;
        if (!(await pendingMarks.keep(mark))) throw error;
        throw new LocalizedError(STORAGE_FULL, problem('markKeptForLater'));
      }
    },

    async 'projects.list'() {
      return { projects: await projects.listProjects(), activeProjectId: await projects.getActiveProjectId() };
    },

    async 'projects.save'({ id, input }) {
      try {
        const before = id ? await projects.getProject(id) : undefined;
        const project = await projects.saveProject(input, id, now());
        if (before && !sameClientIdentity(before, project)) {
          await mentions.refreshClientFlags(project.id, (mention) =>
            clientFlagsOf(project, {
              url: mention.url,
              title: mention.kind === 'serp-result' ? mention.title : '',
              snippet: mention.excerpt,
              linkedUrls: mention.linkedUrls,
            }),
          );
        }
        onDataChanged(project.id);
        return { saved: true as const, project };
      } catch (error) {
        if (!(error instanceof ProjectValidationError)) throw error;
        const fields = Object.entries(error.fieldProblems);
        return { saved: false as const, fieldErrors: Object.fromEntries(await Promise.all(fields.map(async ([field, said]) => [field, await say(said)]))) };
        throw error;
      }
    },

    async 'projects.delete'({ id }) {
      await projects.deleteProject(id);
      onDataChanged(id);
      return {};
    },

    async 'history.clear'({ id }) {
      const cleared = await repository.history.clear(id);
      onDataChanged(id);
      return cleared;
    },

    async 'privacy.get'() {
      return { storeIncognito: await storesIncognito() };
    },

    async 'privacy.set'({ storeIncognito }) {
      await projects.putSetting(STORE_INCOGNITO_KEY, storeIncognito);
      return { storeIncognito };
    },

    async 'projects.setActive'({ id }) {
      await projects.setActiveProject(id);
      onDataChanged(id);
      return {};
    },

    async 'overrides.get'(_request, { page }) {
      // Only the sender's own search engine's: the others' are none of its page's business.
      if (page.kind !== 'serp') return { overrides: {} };
      const text = await projects.getSetting(OVERRIDES_KEY);
      const parsed = parseOverrides(typeof text === 'string' ? text : '');
      const own = 'overrides' in parsed ? parsed.overrides[page.site] : undefined;
      return { overrides: own ? { [page.site]: own } : {} };
    },

    async 'overrides.save'({ text }) {
      const parsed = parseOverrides(text);
      if ('problem' in parsed) return { saved: false as const, error: await say(parsed.problem) };
      await projects.putSetting(OVERRIDES_KEY, text);
      return { saved: true as const };
    },

    async 'suggestions.agreement'({ projectId }) {
      const id = await projectIdOf(repository, projectId);
      if (!id) return { thisMonth: null, lastMonth: null };
      const month = monthOf(now());
      return {
        thisMonth: await mentions.suggestionAgreement(id, month),
        lastMonth: await mentions.suggestionAgreement(id, previousMonth(month)),
      };
    },

    async 'dashboard.open'() {
      await openDashboard();
      return {};
    },

    async 'kpi.get'({ projectId, month, tabUrl }) {
      const reportMonth = month ?? monthOf(now());
      // The popup's own question (the active project, this month) is the report it draws first next time.
      const ready = projectId === undefined && month === undefined ? hooks.readyReports : undefined;
      const begun = ready?.begin();
      const { projects: all, activeProjectId, project, report } = await aggregates.popupReport(projectId, reportMonth);
      if (ready && begun !== undefined) ready.keep(begun, { month: reportMonth, projects: all, activeProjectId, report });
      return {
        projects: all,
        activeProjectId,
        report,
        tabPage: tabUrl ? await tabPageStatus(repository.projects, tabUrl, project, normalizeQuery) : null,
      };
    },
  });
}

/**
 * Any write the database had no room for answers in words the user can act on (the browser's own message names
 * its quota); its transaction was aborted whole, so nothing of it was stored. Reads are not affected.
 */
function withStorageFullExplained(handlers: Handlers<SenderContext>): Handlers<SenderContext> {
  const explained = Object.entries(handlers).map(([type, handler]) => {
    const call = handler as (payload: unknown, sender: SenderContext) => Promise<unknown>;
    const explainedCall = (payload: unknown, sender: SenderContext) =>
      call(payload, sender).catch((error: unknown) => {
        throw isStorageFull(error) ? new LocalizedError(STORAGE_FULL) : error;
      });
    return [type, explainedCall];
  });
  return Object.fromEntries(explained) as Handlers<SenderContext>;
}
