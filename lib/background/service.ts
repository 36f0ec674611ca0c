import { buildBrandMatcher, type BrandMatcher } from '../match/brand';
import { computeClientFlags, type ClientFlagsInput } from '../match/client-flags';
import { canonicalizeUrl, hostnameOf, normalizeQuery } from '../match/url';
import { errorMessage, type Handlers, type ItemState, type PageItem, type ParsedRequestOf } from '../messaging';
import { analyzeSentiment, type LearnedModel } from '../sentiment';
import { suggestsRecommendation } from '../sentiment/recommends';
import { SITES, findSite } from '../sites';
import { SiteOverridesSchema, type SiteOverrides } from '../sites/overrides';
import { SiteStatusSchema, type SiteStatus } from '../messaging/protocol';
import { NO_CLIENT_FLAGS, monthOf, type ClientFlags, type Mention, type Project } from '../schema';
import { ProjectValidationError, textOfMention, type LensRepository, type MentionDraft } from '../db/repository';
import { previousMonth } from '../kpi';

type Page = ParsedRequestOf<'page.observe'>['page'];
type ParsedItem = ParsedRequestOf<'page.observe'>['items'][number];

/** Who sent a message, as far as the background can tell; checked before any handler runs. */
export interface SenderContext {
  origin: 'extension-page' | 'content-script';
}

const MAX_EXCERPT = 1000;

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

function clientFlagsOf(project: Project, item: ClientFlagsInput): ClientFlags {
  return computeClientFlags(item, { clientDomains: project.clientDomains, brand: brandMatcherFor(project) });
}

/** Everything the background derives from a page item: canonical URL, client flags, suggested label. */
export function draftMention(
  item: ParsedItem | PageItem,
  page: Page,
  project: Project | null,
  learned?: LearnedModel,
): MentionDraft {
  const text = textOfMention({ title: item.title, excerpt: item.snippet });
  const sentiment = analyzeSentiment(text, { learned });
  const flags = project ? clientFlagsOf(project, item) : NO_CLIENT_FLAGS;
  const recommends =
    project !== null &&
    !flags.clientSite &&
    suggestsRecommendation(text, { brand: brandMatcherFor(project), linksToClient: flags.linksToClient });
  return {
    canonicalUrl: canonicalizeUrl(item.url),
    url: item.url,
    domain: hostnameOf(item.url) ?? '',
    kind: page.kind === 'serp' ? 'serp-result' : 'forum-post',
    title: item.title,
    excerpt: item.snippet.slice(0, MAX_EXCERPT),
    lang: sentiment.lang,
    suggested: { label: sentiment.label, score: sentiment.score, recommends },
    flags,
  };
}

function stateOf(mention: Pick<Mention, 'canonicalUrl' | 'suggested' | 'mark' | 'flags'>): ItemState {
  return { canonicalUrl: mention.canonicalUrl, suggested: mention.suggested, mark: mention.mark, flags: mention.flags };
}

/** The badges of stored mentions depend on these; when they change, the stored badges are re-derived. */
function sameClientIdentity(a: Project, b: Project): boolean {
  return a.clientDomains.join('\n') === b.clientDomains.join('\n') && a.brandTerms.join('\n') === b.brandTerms.join('\n');
}

async function activeProject(repository: LensRepository): Promise<Project | null> {
  const id = await repository.getActiveProjectId();
  return id ? ((await repository.getProject(id)) ?? null) : null;
}

const OVERRIDES_KEY = 'selectorOverrides';
const siteStatusKey = (site: string) => `siteStatus:${site}`;

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

/** Whether the page in the popup's tab was understood: a supported site whose last scan found items. */
async function tabPageStatus(repository: LensRepository, tabUrl: string) {
  const site = findSite(tabUrl);
  if (!site) return null;
  const stored = SiteStatusSchema.safeParse(await repository.getSetting(siteStatusKey(site.id)));
  const status = stored.success && stored.data.url === tabUrl ? stored.data : null;
  return { site: site.id, siteName: site.name, recognised: (status?.itemsFound ?? 0) > 0, itemsFound: status?.itemsFound ?? 0 };
}

function requireContentScript(context: SenderContext): void {
  if (context.origin !== 'content-script') throw new Error('Only content scripts report page status');
}

function requireExtensionPage(context: SenderContext): void {
  if (context.origin !== 'extension-page') throw new Error('Only the extension’s own pages may manage projects');
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
  now?: () => number;
}

