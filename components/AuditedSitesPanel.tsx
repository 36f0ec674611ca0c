import { formatDateTime } from '@/lib/format/intl';
import type { Translate, UiLocale } from '@/lib/i18n';
import { DASHBOARD_MESSAGES, type DashboardMessageKey } from '@/lib/i18n/dashboard';
import type { ResponseOf } from '@/lib/messaging';
import { GENERIC_FINDER } from '@/lib/sites/forum/engine-label';
import { useLocale, useMessages } from './Locale';

export type AuditedSites = ResponseOf<'sites.audited'>['sites'];

function describeLast(site: AuditedSites[number], t: Translate<DashboardMessageKey>, locale: UiLocale): string {
  if (!site.last) return t('notVisitedSinceGranted');
  // The generic finder's result is a guess, and says so.
  const found = site.engine === null ? t('noForumRecognised') : site.engine === GENERIC_FINDER ? t('genericFinder') : site.engine;
  return t('postsOnLastPage', { found, count: site.last.itemsFound, when: formatDateTime(site.last.at, locale) });
}

/** The sites granted from the popup ("Audit this site"), what was found there last, and how to give access back. */
export function AuditedSitesPanel(props: { sites: AuditedSites | null; onRevoke: (origin: string) => void }) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const locale = useLocale();
  return (
    <section class="audited-sites" data-testid="audited-sites">
      <h2>{t('auditedSites')}</h2>
      {props.sites === null || props.sites.length === 0 ? (
        <p class="empty">{t('noAuditedSites')}</p>
      ) : (
        <table>
          <tbody>
            {props.sites.map((site) => (
              <tr key={site.origin} data-testid="audited-site" data-origin={site.origin}>
                <th scope="row">{site.origin}</th>
                <td data-testid="audited-site-engine">{describeLast(site, t, locale)}</td>
                <td>
                  <button type="button" data-testid="revoke-site" title={t('revokeHint')} onClick={() => props.onRevoke(site.origin)}>
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
