import linter, { type LinterMessage } from 'addons-linter';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from './built';

/**
 * `web-ext lint` on the Firefox build: the same checks addons.mozilla.org runs on a submission, through
 * addons-linter's Node API (what web-ext lint calls). Errors fail; warnings are printed, and on the
 * manifest only the known minimum-version notes are accepted.
 */

/**
 * Manifest warnings accepted, with why: data_collection_permissions is read from Firefox 140 (Android 142)
 * and ignored before; we declare it anyway (we collect nothing) and keep 128 as the minimum, the first
 * Firefox that reads optional_host_permissions.
 */
const ACCEPTED_MANIFEST_WARNINGS = new Set(['KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION']);

function describeMessage(message: LinterMessage): string {
  const where = `${message.file ?? '(package)'}${message.line ? `:${message.line}` : ''}`;
  const description = Array.isArray(message.description) ? message.description.join(' ') : (message.description ?? '');
  return `${message.type} ${message.code} at ${where}: ${message.message}${description ? ` — ${description}` : ''}`;
}

describe('web-ext lint (addons-linter) on the Firefox build', () => {
  let errors: LinterMessage[] = [];
  let warnings: LinterMessage[] = [];

  beforeAll(async () => {
    const dir = TARGETS.firefox;
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`${dir} is missing: build it first (\`npm run build:firefox\`; \`npm run test:e2e\` builds it).`);
    }
    const results = await linter
      .createInstance({
        config: {
          _: [dir],
          logLevel: 'fatal',
          stack: false,
          pretty: false,
          warningsAsErrors: false,
          metadata: false,
          output: 'none',
          boring: false,
          selfHosted: false,
          shouldScanFile: () => true,
          minManifestVersion: 2,
          maxManifestVersion: 3,
          enableDataCollectionPermissions: true,
        },
        runAsBinary: false,
      })
      .run();
    ({ errors, warnings } = results);
    if (warnings.length > 0) console.info(`addons-linter: ${warnings.length} warning(s)\n${warnings.map(describeMessage).join('\n')}`);
  }, 120_000);

  it('finds no errors', () => {
    expect(errors.map(describeMessage)).toEqual([]);
  });

  it('finds nothing to warn about in the manifest but the known minimum-version notes', () => {
    const manifestWarnings = warnings.filter((warning) => warning.file === 'manifest.json' && !ACCEPTED_MANIFEST_WARNINGS.has(warning.code));
    expect(manifestWarnings.map(describeMessage)).toEqual([]);
  });
});
