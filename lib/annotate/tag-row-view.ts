import { labelStateOf } from '../kpi/label-state';
import type { ItemState } from '../messaging/protocol';
import type { ClientFlags, MarkSentiment } from '../schema';

export type ItemLabel = MarkSentiment | 'unknown';

/** What a row's buttons do (their `data-action`). */
export type MarkAction = MarkSentiment | 'recommends';

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

/** The element a tag row lives in, one per item (the page-DOM contract, DESIGN.md section 5). */
export const TAG_ROW_TAG = 'rl-tags';

/**
 * One tag row: its host element (not yet in the page) with what it draws in a closed shadow root
 * (lib/annotate/shadow-view.ts).
 */
export interface TagRowView {
  readonly host: Element;
  render(state: TagRowState): void;
  /**
   * Does what the user's click on the `action` button does (lib/annotate/keyboard-controller.ts), nothing while a
   * write is pending; false when the row cannot mark (not drawn yet, or no project): the key is then not ours.
   */
  press(action: MarkAction): boolean;
  /** Shows, inside the row, that the keys act on its item (chosen with j/k). */
  showCurrent(current: boolean): void;
  destroy(): void;
}

/** Makes a row for `doc`, whose buttons call `callbacks`. */
export type TagRowViewFactory = (doc: Document, callbacks: TagRowCallbacks) => TagRowView;

/** What a row shows as its label: a mark wins; otherwise the suggestion; "unknown" until the background answers. */
export function itemLabel(state: ItemState | null): { label: ItemLabel; labelSource: 'suggested' | 'marked' } {
  const counted = labelStateOf(state ?? undefined);
  if (counted === 'unlabeled') return { label: 'unknown', labelSource: 'suggested' };
  const [source, label] = counted.split(':') as ['marked' | 'suggested', ItemLabel];
  return { label, labelSource: source };
}
