import { hidesTagsOn, type QuietMode } from '@/lib/annotate/quiet-mode';
import { QUIET_MESSAGES } from '@/lib/i18n/quiet';
import { useMessages } from './Locale';

/**
 * Quiet mode's two switches, one click each: hide the tags on the tab's site (none on a page that is no web site),
 * and everywhere. Each is a checkbox, so it says its state to everyone, screen readers included.
 */
export function QuietModeControls(props: {
  /** The tab's host name, or null. */
  site: string | null;
  mode: QuietMode;
  onHideOnSite: (hidden: boolean) => void;
  onHideEverywhere: (hidden: boolean) => void;
}) {
  const { site, mode } = props;
  const t = useMessages(QUIET_MESSAGES);
  return (
    <section class="quiet-mode" aria-label={t('quietMode')}>
      {site !== null && (
        <label class="quiet-toggle">
          <input
            type="checkbox"
            data-testid="quiet-site"
            checked={hidesTagsOn(mode, site)}
            // Hidden everywhere, the site is hidden whatever its own switch says.
            disabled={mode.everywhere}
            onChange={(event) => props.onHideOnSite(event.currentTarget.checked)}
          />{' '}
          {t('hideOnSite', { site })}
        </label>
      )}
      <label class="quiet-toggle">
        <input type="checkbox" data-testid="quiet-everywhere" checked={mode.everywhere} onChange={(event) => props.onHideEverywhere(event.currentTarget.checked)} />{' '}
        {t('hideEverywhere')}
      </label>
      <p class="hint">{t('quietHint')}</p>
    </section>
  );
}
