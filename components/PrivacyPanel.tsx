import { DASHBOARD_MESSAGES } from '@/lib/i18n/dashboard';
import { useMessages } from './Locale';

/**
 * What the extension keeps of the user's browsing, and the switches over it: searches of the project's key
 * queries and pages of audited sites are stored, other searches only where the user marks, private windows
 * not at all unless allowed here.
 */
export function PrivacyPanel(props: {
  storeIncognito: boolean | null;
  activeProjectName: string | null;
  busy: boolean;
  onStoreIncognitoChange: (allowed: boolean) => void;
  onClearHistory: () => void;
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('privacy')}</h2>
      <p>{t('privacyText')}</p>
      <label>
        <input
          type="checkbox"
          data-testid="privacy-store-incognito"
          checked={props.storeIncognito === true}
          disabled={props.storeIncognito === null || props.busy}
          onChange={(event) => props.onStoreIncognitoChange(event.currentTarget.checked)}
        />{' '}
        {t('storeIncognito')}
      </label>
      <div class="actions">
        <button type="button" data-testid="privacy-clear-history" disabled={props.busy || props.activeProjectName === null} onClick={props.onClearHistory}>
          {props.activeProjectName ? t('clearHistoryOf', { name: props.activeProjectName }) : t('clearHistoryOfActive')}
        </button>
      </div>
    </section>
  );
}
