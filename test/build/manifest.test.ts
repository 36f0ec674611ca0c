import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS, builtManifest, type BuiltManifest, type Target } from './built';
import { PERMISSION_USES } from './permission-uses';

/**
 * Audit of the manifests as built (what a store reviews and a browser enforces), not of wxt.config.ts:
 * WXT adds keys of its own (content scripts, background, CSP in dev) and a target may differ.
 */

/** The CSP of extension pages, as wxt.config.ts sets it: only the extension's own scripts. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

/** Sources a CSP of ours may name: none of them lets in a remote, inline or eval'd script. */
const SAFE_CSP_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);

/**
 * Files pages may load from the extension, with why. Empty: nothing of the extension is exposed to web
 * pages (the content scripts build their UI in code, page-capture.js is injected by scripting). A resource
 * added here must say why and list only the sites that need it.
 */
const WEB_ACCESSIBLE: Readonly<Record<string, string>> = {};

/** Every source in a CSP that is not one of the safe keywords: remote hosts, schemes, wildcards, unsafe-*. */
function unsafeCspSources(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/).filter(Boolean))
    .filter((tokens) => tokens.length > 0)
    .flatMap(([name, ...sources]) => sources.filter((source) => !SAFE_CSP_SOURCES.has(source)).map((source) => `${name} ${source}`));
}

/** A pattern that reaches every site (any host), whatever its scheme or path. */
function reachesEverySite(pattern: string): boolean {
  return pattern === '<all_urls>' || /^[^:]+:\/\/\*\//.test(pattern) || /^[^:]+:\/\/\*$/.test(pattern);
}

function contentScriptMatches(manifest: BuiltManifest): string[] {
  return (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
}

describe('the CSP checker', () => {
  it('accepts only keywords that keep remote, inline and eval\'d code out', () => {
    expect(unsafeCspSources(EXTENSION_PAGES_CSP)).toEqual([]);
    expect(unsafeCspSources("script-src 'self' https://cdn.example 'unsafe-eval'; connect-src *; object-src http:")).toEqual([
      'script-src https://cdn.example',
      "script-src 'unsafe-eval'",
      'connect-src *',
      'object-src http:',
    ]);
  });
});

describe.each<Target>(['chrome', 'firefox'])('built %s manifest', (target) => {
  const manifest = () => builtManifest(target);

  it('is a Manifest V3 extension', () => {
    expect(manifest().manifest_version).toBe(3);
  });

  it('extension pages run only their own scripts (explicit strict CSP, no remote sources)', () => {
    const csp = manifest().content_security_policy;
    expect(typeof csp).toBe('object');
    const policies = csp as { extension_pages?: string; sandbox?: string };
    expect(policies.extension_pages).toBe(EXTENSION_PAGES_CSP);
    expect(unsafeCspSources(policies.extension_pages ?? '')).toEqual([]);
    // No sandboxed pages, so no sandbox CSP (whose default allows eval).
    expect(policies.sandbox).toBeUndefined();
    expect(manifest().sandbox).toBeUndefined();
  });

  it('no other extension or web page can message it', () => {
    expect(manifest().externally_connectable).toBeUndefined();
  });

  it('exposes no page or file to web pages beyond the listed ones, and none to every site', () => {
    const entries = manifest().web_accessible_resources ?? [];
    for (const entry of entries) {
      const resources = typeof entry === 'string' ? [entry] : entry.resources;
      const matches = typeof entry === 'string' ? ['<all_urls>'] : (entry.matches ?? []);
      expect(resources.filter((resource) => !(resource in WEB_ACCESSIBLE)), 'web_accessible_resources not in WEB_ACCESSIBLE').toEqual([]);
      expect(matches.filter(reachesEverySite), `web_accessible_resources ${resources.join(', ')} exposed to every site`).toEqual([]);
    }
  });

  it('declares only audited permissions, the same on both targets', () => {
    const declared = [...(manifest().permissions ?? []), ...(manifest().optional_permissions ?? [])];
    expect(declared.filter((permission) => !(permission in PERMISSION_USES)), 'no row in test/build/permission-uses.ts').toEqual([]);
    const other = builtManifest(target === 'chrome' ? 'firefox' : 'chrome');
    expect(manifest().permissions).toEqual(other.permissions);
    expect(manifest().optional_permissions).toEqual(other.optional_permissions);
  });

  it('no static host permission or content script reaches every site', () => {
    expect((manifest().host_permissions ?? []).filter(reachesEverySite)).toEqual([]);
    expect(contentScriptMatches(manifest()).filter(reachesEverySite)).toEqual([]);
    // Every other site only through "Audit this site" (optional, asked for in the popup).
    expect(manifest().optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('static host permissions and content scripts are https only', () => {
    expect(manifest().host_permissions?.length).toBeGreaterThan(0);
    expect(contentScriptMatches(manifest()).length).toBeGreaterThan(0);
    // `*://` covers http too. Only the first few offenders are shown: there are hundreds of patterns.
    const notHttps = (patterns: readonly string[]) => patterns.filter((pattern) => !pattern.startsWith('https://'));
    const hosts = notHttps(manifest().host_permissions ?? []);
    expect(hosts.slice(0, 5), `${hosts.length} host_permissions not https-only`).toEqual([]);
    const scripts = notHttps(contentScriptMatches(manifest()));
    expect(scripts.slice(0, 5), `${scripts.length} content-script matches not https-only`).toEqual([]);
  });

  it('shows its words in every interface language: each __MSG_ name it uses is in every _locales file', () => {
    const built = manifest() as BuiltManifest & { default_locale?: string };
    const used = [...JSON.stringify(built).matchAll(/__MSG_(\w+?)__/g)].map((match) => match[1]!);
    expect(used).toContain('extensionName');
    expect(built.default_locale).toBe('en');
    const localesDir = join(TARGETS[target], '_locales');
    expect(readdirSync(localesDir).sort()).toEqual(['bg', 'en', 'ru']);
    for (const locale of readdirSync(localesDir)) {
      const messages = JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, { message?: string }>;
      for (const name of used) expect(messages[name]?.message, `${locale} ${name}`).toBeTruthy();
    }
  });
});

describe('built Chrome manifest', () => {
  it('carries no Firefox-only keys', () => {
    expect(Object.keys(builtManifest('chrome'))).not.toContain('browser_specific_settings');
  });

  it('has icons in every size the stores and the toolbar use', () => {
    expect(Object.keys(builtManifest('chrome').icons ?? {}).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 128]);
  });
});

describe('built Firefox manifest', () => {
  const gecko = () => builtManifest('firefox').browser_specific_settings?.gecko;

  it('has a fixed add-on id', () => {
    expect(gecko()?.id).toBe('reputation-lens@example.org');
  });

  it('declares that it collects no data (Firefox built-in data consent)', () => {
    expect(gecko()?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('needs a Firefox that reads optional_host_permissions (128)', () => {
    expect(Number.parseFloat(gecko()?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(128);
  });
});
