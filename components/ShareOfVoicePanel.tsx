import type { DrilldownData } from './DrilldownPanel';

type QueryShares = DrilldownData['shareOfVoice']['byQuery'][number];
type MonthShares = QueryShares['months'][number];
type SlotShares = Pick<MonthShares, 'competitors' | 'client' | 'byCompetitor'>;

const PERCENT = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

const formatShare = (share: number | null | undefined) => (share === null || share === undefined ? '—' : PERCENT.format(share));

function SharesTable(props: { caption: string; competitors: readonly string[]; rows: readonly { month: string; shares: SlotShares | undefined }[] }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">month</th>
          <th scope="col">competitors</th>
          <th scope="col">client</th>
          {props.competitors.map((domain) => (
            <th key={domain} scope="col">
              {domain}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(({ month, shares }) => (
          <tr key={month} data-month={month}>
            <th scope="row">{month}</th>
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
  const competitors = [...new Set(query.months.flatMap((month) => Object.keys(month.byCompetitor)))];
  const engines = [...new Set(query.months.flatMap((month) => Object.keys(month.byEngine)))].sort();
  return (
    <div class="share-of-voice-query" data-query={query.query}>
      <SharesTable
        caption={`${query.query}: all engines`}
        competitors={competitors}
        rows={query.months.map((month) => ({ month: month.month, shares: month }))}
      />
      {engines.map((engine) => (
        <details key={engine}>
          <summary>
            {query.query} on {engine}
          </summary>
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
  if (!data) return null;
  const noCompetitors = data.byQuery.every((query) => query.months.every((month) => Object.keys(month.byCompetitor).length === 0));
  return (
    <section class="share-of-voice" data-testid="share-of-voice">
      <h2>Share of voice</h2>
      <p class="hint">Share of the filled top-20 places of each key query held by competitor domains and by the client’s.</p>
      {data.byQuery.length === 0 ? (
        <p class="empty">No key-query results seen in the last twelve months.</p>
      ) : (
        <>
          {noCompetitors && <p class="empty">No competitor domains in this project: add them in the project form.</p>}
          {data.byQuery.map((query) => (
            <QueryView key={query.query} query={query} />
          ))}
        </>
      )}
    </section>
  );
}
