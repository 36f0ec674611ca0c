import type { NextPageField, PageStateRules } from '../types';
import { queryAll } from './dom';

/**
 * The value a form field was served with: an input's `value` attribute (its property follows the
 * user's typing), a textarea's text.
 */
function servedValue(field: Element): string {
  const value = field.tagName.toUpperCase() === 'TEXTAREA' ? field.textContent : field.getAttribute('value');
  return (value ?? '').trim();
}

function firstServedValue(doc: Document, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    for (const field of queryAll(doc, selector)) {
      const value = servedValue(field);
      if (value !== '') return value;
    }
  }
  return undefined;
}

/** The query the page was served for, as its own fields state it. */
export function queryFromPage(rules: PageStateRules | undefined, doc: Document): string | undefined {
  return rules ? firstServedValue(doc, rules.query) : undefined;
}

function nextPageFirstRank(doc: Document, rule: NextPageField): number | undefined {
  const raw = firstServedValue(doc, [rule.field]);
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const value = Number.parseInt(raw, 10);
  return rule.unit === 'offset' ? value + 1 : value;
}

/**
 * Rank of the page's first organic result as the page states it: 1 unless the page shows it is a
 * later page; then the next page's start minus the `itemsShown` this page holds, or undefined
 * when no field gives a start a later page can have (rank 2 or more).
 */
export function firstRankFromPage(rules: PageStateRules | undefined, doc: Document, itemsShown: number): number | undefined {
  if (!rules?.laterPage || !rules.laterPage.some((selector) => queryAll(doc, selector).length > 0)) return 1;
  for (const rule of rules.nextPage ?? []) {
    const nextFirst = nextPageFirstRank(doc, rule);
    if (nextFirst !== undefined && nextFirst - itemsShown > 1) return nextFirst - itemsShown;
  }
  return undefined;
}
