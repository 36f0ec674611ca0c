import type { ItemLabel, TagRowState } from '@/components/TagRow';
import type { ItemState } from '../messaging/protocol';
import type { MarkSentiment } from '../schema';

export interface TagRowCallbacks {
  onMark: (sentiment: MarkSentiment) => void;
  onToggleRecommends: () => void;
  onOpenDashboard: () => void;
}

/** One mounted tag row; the content script renders it with Preact into an open shadow root. */
export interface TagRowView {
  readonly host: Element;
  render(state: TagRowState): void;
  isConnected(): boolean;
  destroy(): void;
}

export type TagRowViewFactory = (host: Element, callbacks: TagRowCallbacks) => TagRowView;

/** The page-DOM label contract: a mark wins; otherwise the suggestion; "unknown" until the background answers. */
export function itemLabel(state: ItemState | null): { label: ItemLabel; labelSource: 'suggested' | 'marked' } {
  if (state?.mark?.sentiment) return { label: state.mark.sentiment, labelSource: 'marked' };
  if (state?.suggested) return { label: state.suggested.label, labelSource: 'suggested' };
  return { label: 'unknown', labelSource: 'suggested' };
}
