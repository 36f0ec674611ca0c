import { parse as parseSelector } from 'css-what';
import { z } from 'zod';
import { SITES } from './index';
import type { SelectorField } from './types';

/**
 * Selectors a user pastes in the dashboard when an engine changes its markup. Per site id and
 * field, they are tried before the built-in selectors, so a working override wins and a stale
 * one falls through to the defaults.
 */

const SELECTOR_FIELDS = ['resultRoot', 'link', 'title', 'snippet'] as const satisfies readonly SelectorField[];

/** Why the selector is not valid CSS, or null when it parses. */
export function selectorError(selector: string): string | null {
  if (selector.trim() === '') return 'empty selector';
  try {
    parseSelector(selector);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
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
      context.addIssue({ code: 'custom', path: [siteId], message: `${siteId}: no such site` });
      continue;
    }
    for (const field of SELECTOR_FIELDS) {
      (override[field] ?? []).forEach((selector, index) => {
        const problem = selectorError(selector);
        if (problem) {
          context.addIssue({
            code: 'custom',
            path: [siteId, field, index],
            message: `${siteId}.${field}[${index}]: invalid CSS selector "${selector}" (${problem})`,
          });
        }
      });
    }
  }
});

export type SiteOverride = z.infer<typeof SiteOverrideSchema>;
export type SiteOverrides = z.infer<typeof SiteOverridesSchema>;
