import type { ItemLabel, TagRowState } from '@/components/TagRow';
import { labelStateOf } from '../kpi/label-state';
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
  const counted = labelStateOf(state ?? undefined);
  if (counted === 'unlabeled') return { label: 'unknown', labelSource: 'suggested' };
  const [source, label] = counted.split(':') as ['marked' | 'suggested', ItemLabel];
  return { label, labelSource: source };
}
