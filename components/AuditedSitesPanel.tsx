import type { ResponseOf } from '@/lib/messaging';
import { engineLabel } from '@/lib/sites/forum/engine-label';

export type AuditedSites = ResponseOf<'sites.audited'>['sites'];

function describeLast(site: AuditedSites[number]): string {
  if (!site.last) return 'not visited since it was granted';
  const found = site.engine === null ? 'no forum recognised' : engineLabel(site.engine);
  return `${found}: ${site.last.itemsFound} posts on the last page · ${new Date(site.last.at).toLocaleString()}`;
}

/** The sites granted from the popup ("Audit this site"), what was found there last, and how to give access back. */
export function AuditedSitesPanel(props: { sites: AuditedSites | null; onRevoke: (origin: string) => void }) {
  return (
    <section class="audited-sites" data-testid="audited-sites">
      <h2>Audited sites</h2>
      {props.sites === null || props.sites.length === 0 ? (
        <p class="empty">No site audited yet: open a forum thread and use “Audit this site” in the popup.</p>
      ) : (
        <table>
          <tbody>
            {props.sites.map((site) => (
              <tr key={site.origin} data-testid="audited-site" data-origin={site.origin}>
                <th scope="row">{site.origin}</th>
                <td data-testid="audited-site-engine">{describeLast(site)}</td>
                <td>
                  <button
                    type="button"
                    data-testid="revoke-site"
                    title="Stop tagging this site and give its access back; its marks stay"
                    onClick={() => props.onRevoke(site.origin)}
                  >
                    Revoke
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
