import { useEffect, useState } from 'preact/hooks';
import { domainForDisplay } from '@/lib/format/domain';
import { formatDate, numberFormat } from '@/lib/format/intl';
import type { Translate, UiLocale } from '@/lib/i18n';
import { PANELS_MESSAGES, type PanelsMessageKey } from '@/lib/i18n/panels';
import type { MentionRow, PortalRow } from '@/lib/messaging';
import { labelStateOf } from '@/lib/kpi/label-state';
import type { LabelState, MarkSentiment } from '@/lib/schema';
import { GENERIC_FINDER } from '@/lib/sites/forum/engine-label';
import { safeHref } from '@/lib/ui/safe-href';
import { useLabelWords, type LabelWords } from './LabelWords';
import { useLocale, useMessages } from './Locale';

const KIND_TEXT: Record<PortalRow['kind'], PanelsMessageKey> = {
  forum: 'portalForum',
  'review-site': 'portalReviewSite',
  blog: 'portalBlog',
  news: 'portalNews',
  other: 'portalOther',
};

function lastActivity(at: number | null, locale: UiLocale): string {
  return at === null ? '—' : formatDate(at, locale);
}

/** "suggested: negative": where a mention's label comes from, and the label. */
function labelStateText(state: LabelState, t: Translate<PanelsMessageKey>, labels: LabelWords): string {
  if (state === 'unlabeled') return t('labelUnlabeled');
  const [source, sentiment] = state.split(':') as ['marked' | 'suggested', MarkSentiment];
  return t(source === 'marked' ? 'labelMarkedAs' : 'labelSuggestedAs', { label: labels.sentiment(sentiment) });
}

function parsePopularity(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

function MentionList({ mentions }: { mentions: readonly MentionRow[] }) {
  const t = useMessages(PANELS_MESSAGES);
  const labels = useLabelWords();
  if (mentions.length === 0) return <p class="empty">{t('portalMentionsNone')}</p>;
  return (
    <ul class="mentions" data-testid="portal-mentions">
      {mentions.map((mention) => (
        <li key={mention.canonicalUrl} data-label={labelStateOf(mention.item)}>
          <a href={safeHref(mention.url)} target="_blank" rel="noopener noreferrer">
            {mention.title || mention.url}
          </a>{' '}
          <span class="mention-label">{labelStateText(labelStateOf(mention.item), t, labels)}</span>
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
  const t = useMessages(PANELS_MESSAGES);
  const labels = useLabelWords();
  const locale = useLocale();
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
        <th scope="row">{domainForDisplay(portal.domain)}</th>
        <td>{t(KIND_TEXT[portal.kind])}</td>
        <td>{portal.engine === null ? '—' : portal.engine === GENERIC_FINDER ? t('genericEngine') : portal.engine}</td>
        <td class="number">{numberFormat(locale).format(portal.threads)}</td>
        <td
          class="labels"
          title={[...(['positive', 'neutral', 'negative', 'irrelevant'] as const).map(labels.sentiment), t('labelUnmarked')].join(' / ')}
        >
          {portal.mentions}: {byLabel.positive} + / {byLabel.neutral} ○ / {byLabel.negative} − / {byLabel.irrelevant} ∅ /{' '}
          {byLabel.unmarked} ?
        </td>
        <td data-testid="portal-links">{portal.hasLinkToClient ? t('yes') : t('no')}</td>
        <td>{lastActivity(portal.lastActivityAt, locale)}</td>
        <td>
          <input
            type="number"
            min="0"
            step="any"
            data-testid="portal-popularity"
            aria-label={t('popularityOf', { domain: domainForDisplay(portal.domain) })}
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
            aria-label={t('noteOn', { domain: domainForDisplay(portal.domain) })}
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
            {t('save')}
          </button>
          <button type="button" data-testid="portal-mentions-toggle" aria-expanded={props.mentions !== undefined} onClick={props.onToggleMentions}>
            {t('portalMentions')}
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
  const t = useMessages(PANELS_MESSAGES);
  return (
    <section class="portals" data-testid="portals-panel">
      <h2>{t('portalsTitle')}</h2>
      {props.portals === null || props.portals.length === 0 ? (
        <p class="empty">{t('portalsNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colDomain')}</th>
              <th scope="col">{t('colKind')}</th>
              <th scope="col">{t('colEngine')}</th>
              <th scope="col">{t('colThreads')}</th>
              <th scope="col">{t('colMentionsByLabel')}</th>
              <th scope="col">{t('colLinksToClient')}</th>
              <th scope="col">{t('colLastActivity')}</th>
              <th scope="col">{t('colPopularity')}</th>
              <th scope="col">{t('colNote')}</th>
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
