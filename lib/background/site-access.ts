import { LocalizedError, problem } from '../i18n/problems';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { SiteAccess } from './service';
import type { ExtensionStorageArea } from '../settings/extension-storage';

/** Where WXT builds entrypoints/forum.content (registered at run time, never listed in the manifest). */
export const FORUM_SCRIPT_FILE = 'content-scripts/forum.js';

const SCRIPT_ID_PREFIX = 'forum:';

interface ForumScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The parts of the permissions and scripting APIs this needs (structural, so tests can pass a fake). */
export interface SiteAccessApi {
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  /** browser.storage.local: the user's audit decisions, so a lost registration can be restored. */
  storage: ExtensionStorageArea;
  scripting: {
    getRegisteredContentScripts(): Promise<ReadonlyArray<{ id: string }>>;
    registerContentScripts(scripts: ForumScriptRegistration[]): Promise<void>;
    updateContentScripts(scripts: ForumScriptRegistration[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

export interface BrowserSiteAccess extends SiteAccess {
  /** Brings the registered scripts in line with the granted permissions (start-up, permission changes). */
  reconcile(): Promise<void>;
  /** Whether the user granted the host permission of the page's origin. */
  isGrantedPage(url: string): Promise<boolean>;
}

/** `https://host` of an http(s) page, or null for anything else (extension pages, file:, about:). */
export function originOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The host name of an http(s) page (quiet mode's site), or null for anything else. */
export function hostOfUrl(url: string): string | null {
  const origin = originOfUrl(url);
  return origin === null ? null : new URL(origin).hostname;
}

/** The optional host permission that covers exactly one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/**
 * Whether an origin belongs to a search engine (any path), from the manifest's search-engine patterns:
 * those hosts are tagged by the search content script and are never audited as forums.
 */
export function searchEngineOriginTest(matchPatterns: readonly string[]): (origin: string) => boolean {
  const hosts = matchPatterns.map((pattern) => new MatchPattern(pattern.replace(/^([^/]*\/\/[^/]+)\/.*$/, '$1/*')));
  return (origin) => hosts.some((pattern) => pattern.includes(`${origin}/`));
}

const scriptIdOf = (origin: string) => `${SCRIPT_ID_PREFIX}${origin}`;
const AUDITED_KEY = 'auditedOrigins';

/**
 * "Audit this site" with the browser's own bookkeeping: the optional host permission is the user's
 * decision, and a forum content script registered per granted origin follows it. Nothing is kept in
 * memory, so a stopped service worker loses nothing.
 */
export function createSiteAccess(
  api: SiteAccessApi,
  options: { scriptFile: string; isSearchEngineOrigin: (origin: string) => boolean },
): BrowserSiteAccess {
  // Grants, popup requests and start-up may overlap; registering one id twice at once is an error.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const isGranted = (origin: string) => api.permissions.contains({ origins: [originPattern(origin)] });

  const registeredOrigins = async (): Promise<string[]> =>
    (await api.scripting.getRegisteredContentScripts())
      .filter((script) => script.id.startsWith(SCRIPT_ID_PREFIX))
      .map((script) => script.id.slice(SCRIPT_ID_PREFIX.length));

  const decidedOrigins = async (): Promise<string[]> => {
    const stored = (await api.storage.get(AUDITED_KEY))[AUDITED_KEY];
    return Array.isArray(stored) ? stored.filter((origin): origin is string => typeof origin === 'string') : [];
  };
  const rememberDecisions = (origins: readonly string[]) => api.storage.set({ [AUDITED_KEY]: [...new Set(origins)] });

  const registrationOf = (origin: string): ForumScriptRegistration => ({
    id: scriptIdOf(origin),
    matches: [originPattern(origin)],
    js: [options.scriptFile],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  });

  const registerNow = async (origin: string, registered: readonly string[]) => {
    if (registered.includes(origin)) await api.scripting.updateContentScripts([registrationOf(origin)]);
    else await api.scripting.registerContentScripts([registrationOf(origin)]);
  };

  const auditable = (origin: string | null): origin is string =>
    origin !== null && !options.isSearchEngineOrigin(origin);

  return {
    async audited() {
      const registered = await registeredOrigins();
      const granted = await Promise.all(registered.map(isGranted));
      return registered.filter((_origin, index) => granted[index]);
    },

    register: (origin) =>
      serially(async () => {
        if (!auditable(origin)) throw new LocalizedError(problem('searchEngineNotAudited', { origin }));
        if (!(await isGranted(origin))) throw new LocalizedError(problem('accessNotGranted', { origin }));
        await rememberDecisions([...(await decidedOrigins()), origin]);
        await registerNow(origin, await registeredOrigins());
      }),

    revoke: (origin) =>
      serially(async () => {
        await rememberDecisions((await decidedOrigins()).filter((decided) => decided !== origin));
        if ((await registeredOrigins()).includes(origin)) {
          await api.scripting.unregisterContentScripts({ ids: [scriptIdOf(origin)] });
        }
        await api.permissions.remove({ origins: [originPattern(origin)] });
      }),

    reconcile: () =>
      serially(async () => {
        const registered = await registeredOrigins();
        const decided = await decidedOrigins();
        const candidates = [...new Set([...registered, ...decided])];
        const granted = await Promise.all(candidates.map(isGranted));
        const keep = candidates.filter((_origin, index) => granted[index]);
        // Access withdrawn in the browser's settings ends the audit; a grant alone never starts one.
        const withdrawn = registered.filter((origin) => !keep.includes(origin));
        if (withdrawn.length > 0) await api.scripting.unregisterContentScripts({ ids: withdrawn.map(scriptIdOf) });
        await rememberDecisions(keep);
        // Browsers that do not keep registrations across restarts get them back from the decisions.
        for (const origin of keep) if (!registered.includes(origin)) await registerNow(origin, registered);
      }),

    async isGrantedPage(url) {
      const origin = originOfUrl(url);
      return origin !== null && (await isGranted(origin));
    },
  };
}
