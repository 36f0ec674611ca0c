import { labelStateOf, recommendStateOf } from '@/lib/kpi/label-state';
import type { PageMarkAction } from '@/lib/annotate/page-mark';
import type { Translate } from '@/lib/i18n';
import { MARK_MESSAGES, MARK_WORDS, type MarkMessageKey } from '@/lib/i18n/marks';
import { POPUP_MESSAGES, type PopupMessageKey } from '@/lib/i18n/popup';
import type { ItemState } from '@/lib/messaging';
import type { MarkSentiment } from '@/lib/schema';
import { useMessages } from './Locale';

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

const MARKS: readonly { action: PageMarkAction; text: MarkMessageKey; hint: MarkMessageKey }[] = [
  { action: 'positive', text: 'markPositive', hint: 'hintPositive' },
  { action: 'neutral', text: 'markNeutral', hint: 'hintNeutral' },
  { action: 'negative', text: 'markNegative', hint: 'hintNegative' },
  { action: 'irrelevant', text: 'markIrrelevant', hint: 'hintIrrelevant' },
  { action: 'recommends', text: 'markRecommends', hint: 'hintRecommends' },
];

const MAX_PASSAGE_SHOWN = 120;

function describeMark(state: PageToolsState, t: Translate<PopupMessageKey>, mark: Translate<MarkMessageKey>): string {
  const passage = state.passage !== null;
  const [source, sentiment] = labelStateOf(state.current ?? undefined).split(':') as [string, MarkSentiment | undefined];
  const recommends = recommendStateOf(state.current ?? undefined) === 'marked' ? ` · ${mark('markRecommends')}` : '';
  const label = sentiment && mark(MARK_WORDS[sentiment]);
  if (source === 'marked') return t(passage ? 'passageMarked' : 'pageMarked', { label: `${label}${recommends}` });
  if (source === 'suggested') return t(passage ? 'passageSuggested' : 'pageSuggested', { label: label ?? '' });
  return t(passage ? 'passageUnmarked' : 'pageUnmarked');
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
  const t = useMessages(POPUP_MESSAGES);
  const mark = useMessages(MARK_MESSAGES);
  if (!state.canAudit && !state.canMark) return null;
  const passage =
    state.passage !== null && state.passage.length > MAX_PASSAGE_SHOWN
      ? `${state.passage.slice(0, MAX_PASSAGE_SHOWN)}…`
      : state.passage;
  return (
    <section class="page-tools" aria-label={t('thisPage')}>
      {state.canAudit && (
        <p class="audit">
          <button
            type="button"
            data-testid="audit-site"
            disabled={state.busy}
            title={t('auditHint')}
            onClick={props.onAudit}
          >
            {t('auditSite')}
          </button>{' '}
          <span class="hint">{state.origin}</span>
        </p>
      )}
      {state.audited && (
        <p class="audited" data-testid="site-audited">
          {t('audited', { origin: state.origin })}
        </p>
      )}
      {state.canMark && (
        <div class="page-mark">
          <h2>{t('markThisPage')}</h2>
          {passage !== null && <p class="passage">“{passage}”</p>}
          <div class="page-mark-buttons" role="group" aria-label={t('markThisPage')}>
            {MARKS.map(({ action, text, hint }) => (
              <button
                type="button"
                key={action}
                data-testid={`page-mark-${action}`}
                class={`mark mark-${action}`}
                aria-pressed={isPressed(state.current, action)}
                title={mark(hint)}
                disabled={state.busy}
                onClick={() => props.onMark(action)}
              >
                {mark(text)}
              </button>
            ))}
          </div>
          <p class="page-mark-status" data-testid="page-mark-status" role="status">
            {state.error ?? (state.busy ? t('saving') : describeMark(state, t, mark))}
          </p>
        </div>
      )}
    </section>
  );
}
