import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetBrowser } from 'wxt';
import { UI_LOCALES } from '@/lib/i18n';
import { MANIFEST_DEFAULT_LOCALE, MANIFEST_MESSAGES, localeFiles, manifestMessageKeys } from '@/lib/i18n/manifest';
import config from '@/wxt.config';

const ROOT = path.resolve(__dirname, '../..');

function manifestFor(browser: TargetBrowser) {
  const given = config.manifest;
  const manifest = typeof given === 'function' ? given({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) : given;
  if (!manifest || manifest instanceof Promise) throw new Error('wxt.config.ts is expected to give the manifest at once');
  return manifest;
}

/** What the build writes as `_locales/<locale>/messages.json`, read back as the browser reads it. */
function writtenMessages(): Record<string, Record<string, { message: string }>> {
  return Object.fromEntries(
    localeFiles().map((file) => [file.relativeDest.split('/')[1]!, JSON.parse(file.contents) as Record<string, { message: string }>]),
  );
}

describe('the manifest in every interface language (_locales)', () => {
  it('has a messages.json per language, each with every key, none empty', () => {
    const written = writtenMessages();
    expect(Object.keys(written).sort()).toEqual([...UI_LOCALES].sort());
    expect(localeFiles().map((file) => file.relativeDest)).toContain(`_locales/${MANIFEST_DEFAULT_LOCALE}/messages.json`);
    const keys = Object.keys(MANIFEST_MESSAGES.en).sort();
    for (const locale of UI_LOCALES) {
      expect(Object.keys(written[locale]!).sort(), locale).toEqual(keys);
      for (const key of keys) expect(written[locale]![key]!.message.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('keeps the name and the short description within the stores’ limits', () => {
    for (const locale of UI_LOCALES) {
      // Chrome Web Store: the description at most 132 characters; a manifest name at most 75.
      expect(MANIFEST_MESSAGES[locale].extensionDescription.length, locale).toBeLessThanOrEqual(132);
      expect(MANIFEST_MESSAGES[locale].extensionName.length, locale).toBeLessThanOrEqual(75);
    }
  });

  it.each<TargetBrowser>(['chrome', 'firefox'])('%s: names the default language and only messages every language has', (browser) => {
    const manifest = manifestFor(browser);
    expect(manifest.default_locale).toBe(MANIFEST_DEFAULT_LOCALE);
    expect(manifest.name).toBe('__MSG_extensionName__');
    expect(manifest.description).toBe('__MSG_extensionDescription__');
    // The toolbar button's title comes from the popup page's meta tag (WXT reads `manifest.title`).
    const popupPage = readFileSync(path.join(ROOT, 'entrypoints/popup/index.html'), 'utf8');
    const used = [...new Set([...manifestMessageKeys(manifest), ...manifestMessageKeys(popupPage)])];
    expect(used).toContain('extensionName');
    for (const locale of UI_LOCALES) expect(Object.keys(writtenMessages()[locale]!), locale).toEqual(expect.arrayContaining(used));
  });

  it('finds the message names a manifest uses', () => {
    expect(manifestMessageKeys({ name: '__MSG_a__', commands: { quiet: { description: '__MSG_commandQuiet__' } }, x: 'plain' })).toEqual([
      'a',
      'commandQuiet',
    ]);
  });
});

describe('store listing texts', () => {
  it.each(UI_LOCALES)('%s: assets/store/%s.md quotes the manifest’s short description', (locale) => {
    const listing = readFileSync(path.join(ROOT, 'assets/store', `${locale}.md`), 'utf8');
    expect(listing).toContain(MANIFEST_MESSAGES[locale].extensionDescription);
  });
});
