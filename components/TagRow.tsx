import type { ClientFlags, MarkSentiment } from '@/lib/schema';
import { GENERIC_FINDER, engineLabel } from './engine-label';

export type ItemLabel = MarkSentiment | 'unknown';

export interface TagRowState {
  label: ItemLabel;
  labelSource: 'suggested' | 'marked';
  /** The suggestion's confidence, |score|, shown as a hint next to a suggested label. */
  confidence: number | null;
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

export interface TagRowProps {
  state: TagRowState;
  onMark: (sentiment: MarkSentiment) => void;
  onToggleRecommends: () => void;
  onOpenDashboard: () => void;
}

const MARK_BUTTONS: ReadonlyArray<{ action: MarkSentiment; text: string; hint: string }> = [
  { action: 'positive', text: 'positive', hint: 'Mark as positive (click again to clear)' },
  { action: 'neutral', text: 'neutral', hint: 'Mark as neutral (click again to clear)' },
  { action: 'negative', text: 'negative', hint: 'Mark as negative (click again to clear)' },
  { action: 'irrelevant', text: 'irrelevant', hint: 'Not about the client: left out of the KPIs' },
];

const LABEL_TEXT: Record<ItemLabel, string> = {
  positive: 'positive',
  neutral: 'neutral',
  negative: 'negative',
  irrelevant: 'irrelevant',
  unknown: '…',
};

function Badges({ flags }: { flags: ClientFlags }) {
  return (
    <>
      {flags.clientSite && <span class="badge badge-client">client site</span>}
      {flags.linksToClient && <span class="badge badge-link">links to client</span>}
      {flags.mentionsClient && <span class="badge badge-mention">mentions client</span>}
    </>
  );
}

/** The row of tags and one-click marks under each result or post. All text is rendered as text. */
export function TagRow({ state, onMark, onToggleRecommends, onOpenDashboard }: TagRowProps) {
  const marked = state.labelSource === 'marked';
  const needsProject = !state.hasProject;
  const suggestionTitle =
    state.confidence === null ? 'Suggested label' : `Suggested label (confidence ${Math.round(state.confidence * 100)}%)`;
  return (
    <div class={`row label-${state.label}`} role="group" aria-label="Reputation Lens">
      <span
        class={`label ${marked ? 'label-marked' : 'label-suggested'}`}
        title={marked ? 'Marked by you' : suggestionTitle}
      >
        {marked ? '✓ ' : '~ '}
        {LABEL_TEXT[state.label]}
      </span>
      <Badges flags={state.flags} />
      {state.source !== null && (
        <span
          class={`source ${state.source === GENERIC_FINDER ? 'source-guess' : ''}`}
          data-source={state.source}
          title={
            state.source === GENERIC_FINDER
              ? 'No known forum engine recognised: found by the generic finder of repeated post-like blocks'
              : 'Forum engine recognised on this page'
          }
        >
          {engineLabel(state.source)}
        </span>
      )}
      {MARK_BUTTONS.map(({ action, text, hint }) => (
        <button
          type="button"
          key={action}
          data-action={action}
          class={`mark mark-${action}`}
          aria-pressed={marked && state.label === action}
          title={needsProject ? 'Create a project in the dashboard to mark results' : hint}
          disabled={state.saving}
          onClick={() => (needsProject ? onOpenDashboard() : onMark(action))}
        >
          {text}
        </button>
      ))}
      <button
        type="button"
        data-action="recommends"
        class={`mark mark-recommends ${state.recommends ? (state.recommendsSource === 'marked' ? 'on' : 'suggested') : ''}`}
        aria-pressed={state.recommends && state.recommendsSource === 'marked'}
        title={needsProject ? 'Create a project in the dashboard to mark results' : 'Recommends the client'}
        disabled={state.saving}
        onClick={() => (needsProject ? onOpenDashboard() : onToggleRecommends())}
      >
        recommends
      </button>
      {needsProject && (
        <button type="button" class="setup" onClick={onOpenDashboard}>
          Set up a project to mark
        </button>
      )}
      {state.saving && <span class="status">saving…</span>}
      {state.error && (
        <span class="status error" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
