import type { FileTransfers } from '../backup/transfer';
import { normalizeQuery } from '../match/url';
import { minSuggestionConfidenceOf } from '../kpi/label-state';
import { errorMessage, type Handlers } from '../messaging';
import { SiteOverridesSchema, type SiteOverrides } from '../sites/overrides';
import { monthOf, previousMonth, type Project } from '../schema';
import { ProjectValidationError, type LensRepository } from '../db/repository';
import { clientFlagsOf, draftMention, forumVisit } from './drafts';
import { stateOf, requireExtensionPage, projectIdOf } from './handlers/common';
import { backupHandlers } from './handlers/backup';
import { kpiHandlers } from './handlers/kpi';
import { drilldownHandlers } from './handlers/drilldown';
import { mentionHandlers } from './handlers/mentions';
import { portalHandlers } from './handlers/portals';
import { promotionHandlers } from './handlers/promotion';
import { OVERRIDES_KEY, siteHandlers, tabPageStatus } from './handlers/sites';

export { draftMention } from './drafts';

/** Who sent a message, as far as the background can tell; checked before any handler runs. */
export interface SenderContext {
  origin: 'extension-page' | 'content-script';
}

/** What the badges of stored mentions depend on: when it changes, every mention's flags are worked out again. */
function sameClientIdentity(a: Project, b: Project): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.join('\n') === y.join('\n');
  return same(a.clientDomains, b.clientDomains) && same(a.brandTerms, b.brandTerms) && same(a.competitorDomains, b.competitorDomains);
}

/** Parses the dashboard's pasted overrides; the error names the JSON position or the invalid selector. */
export function parseOverrides(text: string): { overrides: SiteOverrides } | { error: string } {
  if (text.trim() === '') return { overrides: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${errorMessage(error)}` };
  }
  const parsed = SiteOverridesSchema.safeParse(json);
  if (!parsed.success) return { error: parsed.error.issues.map((issue) => issue.message).join('; ') };
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
  openDashboard: () => Promise<void>;
  siteAccess: SiteAccess;
  /** Where exported files wait for the dashboard, and imported ones for the background. */
  transfers: FileTransfers;
  now?: () => number;
}

export function createHandlers(repository: LensRepository, hooks: ServiceHooks): Handlers<SenderContext> {
  // Read at each call, so a test can move the worker's clock (Date.now) to another month.
  const { onDataChanged, openDashboard, now = () => Date.now() } = hooks;
  const { projects, mentions, aggregates } = repository;
  const deps = { repository, hooks, now };
  return {
    ...portalHandlers(deps),
    ...promotionHandlers(deps),
    ...mentionHandlers(deps),
    ...backupHandlers(deps),
    ...kpiHandlers(deps),
    ...drilldownHandlers(deps),
    ...siteHandlers(deps),

    async 'page.observe'({ page, items }) {
      const project = await projects.getActiveProject();
      const learned = project ? await mentions.getLearnedModel(project.id) : undefined;
      const drafts = items.map((item) => draftMention(item, page, project, learned));
      if (!project) {
        return { projectId: null, projectName: null, minSuggestionConfidence: 0, items: drafts.map((draft) => stateOf({ ...draft, mark: null })) };
      }
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
        items: drafts,
        at,
      });
      onDataChanged(project.id);
      return {
        projectId: project.id,
        projectName: project.name,
        minSuggestionConfidence: minSuggestionConfidenceOf(project),
        items: stored.map(stateOf),
      };
    },

    async 'mark.set'({ page, item, sentiment, recommends }) {
      const project = await projects.getActiveProject();
      if (!project) throw new Error('Create a project in the dashboard before marking results');
      const learned = await mentions.getLearnedModel(project.id);
      const draft = draftMention(item, page, project, learned);
      const at = now();
      const mention = await mentions.setMark(project.id, draft, { sentiment, recommends }, at, forumVisit(page, [item], at));
      onDataChanged(project.id);
      return { projectId: project.id, item: stateOf(mention) };
    },

    async 'projects.list'() {
      return { projects: await projects.listProjects(), activeProjectId: await projects.getActiveProjectId() };
    },

    async 'projects.save'({ id, input }, context) {
      requireExtensionPage(context);
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
        if (error instanceof ProjectValidationError) return { saved: false as const, fieldErrors: error.fieldErrors };
        throw error;
      }
    },

    async 'projects.delete'({ id }, context) {
      requireExtensionPage(context);
      await projects.deleteProject(id);
      onDataChanged(id);
      return {};
    },

    async 'projects.setActive'({ id }, context) {
      requireExtensionPage(context);
      await projects.setActiveProject(id);
      onDataChanged(id);
      return {};
    },

    async 'overrides.get'() {
      const text = await projects.getSetting(OVERRIDES_KEY);
      const parsed = parseOverrides(typeof text === 'string' ? text : '');
      return { overrides: 'overrides' in parsed ? parsed.overrides : {} };
    },

    async 'overrides.save'({ text }, context) {
      requireExtensionPage(context);
      const parsed = parseOverrides(text);
      if ('error' in parsed) return { saved: false as const, error: parsed.error };
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
      const activeProjectId = await projects.getActiveProjectId();
      const id = projectId ?? activeProjectId;
      const report = id ? await aggregates.kpiReport(id, month ?? monthOf(now())) : null;
      const all = await projects.listProjects();
      const project = all.find((candidate) => candidate.id === id) ?? null;
      return {
        projects: all,
        activeProjectId,
        report,
        tabPage: tabUrl ? await tabPageStatus(repository.projects, tabUrl, project, normalizeQuery) : null,
      };
    },
  };
}
