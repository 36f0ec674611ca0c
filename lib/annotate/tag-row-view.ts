import { labelStateOf } from '../kpi/label-state';
import type { ItemState } from '../messaging/protocol';
import type { ClientFlags, MarkSentiment } from '../schema';

export type ItemLabel = MarkSentiment | 'unknown';

/** Everything one tag row shows; the view draws it, the controller decides it. */
export interface TagRowState {
  label: ItemLabel;
  labelSource: 'suggested' | 'marked';
  /** The suggestion's confidence in [0, 1] (lib/sentiment/confidence.ts); below LOW_CONFIDENCE it is shown as uncertain. */
  confidence: number | null;
  /** The project's confidence below which a suggestion is not counted in its KPIs. */
  countedFrom: number;
  recommends: boolean;
  recommendsSource: 'suggested' | 'marked';
  flags: ClientFlags;
  /** The row waits for the background to confirm a write. */
  saving: boolean;
  error: string | null;
  hasProject: boolean;
  /** The forum engine that found the post (`generic` for the guessing finder); null on search pages. */
  source: string | null;
}

export interface TagRowCallbacks {
  onMark: (sentiment: MarkSentiment) => void;
  onToggleRecommends: () => void;
  onOpenDashboard: () => void;
}

/** One mounted tag row; the content script draws it into an open shadow root (lib/annotate/shadow-view.ts). */
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
