import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The production builds these tests read. They run in the e2e config (vitest.e2e.config.ts), after
 * `npm run test:e2e` has built both targets; run alone they need `npm run build && npm run build:firefox`.
 */
export const OUTPUT = join(import.meta.dirname, '..', '..', '.output');

export const TARGETS = {
  chrome: join(OUTPUT, 'chrome-mv3'),
  firefox: join(OUTPUT, 'firefox-mv3'),
} as const;

export type Target = keyof typeof TARGETS;

/** The parts of a built manifest these tests look at. */
export interface BuiltManifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; exclude_matches?: string[]; js?: string[]; css?: string[] }[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: (string | { resources: string[]; matches?: string[]; extension_ids?: string[] })[];
  externally_connectable?: unknown;
  sandbox?: unknown;
  icons?: Record<string, string>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
}

export function builtManifest(target: Target): BuiltManifest {
  const file = join(TARGETS[target], 'manifest.json');
  if (!existsSync(file)) {
    const build = target === 'chrome' ? 'npm run build' : 'npm run build:firefox';
    throw new Error(`${file} is missing: build it first (\`${build}\`; \`npm run test:e2e\` builds both).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
}
