import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageScripts } from '../bench/bundle';
import { TARGETS, builtManifest } from './built';

/** Zod's schema classes name themselves in strings the minifier keeps: `$ZodObject`, `$ZodString` ... */
const ZOD_CLASS = /\$Zod[A-Z]\w+/;

const containsZod = (files: readonly string[]) => files.some((file) => ZOD_CLASS.test(readFileSync(file, 'utf8')));

/**
 * The popup opens at once: it draws the report the background worked out ahead, then the background's answer, both
 * already checked against the protocol, so the scripts it loads do not build the protocol's schemas (zod is loaded
 * only when the popup reads a page it will mark).
 */
describe('the popup before its first render', () => {
  it('runs no zod, where the dashboard does', () => {
    builtManifest('chrome');
    expect(containsZod(pageScripts(TARGETS.chrome, 'popup.html'))).toBe(false);
    // The dashboard validates what the user types with zod: the check above would see it.
    expect(containsZod(pageScripts(TARGETS.chrome, 'options.html'))).toBe(true);
  });

  it('is one script (wxt.config.ts builds it apart from the other pages): each file is a request of its own', () => {
    for (const target of [TARGETS.chrome, TARGETS.firefox]) expect(pageScripts(target, 'popup.html')).toHaveLength(1);
  });
});
