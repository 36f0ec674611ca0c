import { useEffect, useState } from 'preact/hooks';
import type { MentionRow, PortalRow } from '@/lib/messaging';
import { labelStateOf } from '@/lib/kpi/label-state';
import { engineLabel } from '@/lib/sites/forum/engine-label';
import { safeHref } from '@/lib/ui/safe-href';

const KIND_TEXT: Record<PortalRow['kind'], string> = {
  forum: 'forum',
  'review-site': 'review site',
  blog: 'blog',
  news: 'news',
  other: 'other',
};

function formatDate(at: number | null): string {
  return at === null ? '—' : new Date(at).toLocaleDateString();
}

function parsePopularity(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

function MentionList({ mentions }: { mentions: readonly MentionRow[] }) {
  if (mentions.length === 0) return <p class="empty">No mentions stored.</p>;
  return (
    <ul class="mentions" data-testid="portal-mentions">
      {mentions.map((mention) => (
        <li key={mention.canonicalUrl} data-label={labelStateOf(mention.item)}>
          <a href={safeHref(mention.url)} target="_blank" rel="noopener noreferrer">
            {mention.title || mention.url}
          </a>{' '}
          <span class="mention-label">{labelStateOf(mention.item).replace(':', ': ')}</span>
          {mention.excerpt && <p class="excerpt">{mention.excerpt}</p>}
        </li>
      ))}
    </ul>
  );
}

function PortalRowView(props: {
  portal: PortalRow;
  mentions: readonly MentionRow[] | undefined;
  onSave: (popularity: number | null, note: string) => void;
  onToggleMentions: () => void;
}) {
  const { portal } = props;
  const [popularity, setPopularity] = useState(portal.popularity === null ? '' : String(portal.popularity));
  const [note, setNote] = useState(portal.note);
  useEffect(() => setPopularity(portal.popularity === null ? '' : String(portal.popularity)), [portal.popularity]);
  useEffect(() => setNote(portal.note), [portal.note]);
  const parsed = parsePopularity(popularity);
  const changed = parsed !== portal.popularity || note !== portal.note;
  const { byLabel } = portal;
  return (
    <>
      <tr data-testid="portal-row" data-domain={portal.domain}>
        <th scope="row">{portal.domain}</th>
        <td>{KIND_TEXT[portal.kind]}</td>
        <td>{portal.engine === null ? '—' : engineLabel(portal.engine)}</td>
        <td class="number">{portal.threads}</td>
        <td class="labels" title="positive / neutral / negative / irrelevant / unmarked">
          {portal.mentions}: {byLabel.positive} + / {byLabel.neutral} ○ / {byLabel.negative} − / {byLabel.irrelevant} ∅ /{' '}
          {byLabel.unmarked} ?
        </td>
        <td data-testid="portal-links">{portal.hasLinkToClient ? 'yes' : 'no'}</td>
        <td>{formatDate(portal.lastActivityAt)}</td>
        <td>
          <input
            type="number"
            min="0"
            step="any"
            data-testid="portal-popularity"
            aria-label={`Popularity of ${portal.domain}`}
            aria-invalid={parsed === 'invalid'}
            value={popularity}
            onInput={(event) => setPopularity((event.target as HTMLInputElement).value)}
          />
        </td>
        <td>
          <input
            type="text"
            maxLength={2000}
            data-testid="portal-note"
            aria-label={`Note on ${portal.domain}`}
            value={note}
            onInput={(event) => setNote((event.target as HTMLInputElement).value)}
          />
        </td>
        <td class="actions">
          <button
            type="button"
            data-testid="portal-save"
            disabled={!changed || parsed === 'invalid'}
            onClick={() => parsed !== 'invalid' && props.onSave(parsed, note)}
          >
            Save
          </button>
          <button type="button" data-testid="portal-mentions-toggle" aria-expanded={props.mentions !== undefined} onClick={props.onToggleMentions}>
            mentions
          </button>
        </td>
      </tr>
      {props.mentions !== undefined && (
        <tr class="portal-mentions">
          <td colSpan={10}>
            <MentionList mentions={props.mentions} />
          </td>
        </tr>
      )}
    </>
  );
}

/** One row per portal of the project: what was seen there, the user's popularity figure and note. */
export function PortalsPanel(props: {
  portals: readonly PortalRow[] | null;
  /** Mentions of the portals whose list is open (absent: closed). */
  openMentions: Readonly<Record<string, readonly MentionRow[]>>;
  onSave: (domain: string, popularity: number | null, note: string) => void;
  onToggleMentions: (domain: string) => void;
}) {
  return (
    <section class="portals" data-testid="portals-panel">
      <h2>Portals</h2>
      {props.portals === null || props.portals.length === 0 ? (
        <p class="empty">No portal yet: audit a forum from the popup, or mark a review page or article there.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">domain</th>
              <th scope="col">kind</th>
              <th scope="col">engine</th>
              <th scope="col">threads</th>
              <th scope="col">mentions by label</th>
              <th scope="col">links to client</th>
              <th scope="col">last activity</th>
              <th scope="col">popularity</th>
              <th scope="col">note</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {props.portals.map((portal) => (
              <PortalRowView
                key={portal.domain}
                portal={portal}
                mentions={props.openMentions[portal.domain]}
                onSave={(popularity, note) => props.onSave(portal.domain, popularity, note)}
                onToggleMentions={() => props.onToggleMentions(portal.domain)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
