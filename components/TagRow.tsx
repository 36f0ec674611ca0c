import type { ClientFlags, MarkSentiment } from '@/lib/schema';

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
