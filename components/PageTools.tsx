import { labelStateOf, recommendStateOf } from '@/lib/kpi/label-state';
import type { PageMarkAction } from '@/lib/annotate/page-mark';
import type { ItemState } from '@/lib/messaging';

export interface PageToolsState {
  /** `https://host` of the tab. */
  origin: string;
  /** Neither a search engine nor audited yet: the site can be audited. */
  canAudit: boolean;
  /** The user granted the site: its forum posts are tagged. */
  audited: boolean;
  /** Any web page that is not a search page can be marked as a mention. */
  canMark: boolean;
  /** The selected passage that a mark applies to; null marks the whole page. */
  passage: string | null;
  /** The mention's stored state (the page's, or the passage's once marked). */
  current: ItemState | null;
  busy: boolean;
  error: string | null;
}

const MARKS: ReadonlyArray<{ action: PageMarkAction; hint: string }> = [
  { action: 'positive', hint: 'Mark as positive (click again to clear)' },
  { action: 'neutral', hint: 'Mark as neutral (click again to clear)' },
  { action: 'negative', hint: 'Mark as negative (click again to clear)' },
  { action: 'irrelevant', hint: 'Not about the client: left out of the KPIs' },
  { action: 'recommends', hint: 'Recommends the client' },
];

const MAX_PASSAGE_SHOWN = 120;

function describeMark(state: PageToolsState): string {
  const subject = state.passage === null ? 'This page' : 'The selected passage';
  const label = labelStateOf(state.current ?? undefined);
  const recommends = recommendStateOf(state.current ?? undefined) === 'marked' ? ' · recommends' : '';
  if (label.startsWith('marked:')) return `${subject} is marked ${label.slice('marked:'.length)}${recommends}.`;
  if (label.startsWith('suggested:')) return `${subject} is not marked yet (suggested: ${label.slice('suggested:'.length)}).`;
  return `${subject} is not marked yet.`;
}

function isPressed(current: ItemState | null, action: PageMarkAction): boolean {
  if (action === 'recommends') return recommendStateOf(current ?? undefined) === 'marked';
  return current?.mark?.sentiment === action;
}

/** The popup's tools for the page in the tab: audit its site, and mark the page or a selected passage. */
export function PageTools(props: {
  state: PageToolsState;
  onAudit: () => void;
  onMark: (action: PageMarkAction) => void;
}) {
  const { state } = props;
  if (!state.canAudit && !state.canMark) return null;
  const passage =
    state.passage !== null && state.passage.length > MAX_PASSAGE_SHOWN
      ? `${state.passage.slice(0, MAX_PASSAGE_SHOWN)}…`
      : state.passage;
  return (
    <section class="page-tools" aria-label="This page">
      {state.canAudit && (
        <p class="audit">
          <button
            type="button"
            data-testid="audit-site"
            disabled={state.busy}
            title="Tag every forum post on this site (asks the browser for access to this site only)"
            onClick={props.onAudit}
          >
            Audit this site
          </button>{' '}
          <span class="hint">{state.origin}</span>
        </p>
      )}
      {state.audited && (
        <p class="audited" data-testid="site-audited">
          Audited: forum posts on {state.origin} are tagged.
        </p>
      )}
      {state.canMark && (
        <div class="page-mark">
          <h2>Mark this page</h2>
          {passage !== null && <p class="passage">“{passage}”</p>}
          <div class="page-mark-buttons" role="group" aria-label="Mark this page">
            {MARKS.map(({ action, hint }) => (
              <button
                type="button"
                key={action}
                data-testid={`page-mark-${action}`}
                class={`mark mark-${action}`}
                aria-pressed={isPressed(state.current, action)}
                title={hint}
                disabled={state.busy}
                onClick={() => props.onMark(action)}
              >
                {action}
              </button>
            ))}
          </div>
          <p class="page-mark-status" data-testid="page-mark-status" role="status">
            {state.error ?? (state.busy ? 'saving…' : describeMark(state))}
          </p>
        </div>
      )}
    </section>
  );
}
