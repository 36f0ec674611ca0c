import { LocalizedError, problem } from '../i18n/problems';
import { recommendStateOf } from '../kpi/label-state';
import { PageCaptureSchema, type ItemState, type PageCapture } from '../messaging/protocol';
import type { MarkSentiment } from '../schema';

/** The built entrypoints/page-capture.ts, injected into the tab being marked. */
export const PAGE_CAPTURE_FILE = '/page-capture.js';

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

export type ExecuteCaptureScript = (details: {
  target: { tabId: number };
  files: string[];
}) => Promise<ReadonlyArray<{ result?: unknown }>>;

/**
 * Reads the tab through the injected capture script. What comes back was made from a hostile page, so
 * it is held to the protocol's bounds before anything uses it.
 */
export async function captureTab(executeScript: ExecuteCaptureScript, tabId: number): Promise<PageCapture> {
  const [frame] = await executeScript({ target: { tabId }, files: [PAGE_CAPTURE_FILE] });
  const parsed = PageCaptureSchema.safeParse(frame?.result);
  if (!parsed.success) throw new LocalizedError(problem('pageUnreadable'));
  return parsed.data;
}
