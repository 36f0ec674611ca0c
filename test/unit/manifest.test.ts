import { describe, expect, it } from 'vitest';
import serpContentScript from '@/entrypoints/serp.content';
import { searchEngineMatchPatterns } from '@/lib/sites';
import config from '@/wxt.config';

describe('manifest wiring of the site registry', () => {
  it('the search-engine content script runs on every registered engine, at document_idle', () => {
    expect(serpContentScript.matches).toEqual(searchEngineMatchPatterns());
    expect(serpContentScript.runAt).toBe('document_idle');
  });

  it('static host permissions are exactly the search engines (least privilege); other sites are optional', () => {
    const manifest = config.manifest;
    if (!manifest || typeof manifest === 'function' || manifest instanceof Promise) {
      throw new Error('wxt.config.ts is expected to give the manifest as a plain object');
    }
    expect(manifest.host_permissions).toEqual(searchEngineMatchPatterns());
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
});
