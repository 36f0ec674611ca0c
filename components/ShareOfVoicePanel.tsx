import { domainForDisplay } from '@/lib/format/domain';
import { numberFormat } from '@/lib/format/intl';
import { monthInWords } from '@/lib/format/month';
import { PANELS_MESSAGES } from '@/lib/i18n/panels';
import type { DrilldownData } from './DrilldownPanel';
import { useLocale, useMessages } from './Locale';

type QueryShares = DrilldownData['shareOfVoice']['byQuery'][number];
type MonthShares = QueryShares['months'][number];
type SlotShares = Pick<MonthShares, 'competitors' | 'client' | 'byCompetitor'>;

function SharesTable(props: { caption: string; competitors: readonly string[]; rows: readonly { month: string; shares: SlotShares | undefined }[] }) {
  const t = useMessages(PANELS_MESSAGES);
  const locale = useLocale();
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const formatShare = (share: number | null | undefined) => (share === null || share === undefined ? '—' : percent.format(share));
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colMonth')}</th>
          <th scope="col">{t('colCompetitors')}</th>
          <th scope="col">{t('colClient')}</th>
          {props.competitors.map((domain) => (
            <th key={domain} scope="col">
              {domainForDisplay(domain)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ month, shares }) => (
          <tr key={month} data-month={month}>
            <th scope="row">{monthInWords(month, locale)}</th>
            <td data-share="competitors">{formatShare(shares?.competitors)}</td>
            <td data-share="client">{formatShare(shares?.client)}</td>
            {props.competitors.map((domain) => (
              <td key={domain}>{formatShare(shares?.byCompetitor[domain])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QueryView({ query }: { query: QueryShares }) {
  const t = useMessages(PANELS_MESSAGES);
  const competitors = [...new Set(query.months.flatMap((month) => Object.keys(month.byCompetitor)))];
  const engines = [...new Set(query.months.flatMap((month) => Object.keys(month.byEngine)))].sort();
  return (
    <div class="share-of-voice-query" data-query={query.query}>
      <SharesTable
        caption={t('shareAllEngines', { query: query.query })}
        competitors={competitors}
        rows={query.months.map((month) => ({ month: month.month, shares: month }))}
      />
      {engines.map((engine) => (
        <details key={engine}>
          <summary>{t('shareOnEngine', { query: query.query, engine })}</summary>
          <SharesTable
            caption={`${query.query}: ${engine}`}
            competitors={competitors}
            rows={query.months.map((month) => ({ month: month.month, shares: month.byEngine[engine] }))}
          />
        </details>
      ))}
    </div>
  );
}

/** Per key query, month over month: how much of the top-20 competitors hold, against the client's own share. */
export function ShareOfVoicePanel({ data }: { data: DrilldownData['shareOfVoice'] | null }) {
  const t = useMessages(PANELS_MESSAGES);
  if (!data) return null;
  const noCompetitors = data.byQuery.every((query) => query.months.every((month) => Object.keys(month.byCompetitor).length === 0));
  return (
    <section class="share-of-voice" data-testid="share-of-voice">
      <h2>{t('shareTitle')}</h2>
      <p class="hint">{t('shareHint')}</p>
      {data.byQuery.length === 0 ? (
        <p class="empty">{t('shareNone')}</p>
      ) : (
        <>
          {noCompetitors && <p class="empty">{t('shareNoCompetitors')}</p>}
          {data.byQuery.map((query) => (
            <QueryView key={query.query} query={query} />
          ))}
        </>
      )}
    </section>
  );
}
