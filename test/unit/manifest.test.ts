import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import forumContentScript from '@/entrypoints/forum.content';
import serpContentScript from '@/entrypoints/serp.content';
import { originOfUrl, originPattern } from '@/lib/background/site-access';
import { searchEngineMatchPatterns } from '@/lib/sites';
import config from '@/wxt.config';
import {
  OPTIONAL_HOST_PERMISSION_USES,
  PERMISSION_USES,
  type PermissionRow,
} from '../build/permission-uses';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['lib', 'entrypoints'];

/** The manifest wxt.config.ts gives the Chrome build (the Firefox build adds its own keys only). */
function manifestOfConfig() {
  const given = config.manifest;
  const manifest = typeof given === 'function' ? given({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }) : given;
  if (!manifest || manifest instanceof Promise) throw new Error('wxt.config.ts is expected to give the manifest at once, not as a promise');
  return manifest;
}

interface ChainSite {
  /** e.g. `browser.scripting.executeScript` (`chrome.` is read as `browser.`). */
  chain: string;
  /** Path from the repository root, with `/`. */
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/**
 * Every property-access chain rooted at `browser` or `chrome` in one file's code (comments and strings are
 * not code: a chain mentioned in a comment does not count as a use).
 */
function extensionApiChainsIn(file: string, text: string): ChainSite[] {
  const sites: ChainSite[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      let root: ts.Expression = node;
      while (ts.isPropertyAccessExpression(root)) root = root.expression;
      if (ts.isIdentifier(root) && (root.text === 'browser' || root.text === 'chrome')) {
        const chain = node.getText(source).replace(/\s+/g, '').replace(/\?\./g, '.').replace(/^chrome\./, 'browser.');
        sites.push({ chain, file });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

function extensionApiChains(): ChainSite[] {
  return SOURCE_DIRS.flatMap(sourceFiles).flatMap((file) => extensionApiChainsIn(file, readFileSync(join(ROOT, file), 'utf8')));
}

/** What is wrong with a row for the given source: the uses it requires that the code never makes. */
function missingUses(row: PermissionRow, sites: readonly ChainSite[]): string[] {
  return row.uses
    .filter((use) => !sites.some((site) => use.chain.test(site.chain) && (!use.in || site.file.startsWith(use.in))))
    .map((use) => `${use.chain}${use.in ? ` in ${use.in}` : ''}`);
}

/** The declared permissions that no code needs: no row in the table, or a row whose uses are not all there. */
function unjustifiedPermissions(declared: readonly string[], sites: readonly ChainSite[]): string[] {
  return declared.flatMap((permission) => {
    const row = PERMISSION_USES[permission];
    if (!row) return [`${permission}: no row in test/build/permission-uses.ts (which API needs it?)`];
    const missing = missingUses(row, sites);
    return missing.length > 0 ? [`${permission}: never used (${missing.join(', ')})`] : [];
  });
}

const SITES = extensionApiChains();

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

  it('its own commands (the browser runs the _execute_ ones) have a listener in the background', () => {
    const own = Object.keys(manifestOfConfig().commands ?? {}).filter((name) => !name.startsWith('_execute_'));
    expect(own.length).toBeGreaterThan(0);
    expect(SITES.some((site) => site.chain === 'browser.commands.onCommand.addListener' && site.file.startsWith('entrypoints/background'))).toBe(true);
  });

  it('asks only for what auditing and marking pages need', () => {
    expect(manifestOfConfig().permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
  });
});

describe('permission audit: every declared permission is used by the code', () => {
  it('reads the extension API calls of lib/ and entrypoints/', () => {
    // A sanity check of the scanner itself: it must see calls that are certainly there.
    expect(SITES.some((site) => site.chain === 'browser.runtime.onMessage.addListener')).toBe(true);
    expect(SITES.every((site) => !site.file.startsWith('test/'))).toBe(true);
  });

  it('each permission has a row naming the API calls that need it, and the code makes them', () => {
    const manifest = manifestOfConfig();
    const declared = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].map(String);
    expect(unjustifiedPermissions(declared, SITES)).toEqual([]);
  });

  it('fails for a permission with no row, or one whose API is never called', () => {
    expect(unjustifiedPermissions(['storage', 'tabs', 'downloads'], SITES)).toEqual([
      'tabs: no row in test/build/permission-uses.ts (which API needs it?)',
      'downloads: no row in test/build/permission-uses.ts (which API needs it?)',
    ]);
    const withoutContextMenus = SITES.filter((site) => !/^browser\.(contextMenus|menus)\b/.test(site.chain));
    expect(unjustifiedPermissions(['storage', 'contextMenus'], withoutContextMenus)).toEqual([
      expect.stringMatching(/^contextMenus: never used/),
    ]);
  });

  it('counts calls in code only, not in comments or strings', () => {
    const text = [
      '// browser.tabs.query() is what the popup would call',
      "const note = 'browser.downloads.download';",
      'void chrome.storage\n  .local?.get("k");',
    ].join('\n');
    expect(extensionApiChainsIn('entrypoints/x.ts', text).map((site) => site.chain)).toEqual([
      'browser.storage.local.get',
      'browser.storage.local',
      'browser.storage',
    ]);
  });

  it('optional host permissions are requested by "Audit this site", and cover exactly the origins it asks for', () => {
    const optional = manifestOfConfig().optional_host_permissions ?? [];
    expect(optional.length).toBeGreaterThan(0);
    expect(missingUses(OPTIONAL_HOST_PERMISSION_USES, SITES)).toEqual([]);
    const patterns = optional.map((pattern) => new MatchPattern(pattern));
    for (const page of ['https://forum.example/t/1', 'http://old-forum.example/viewtopic.php?t=1']) {
      const origin = originOfUrl(page);
      expect(origin).not.toBeNull();
      const requested = originPattern(origin!);
      expect(patterns.some((pattern) => pattern.includes(requested.replace(/\*$/, 'any'))), requested).toBe(true);
    }
    // Nothing but http(s) pages: no file:, no ftp:, no <all_urls>.
    expect(optional.every((pattern) => /^https?:\/\/\*\/\*$/.test(pattern))).toBe(true);
  });

  it('no static host permission (nor so the search content script, which has the same patterns) reaches every site', () => {
    const broad = /^(<all_urls>|[^:]+:\/\/\*(\/|$))/;
    expect((manifestOfConfig().host_permissions ?? []).filter((pattern) => broad.test(pattern))).toEqual([]);
  });
});
