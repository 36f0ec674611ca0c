import { MARKING_KEYS, type KeyboardAction } from '@/lib/annotate/keyboard-marking';
import { MARK_MESSAGES, type MarkMessageKey } from '@/lib/i18n/marks';
import { POPUP_MESSAGES, type PopupMessageKey } from '@/lib/i18n/popup';
import { useMessages } from './Locale';

/** Each key's meaning: a mark in the words of the tag rows, or a move. */
const MEANING: Record<KeyboardAction, { marks: MarkMessageKey } | { popup: PopupMessageKey }> = {
  positive: { marks: 'markPositive' },
  neutral: { marks: 'markNeutral' },
  negative: { marks: 'markNegative' },
  irrelevant: { marks: 'markIrrelevant' },
  recommends: { marks: 'markRecommends' },
  next: { popup: 'keyNext' },
  previous: { popup: 'keyPrevious' },
};

/** The popup's legend of the marking keys, with the switch that turns them off and on. */
export function KeyboardPanel(props: { on: boolean; onSwitch: (on: boolean) => void }) {
  const t = useMessages(POPUP_MESSAGES);
  const mark = useMessages(MARK_MESSAGES);
  return (
    <section class="keyboard" data-testid="keyboard-panel" aria-label={t('keyboardMarking')}>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="keyboard-marking-switch"
          checked={props.on}
          onChange={(event) => props.onSwitch(event.currentTarget.checked)}
        />{' '}
        {t('keyboardMarking')}
      </label>
      <ul class="keys" aria-label={t('keyboardKeys')}>
        {MARKING_KEYS.map(({ key, action }) => {
          const meaning = MEANING[action];
          return (
            <li key={key}>
              <kbd>{key}</kbd> {'marks' in meaning ? mark(meaning.marks) : t(meaning.popup)}
            </li>
          );
        })}
      </ul>
      <p class="hint">{t('keyboardHint')}</p>
    </section>
  );
}
