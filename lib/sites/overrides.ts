import { parse as parseSelector } from 'css-what';
import { z } from 'zod';
import { problem } from '../i18n/problems';
import { customIssue } from '../schema';
import { SITES } from './index';
import type { SelectorField } from './types';

/**
 * Selectors a user pastes in the dashboard when an engine changes its markup. Per site id and
 * field, they are tried before the built-in selectors, so a working override wins and a stale
 * one falls through to the defaults.
 */

const SELECTOR_FIELDS = ['resultRoot', 'link', 'title', 'snippet'] as const satisfies readonly SelectorField[];

/** Whether the selector is valid CSS (css-what parses it). */
export function isValidSelector(selector: string): boolean {
  if (selector.trim() === '') return false;
  try {
    parseSelector(selector);
    return true;
  } catch {
    return false;
  }
}

const selectorList = z.array(z.string()).max(20);

const SiteOverrideSchema = z.strictObject({
  resultRoot: selectorList.optional(),
  link: selectorList.optional(),
  title: selectorList.optional(),
  snippet: selectorList.optional(),
});

export const SiteOverridesSchema = z.record(z.string(), SiteOverrideSchema).superRefine((overrides, context) => {
  for (const [siteId, override] of Object.entries(overrides)) {
    if (!SITES.some((site) => site.id === siteId)) {
      context.addIssue({ ...customIssue(problem('noSuchSite', { site: siteId })), path: [siteId] });
      continue;
    }
    for (const field of SELECTOR_FIELDS) {
      (override[field] ?? []).forEach((selector, index) => {
        if (!isValidSelector(selector)) context.addIssue({ ...customIssue(problem('badSelector', { selector })), path: [siteId, field, index] });
      });
    }
  }
});

export type SiteOverride = z.infer<typeof SiteOverrideSchema>;
export type SiteOverrides = z.infer<typeof SiteOverridesSchema>;
