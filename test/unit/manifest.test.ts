import { describe, expect, it } from 'vitest';
import forumContentScript from '@/entrypoints/forum.content';
import serpContentScript from '@/entrypoints/serp.content';
import { searchEngineMatchPatterns } from '@/lib/sites';
import config from '@/wxt.config';

function manifestOfConfig() {
  const manifest = config.manifest;
  if (!manifest || typeof manifest === 'function' || manifest instanceof Promise) {
    throw new Error('wxt.config.ts is expected to give the manifest as a plain object');
  }
  return manifest;
}

describe('manifest wiring of the site registry', () => {
  it('the search-engine content script runs on every registered engine, at document_idle', () => {
    expect(serpContentScript.matches).toEqual(searchEngineMatchPatterns());
    expect(serpContentScript.runAt).toBe('document_idle');
  });

  it('the forum content script is registered at run time only, with no match pattern of its own', () => {
    // WXT turns the matches of a runtime script into static host permissions: there must be none.
    expect(forumContentScript.registration).toBe('runtime');
    expect(forumContentScript.matches ?? []).toEqual([]);
  });

  it('static host permissions are exactly the search engines (least privilege); other sites are optional', () => {
    const manifest = manifestOfConfig();
    expect(manifest.host_permissions).toEqual(searchEngineMatchPatterns());
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('asks only for what auditing and marking pages need', () => {
    expect(manifestOfConfig().permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
  });
});
