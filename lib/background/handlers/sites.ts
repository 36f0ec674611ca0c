import { z } from 'zod';
import { SiteStatusSchema, type Handlers, type SiteStatus } from '../../messaging';
import { isKeyQuery as isProjectKeyQuery } from '../../kpi/aggregate';
import type { Project } from '../../schema';
import { SITES, findSite } from '../../sites';
import { searchQueryOf } from '../../sites/engine/search-engines';
import type { LensRepository } from '../../db/repository';
import { senderPage, type SenderContext } from '../sender';
import { originOfUrl } from '../site-access';
import type { HandlerDeps } from './common';

type SiteHandlers = Pick<Handlers<SenderContext>, 'page.status' | 'sites.status' | 'sites.audited' | 'sites.audit' | 'sites.revoke'>;

export const OVERRIDES_KEY = 'selectorOverrides';
export const siteStatusKey = (site: string) => `siteStatus:${site}`;
/** Forums are audited per origin: one engine id (`generic` too) means nothing across sites. */
const originStatusKey = (origin: string) => `siteStatus:origin:${origin}`;
const OriginStatusSchema = z.object({ engine: z.string(), status: SiteStatusSchema });

const GENERIC_FINDER_NAME = 'forum (generic finder, a guess)';

function siteNameOf(id: string): string {
  return SITES.find((site) => site.id === id)?.name ?? GENERIC_FINDER_NAME;
}

async function statusOfTab(projects: LensRepository['projects'], tabUrl: string) {
  const engine = findSite(tabUrl);
  if (engine) {
    const stored = SiteStatusSchema.safeParse(await projects.getSetting(siteStatusKey(engine.id)));
    return { kind: 'serp' as const, site: engine.id, status: stored.success ? stored.data : null };
  }
  const origin = originOfUrl(tabUrl);
  const stored = origin ? OriginStatusSchema.safeParse(await projects.getSetting(originStatusKey(origin))) : null;
  if (!stored?.success) return null;
  return { kind: 'forum' as const, site: stored.data.engine, status: stored.data.status };
}

/**
 * Whether the page in the popup's tab was understood: a search engine, or an audited site whose content
 * script reported on this very page, and how many items its last scan found.
 */
export async function tabPageStatus(
  projects: LensRepository['projects'],
  tabUrl: string,
  project: Project | null,
  normalizeQuery: (q: string) => string,
) {
  const found = await statusOfTab(projects, tabUrl);
  if (!found) return null;
  const itemsFound = found.status?.url === tabUrl ? found.status.itemsFound : 0;
  const query = found.kind === 'serp' ? searchQueryOf(tabUrl) : null;
  const isKeyQuery = query !== null && project ? isProjectKeyQuery(project, normalizeQuery(query), normalizeQuery) : null;
  return { kind: found.kind, site: found.site, siteName: siteNameOf(found.site), recognised: itemsFound > 0, itemsFound, query, isKeyQuery };
}

/** Whether each site's pages were recognised, and the sites the user granted for auditing. */
export function siteHandlers({ repository, hooks, now }: HandlerDeps): SiteHandlers {
  const { projects } = repository;
  return {
    async 'page.status'({ site, url, itemsFound, blocksSeen }, sender) {
      const page = senderPage({ url, site }, sender);
      const status: SiteStatus = { url: page.url, itemsFound, blocksSeen, at: now() };
      if (page.kind === 'serp') {
        await projects.putSetting(siteStatusKey(page.site), status);
        return {};
      }
      const origin = originOfUrl(page.url);
      if (origin) await projects.putSetting(originStatusKey(origin), { engine: page.site, status });
      return {};
    },

    async 'sites.status'() {
      const sites = await Promise.all(
        SITES.map(async (site) => {
          const stored = SiteStatusSchema.safeParse(await projects.getSetting(siteStatusKey(site.id)));
          return { id: site.id, name: site.name, kind: site.kind, last: stored.success ? stored.data : null };
        }),
      );
      const text = await projects.getSetting(OVERRIDES_KEY);
      return { sites, overridesText: typeof text === 'string' ? text : '' };
    },

    async 'sites.audited'() {
      const origins = await hooks.siteAccess.audited();
      const sites = await Promise.all(
        origins.map(async (origin) => {
          const stored = OriginStatusSchema.safeParse(await projects.getSetting(originStatusKey(origin)));
          return { origin, engine: stored.success ? stored.data.engine : null, last: stored.success ? stored.data.status : null };
        }),
      );
      return { sites };
    },

    async 'sites.audit'({ origin }) {
      await hooks.siteAccess.register(origin);
      return {};
    },

    async 'sites.revoke'({ origin }) {
      await hooks.siteAccess.revoke(origin);
      return {};
    },
  };
}
