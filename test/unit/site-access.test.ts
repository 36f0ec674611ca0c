import { describe, expect, it } from 'vitest';
import {
  FORUM_SCRIPT_FILE,
  createSiteAccess,
  originOfUrl,
  searchEngineOriginTest,
  type SiteAccessApi,
} from '@/lib/background/site-access';
import { searchEngineMatchPatterns } from '@/lib/sites';
import { memoryStorageArea } from '../support/extension-storage';

type Registration = Parameters<SiteAccessApi['scripting']['registerContentScripts']>[0][number];

/** The browser's permission and registration state in memory (WXT's fake browser leaves these APIs unmocked). */
function fakeBrowserState(granted: string[] = []) {
  const origins = new Set(granted);
  const scripts = new Map<string, Registration>();
  const api: SiteAccessApi = {
    storage: memoryStorageArea(),
    permissions: {
      contains: async ({ origins: wanted }) => wanted.every((pattern) => origins.has(pattern) || origins.has('https://*/*')),
      remove: async ({ origins: removed }) => removed.map((pattern) => origins.delete(pattern)).every(Boolean),
    },
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (added) => {
        // Chromium refuses an id that is already registered.
        for (const script of added) if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        for (const script of added) scripts.set(script.id, script);
      },
      updateContentScripts: async (changed) => {
        for (const script of changed) if (!scripts.has(script.id)) throw new Error(`Nonexistent script ID '${script.id}'`);
        for (const script of changed) scripts.set(script.id, script);
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) if (!scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of ids) scripts.delete(id);
      },
    },
  };
  const access = createSiteAccess(api, {
    scriptFile: FORUM_SCRIPT_FILE,
    isSearchEngineOrigin: searchEngineOriginTest(searchEngineMatchPatterns()),
  });
  return { api, access, origins, scripts, restart: () => scripts.clear() };
}

const FORUM = 'https://forum.example.org';

describe('origins and patterns', () => {
  it('takes the origin of web pages only', () => {
    expect(originOfUrl('https://forum.example.org/viewtopic.php?t=1#p2')).toBe(FORUM);
    expect(originOfUrl('http://localhost:8080/t/1')).toBe('http://localhost:8080');
    expect(originOfUrl('chrome-extension://abc/popup.html')).toBeNull();
    expect(originOfUrl('not a url')).toBeNull();
  });

  it('knows the search engines by host, whatever the path', () => {
    const isSearchEngine = searchEngineOriginTest(searchEngineMatchPatterns());
    expect(isSearchEngine('https://www.google.com')).toBe(true);
    expect(isSearchEngine('https://www.bing.com')).toBe(true);
    expect(isSearchEngine(FORUM)).toBe(false);
  });
});

describe('site access', () => {
  it('registers the forum script for a granted origin, persistent, at document_idle, once', async () => {
    const { access, scripts } = fakeBrowserState([`${FORUM}/*`]);
    await Promise.all([access.register(FORUM), access.register(FORUM)]);
    expect([...scripts.values()]).toEqual([
      { id: `forum:${FORUM}`, matches: [`${FORUM}/*`], js: [FORUM_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    expect(await access.audited()).toEqual([FORUM]);
  });

  it('refuses to register without the permission, and for search engines', async () => {
    const { access, scripts } = fakeBrowserState(['https://www.google.com/*']);
    await expect(access.register(FORUM)).rejects.toThrow(/was not granted/);
    await expect(access.register('https://www.google.com')).rejects.toThrow(/search engine/);
    expect(scripts.size).toBe(0);
  });

  it('revoke unregisters the script and gives the permission back', async () => {
    const { access, scripts, origins } = fakeBrowserState([`${FORUM}/*`, 'https://other.example/*']);
    await access.register(FORUM);
    await access.register('https://other.example');
    await access.revoke(FORUM);
    expect([...scripts.keys()]).toEqual(['forum:https://other.example']);
    expect(origins.has(`${FORUM}/*`)).toBe(false);
    expect(await access.audited()).toEqual(['https://other.example']);
    expect(await access.isGrantedPage(`${FORUM}/t/1`)).toBe(false);
  });

  it('audited() leaves out registrations whose permission is gone', async () => {
    const { access, origins } = fakeBrowserState([`${FORUM}/*`]);
    await access.register(FORUM);
    origins.delete(`${FORUM}/*`);
    expect(await access.audited()).toEqual([]);
  });

  it('reconcile unregisters what the user removed in the browser, and a grant alone is no audit', async () => {
    const { access, scripts, origins } = fakeBrowserState([`${FORUM}/*`, 'https://other.example/*']);
    await access.register(FORUM);
    await access.register('https://other.example');
    origins.delete(`${FORUM}/*`);
    origins.add('https://granted-elsewhere.example/*');
    await access.reconcile();
    expect([...scripts.keys()]).toEqual(['forum:https://other.example']);
    // Given back later, the site is not audited again until the user asks for it.
    origins.add(`${FORUM}/*`);
    await access.reconcile();
    expect(await access.audited()).toEqual(['https://other.example']);
  });

  it('restores the audited sites’ scripts after a restart that lost them, and not revoked ones', async () => {
    const { access, scripts, restart } = fakeBrowserState([`${FORUM}/*`, 'https://other.example/*']);
    await access.register(FORUM);
    await access.register('https://other.example');
    await access.revoke('https://other.example');
    restart();
    await access.reconcile();
    expect([...scripts.keys()]).toEqual([`forum:${FORUM}`]);
    expect(scripts.get(`forum:${FORUM}`)?.persistAcrossSessions).toBe(true);
  });

  it('reconcile leaves scripts of other extensions and of other kinds alone and is idempotent', async () => {
    const { access, api, scripts } = fakeBrowserState([`${FORUM}/*`]);
    await api.scripting.registerContentScripts([
      { id: 'wxt:content-scripts/serp.js', matches: ['*://*/*'], js: ['x.js'], runAt: 'document_idle', persistAcrossSessions: false },
    ]);
    await access.register(FORUM);
    await access.reconcile();
    await access.reconcile();
    expect([...scripts.keys()].sort()).toEqual([`forum:${FORUM}`, 'wxt:content-scripts/serp.js']);
  });

  it('a granted page is one whose origin is granted; other pages are not', async () => {
    const { access } = fakeBrowserState([`${FORUM}/*`]);
    expect(await access.isGrantedPage(`${FORUM}/viewtopic.php?t=1`)).toBe(true);
    expect(await access.isGrantedPage('https://sub.forum.example.org/')).toBe(false);
    expect(await access.isGrantedPage('chrome://settings')).toBe(false);
  });
});