export function createHandlers(repository: LensRepository, hooks: ServiceHooks): Handlers<SenderContext> {
  const { onDataChanged, openDashboard, now = Date.now } = hooks;
  return {
    async 'page.observe'({ page, items }) {
      const project = await activeProject(repository);
      const learned = project ? await repository.getLearnedModel(project.id) : undefined;
      const drafts = items.map((item) => draftMention(item, page, project, learned));
      if (!project) {
        return { projectId: null, projectName: null, items: drafts.map((draft) => stateOf({ ...draft, mark: null })) };
      }
      const stored = await repository.observePage({
        projectId: project.id,
        engine: page.site,
        serp:
          page.kind === 'serp' && page.query !== undefined
            ? // Results appended later (more results, partial reloads) start below the page's first rank.
              { query: normalizeQuery(page.query), firstRank: items[0]?.rank ?? page.firstRank ?? 1 }
            : undefined,
        items: drafts,
        at: now(),
      });
      onDataChanged(project.id);
      return { projectId: project.id, projectName: project.name, items: stored.map(stateOf) };
    },

    async 'mark.set'({ page, item, sentiment, recommends }) {
      const project = await activeProject(repository);
      if (!project) throw new Error('Create a project in the dashboard before marking results');
      const learned = await repository.getLearnedModel(project.id);
      const draft = draftMention(item, page, project, learned);
      const mention = await repository.setMark(project.id, draft, { sentiment, recommends }, now());
      onDataChanged(project.id);
      return { projectId: project.id, item: stateOf(mention) };
    },

    async 'projects.list'() {
      return { projects: await repository.listProjects(), activeProjectId: await repository.getActiveProjectId() };
    },

    async 'projects.save'({ id, input }, context) {
      requireExtensionPage(context);
      try {
        const before = id ? await repository.getProject(id) : undefined;
        const project = await repository.saveProject(input, id, now());
        if (before && !sameClientIdentity(before, project)) {
          await repository.refreshClientFlags(project.id, (mention) =>
            clientFlagsOf(project, { url: mention.url, title: mention.title, snippet: mention.excerpt }),
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
      await repository.deleteProject(id);
      onDataChanged(id);
      return {};
    },

    async 'projects.setActive'({ id }, context) {
      requireExtensionPage(context);
      await repository.setActiveProject(id);
      onDataChanged(id);
      return {};
    },

    async 'page.status'({ site, url, itemsFound, blocksSeen }, context) {
      requireContentScript(context);
      const status: SiteStatus = { url, itemsFound, blocksSeen, at: now() };
      await repository.putSetting(siteStatusKey(site), status);
      return {};
    },

    async 'sites.status'() {
      const sites = await Promise.all(
        SITES.map(async (site) => {
          const stored = SiteStatusSchema.safeParse(await repository.getSetting(siteStatusKey(site.id)));
          return { id: site.id, name: site.name, kind: site.kind, last: stored.success ? stored.data : null };
        }),
      );
      const text = await repository.getSetting(OVERRIDES_KEY);
      return { sites, overridesText: typeof text === 'string' ? text : '' };
    },

    async 'overrides.get'() {
      const text = await repository.getSetting(OVERRIDES_KEY);
      const parsed = parseOverrides(typeof text === 'string' ? text : '');
      return { overrides: 'overrides' in parsed ? parsed.overrides : {} };
    },

    async 'overrides.save'({ text }, context) {
      requireExtensionPage(context);
      const parsed = parseOverrides(text);
      if ('error' in parsed) return { saved: false as const, error: parsed.error };
      await repository.putSetting(OVERRIDES_KEY, text);
      return { saved: true as const };
    },

    async 'suggestions.agreement'({ projectId }) {
      const id = projectId ?? (await repository.getActiveProjectId());
      if (!id) return { thisMonth: null, lastMonth: null };
      const month = monthOf(now());
      return {
        thisMonth: await repository.suggestionAgreement(id, month),
        lastMonth: await repository.suggestionAgreement(id, previousMonth(month)),
      };
    },

    async 'dashboard.open'() {
      await openDashboard();
      return {};
    },

    async 'kpi.get'({ projectId, month, tabUrl }) {
      const projects = await repository.listProjects();
      const activeProjectId = await repository.getActiveProjectId();
      const id = projectId ?? activeProjectId;
      const report = id ? await repository.kpiReport(id, month ?? monthOf(now())) : null;
      return { projects, activeProjectId, report, tabPage: tabUrl ? await tabPageStatus(repository, tabUrl) : null };
    },
  };
}
