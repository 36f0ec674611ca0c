import { describe, expect, it } from 'vitest';
import { labelStateOf, minSuggestionConfidenceOf, recommendStateOf } from '@/lib/kpi/label-state';
import type { Mark, Suggestion } from '@/lib/schema';

const suggestion = (confidence?: number): Suggestion => ({ label: 'positive', score: 0.6, recommends: true, confidence });
const mark: Mark = { sentiment: 'negative', recommends: false, at: 1, suggestedAtMark: 'positive' };
const atForty = { minSuggestionConfidence: 0.4 };

describe('how a suggestion counts against the project’s confidence threshold', () => {
  it('a 0.3-confidence suggestion does not count at 0.4, and counts at 0', () => {
    const unsure = { mark: null, suggested: suggestion(0.3) };
    expect(labelStateOf(unsure, atForty)).toBe('unlabeled');
    expect(recommendStateOf(unsure, atForty)).toBe('none');
    expect(labelStateOf(unsure, { minSuggestionConfidence: 0 })).toBe('suggested:positive');
    expect(recommendStateOf(unsure, { minSuggestionConfidence: 0 })).toBe('suggested');
  });

  it('a suggestion exactly at the threshold counts', () => {
    expect(labelStateOf({ mark: null, suggested: suggestion(0.4) }, atForty)).toBe('suggested:positive');
  });

  it('a mark counts whatever the confidence of the suggestion under it', () => {
    const marked = { mark, suggested: suggestion(0.1) };
    expect(labelStateOf(marked, atForty)).toBe('marked:negative');
    expect(recommendStateOf({ ...marked, mark: { ...mark, recommends: true } }, atForty)).toBe('marked');
  });

  it('a suggestion without a confidence (made before confidences existed) counts', () => {
    expect(labelStateOf({ mark: null, suggested: suggestion() }, { minSuggestionConfidence: 0.9 })).toBe('suggested:positive');
  });

  it('a project saved before the threshold existed lets every suggestion count, and so does a page showing one', () => {
    expect(minSuggestionConfidenceOf({})).toBe(0);
    expect(labelStateOf({ mark: null, suggested: suggestion(0.01) }, {})).toBe('suggested:positive');
    expect(labelStateOf({ mark: null, suggested: suggestion(0.01) })).toBe('suggested:positive');
  });
});
