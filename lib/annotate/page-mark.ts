import { recommendStateOf } from '../kpi/label-state';
import type { ItemState } from '../messaging/protocol';
import type { MarkSentiment } from '../schema';

export const PAGE_MARK_ACTIONS = ['positive', 'neutral', 'negative', 'irrelevant', 'recommends'] as const;
export type PageMarkAction = (typeof PAGE_MARK_ACTIONS)[number];

export interface PageMarkRequest {
  sentiment: MarkSentiment | null;
  recommends: boolean;
}

/**
 * The mark a click asks for, from the mention's current state: a sentiment replaces the current one
 * ('toggle' clears it when it is already set, as in the tag row), 'recommends' flips the toggle and
 * keeps the sentiment.
 */
export function nextPageMark(current: ItemState | null, action: PageMarkAction, mode: 'toggle' | 'set'): PageMarkRequest {
  const sentiment = current?.mark?.sentiment ?? null;
  const recommends = recommendStateOf(current ?? undefined) !== 'none';
  if (action === 'recommends') return { sentiment, recommends: !recommends };
  const clearing = mode === 'toggle' && sentiment === action;
  return { sentiment: clearing ? null : action, recommends: current?.mark?.recommends ?? false };
}
