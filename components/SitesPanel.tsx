import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '@/lib/format/intl';
import type { Translate, UiLocale } from '@/lib/i18n';
import { DASHBOARD_MESSAGES, type DashboardMessageKey } from '@/lib/i18n/dashboard';
import type { ResponseOf } from '@/lib/messaging';
import { useLocale, useMessages } from './Locale';

export type SitesData = ResponseOf<'sites.status'>;

const OVERRIDES_EXAMPLE = `{
  "google": { "resultRoot": ["div.new-result"], "title": ["h3"], "snippet": [".new-snippet"] }
}`;

function describeStatus(
  last: SitesData['sites'][number]['last'],
  t: Translate<DashboardMessageKey>,
  locale: UiLocale,
): { text: string; state: 'ok' | 'broken' | 'none' } {
  if (!last) return { text: t('notVisitedYet'), state: 'none' };
  const when = formatDateTime(last.at, locale);
  if (last.itemsFound > 0) {
    const results = t('resultCount', { count: last.itemsFound });
    return { text: t('recognised', { results, blocks: t('resultLikeBlocks', { count: last.blocksSeen }), when }), state: 'ok' };
  }
  return { text: t('notRecognised', { count: last.blocksSeen, when }), state: 'broken' };
}

/** Per engine: was the last visited page understood; and the selector overrides for when markup changes. */
export function SitesPanel(props: {
  data: SitesData | null;
  error: string | null;
  saving: boolean;
  onSaveOverrides: (text: string) => void;
}) {
  const t = useMessages(DASHBOARD_MESSAGES);
  const locale = useLocale();
  const [text, setText] = useState(props.data?.overridesText ?? '');
  useEffect(() => setText(props.data?.overridesText ?? ''), [props.data?.overridesText]);
  return (
    <section class="sites" data-testid="sites-panel">
      <h2>{t('searchEngines')}</h2>
      <table>
        <tbody>
          {(props.data?.sites ?? []).map((site) => {
            const status = describeStatus(site.last, t, locale);
            return (
              <tr key={site.id} data-testid={`site-status-${site.id}`} data-state={status.state}>
                <th scope="row">{site.name}</th>
                <td class={`site-${status.state}`}>{status.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {/* Not needed day to day: folded away unless overrides are in use or were just refused. */}
      <details data-testid="advanced" open={Boolean(props.data?.overridesText) || props.error !== null}>
        <summary>{t('advanced')}</summary>
        <h3>{t('selectorOverrides')}</h3>
        <p>{t('overridesHelp')}</p>
        <textarea
          data-testid="overrides-text"
          rows={6}
          placeholder={OVERRIDES_EXAMPLE}
          value={text}
          onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
        />
        {props.error && (
          <p class="field-error" role="alert" data-testid="overrides-error">
            {props.error}
          </p>
        )}
        <button type="button" data-testid="overrides-save" disabled={props.saving} onClick={() => props.onSaveOverrides(text)}>
          {t('saveOverrides')}
        </button>
      </details>
    </section>
  );
}
