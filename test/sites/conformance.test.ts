import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectForum, findSite, searchEngineMatchPatterns, SITES } from '../../lib/sites';
import type { AnySiteDefinition } from '../../lib/sites/types';
import { FIXTURE_ROOT, loadFixtures, parsePage } from './page';

const SITES_DIR = path.resolve(__dirname, '../../lib/sites');
/** The framework files beside the one-file-per-site definitions. */
const FRAMEWORK_FILES = new Set(['index.ts', 'types.ts', 'overrides.ts']);
/** Search engines and forum engines alike: `kind` tells them apart. */

/** Chrome/Firefox match-pattern semantics: scheme `*` is http(s), `*.host` adds subdomains, `*` in the path. */
function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, pathGlob] = parts as unknown as [string, string, string, string];
  const parsed = new URL(url);
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(protocol) : scheme !== protocol) return false;
  const hostname = parsed.hostname;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host);
  const pathPattern = new RegExp(`^${pathGlob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && pathPattern.test(parsed.pathname + parsed.search);
}

function isSiteDefinition(value: unknown): value is AnySiteDefinition {
  if (typeof value !== 'object' || value === null || !('id' in value) || !('kind' in value)) return false;
  return value.kind === 'serp' ? 'selectors' in value && 'hosts' in value : value.kind === 'forum' && 'detect' in value && 'post' in value;
}

describe('site registry conformance', () => {
  it('has unique site ids', () => {
    const ids = SITES.map((site) => site.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(SITES.map((site) => [site.id, site] as const))('%s has a fixture folder with pages and expected JSON', async (_id, site) => {
    const folder = path.join(FIXTURE_ROOT, site.kind, site.id);
    expect(fs.existsSync(folder), `${folder} is missing`).toBe(true);
    const fixtures = loadFixtures(site.kind, site.id);
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      expect(fixture.expected.site).toBe(site.id);
      if (site.kind === 'serp') {
        expect(findSite(fixture.expected.pageUrl)?.id, fixture.name).toBe(site.id);
      } else {
        // Forums are recognised by markup: no URL rule may claim them, the page itself must.
        expect(findSite(fixture.expected.pageUrl), fixture.name).toBeUndefined();
        const { document, close } = parsePage(fixture.html, fixture.expected.pageUrl);
        expect(detectForum(document)?.id, fixture.name).toBe(site.id);
        await close();
      }
    }
  });

  it('keeps forum engines out of the static manifest matches', () => {
    const patterns = searchEngineMatchPatterns();
    for (const site of SITES.filter((candidate) => candidate.kind === 'forum')) {
      for (const fixture of loadFixtures(site.kind, site.id)) {
        expect(patterns.some((pattern) => matchesPattern(pattern, fixture.expected.pageUrl)), fixture.name).toBe(false);
      }
    }
  });

  it('every https search engine URL is covered by the manifest match patterns, and no http one', () => {
    const patterns = searchEngineMatchPatterns();
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const site of SITES.filter((candidate) => candidate.kind === 'serp')) {
      for (const host of site.hosts) {
        for (const glob of site.paths) {
          const example = `https://${host.replace(/^\*\./, 'www.')}${glob.replace(/\*/g, 'q=x')}`;
          expect(patterns.some((pattern) => matchesPattern(pattern, example)), example).toBe(true);
          expect(findSite(example)?.id, example).toBe(site.id);
        }
      }
      // Saved pages of the plain-http era are still read, but the extension runs on https pages only.
      for (const fixture of loadFixtures(site.kind, site.id)) {
        const page = fixture.expected.pageUrl;
        expect(patterns.some((pattern) => matchesPattern(pattern, page)), fixture.name).toBe(page.startsWith('https://'));
      }
    }
  });

  it('covers Google country domains and keeps Google’s other sites out', () => {
    const patterns = searchEngineMatchPatterns();
    for (const url of ['https://www.google.ru/search?q=a', 'https://www.google.co.uk/search?q=a', 'https://google.com.br/search?q=a']) {
      expect(patterns.some((pattern) => matchesPattern(pattern, url)), url).toBe(true);
    }
    for (const url of ['https://developers.google.com/search/docs', 'https://www.google.com/search/howsearchworks/', 'https://mail.google.com/search?q=a']) {
      expect(patterns.some((pattern) => matchesPattern(pattern, url)), url).toBe(false);
      expect(findSite(url), url).toBeUndefined();
    }
  });

  it('registers every site file in lib/sites and nothing else', async () => {
    const siteFiles = fs
      .readdirSync(SITES_DIR)
      .filter((file) => file.endsWith('.ts') && !FRAMEWORK_FILES.has(file))
      .sort();
    const registered = new Set<AnySiteDefinition>(SITES);
    for (const file of siteFiles) {
      const module = (await import(path.join(SITES_DIR, file))) as Record<string, unknown>;
      const definitions = Object.values(module).filter(isSiteDefinition);
      expect(definitions, `${file} must export exactly one site definition`).toHaveLength(1);
      const [definition] = definitions;
      expect(definition && registered.has(definition), `${file} is not in SITES`).toBe(true);
      expect(definition?.id, `${file} defines a site with another id`).toBe(file.replace(/\.ts$/, ''));
    }
    expect(siteFiles.length).toBe(SITES.length);
  });
});
