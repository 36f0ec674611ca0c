import type { ResponseOf } from '@/lib/messaging';
import { BADGE_TEXT, badgesOf, labelText } from '@/lib/format/labels';
import type { Month } from '@/lib/schema';
import { safeHref } from '@/lib/ui/safe-href';

export type DrilldownData = ResponseOf<'drilldown.get'>;
type DrilldownList = DrilldownData['lists'][number];
type DrilldownEntry = DrilldownList['entries'][number];

/** `data-change` of an entry: new, same, or the signed number of places moved (+3 up, -2 down). */
function changeValue(change: DrilldownEntry['change']): string {
  if (typeof change === 'string') return change;
  return change.moved > 0 ? `+${change.moved}` : String(change.moved);
}

/** The arrow is for the eye; the words beside it are for screen readers. */
function ChangeView({ change }: { change: DrilldownEntry['change'] }) {
  if (change === 'new') return <span class="change change-new">new</span>;
  const [symbol, words] =
    change === 'same'
      ? ['=', 'same place']
      : [`${change.moved > 0 ? '▲' : '▼'}${Math.abs(change.moved)}`, `${change.moved > 0 ? 'up' : 'down'} ${Math.abs(change.moved)}`];
  return (
    <span class="change">
      <span aria-hidden="true">{symbol}</span>
      <span class="visually-hidden">{words}</span>
    </span>
  );
}

function EntryView({ entry }: { entry: DrilldownEntry }) {
  const badges = badgesOf(entry.flags);
  return (
    <li
      value={entry.rank}
      class={entry.newNegative ? 'new-negative' : undefined}
      data-testid="drilldown-entry"
      data-rank={entry.rank}
      data-change={changeValue(entry.change)}
    >
      <ChangeView change={entry.change} />{' '}
      <a href={safeHref(entry.url)} target="_blank" rel="noopener noreferrer">
        {entry.title || entry.url}
      </a>{' '}
      <span class="domain">{entry.domain}</span> · <span class="mention-label">{labelText(entry.label)}</span>
      {badges.map((flag) => (
        <span key={flag} class="badge">
          {' · '}
          {BADGE_TEXT[flag]}
        </span>
      ))}
      {entry.newNegative && (
        <>
          {' '}
          <strong class="new-negative-tag">new negative</strong>
        </>
      )}
    </li>
  );
}

function summaryOf(list: DrilldownList): string {
  const added = list.entries.filter((entry) => entry.change === 'new').length;
  const negatives = list.entries.filter((entry) => entry.newNegative).length;
  const parts = [`${list.entries.length} results`];
  if (list.previousObserved) parts.push(`${added} new`, `${list.dropped.length} dropped out`);
  if (negatives > 0) parts.push(`${negatives} new negative`);
  return parts.join(', ');
}

function ListView({ list, previousMonth }: { list: DrilldownList; previousMonth: Month }) {
  return (
    <details
      class="drilldown-list"
      data-testid="drilldown-list"
      data-query={list.query}
      data-engine={list.engine}
      open={list.entries.some((entry) => entry.newNegative)}
    >
      <summary>
        {list.query} — {list.engine}: {summaryOf(list)}
      </summary>
      {!list.previousObserved && <p class="empty">Not seen on {list.engine} in {previousMonth}: nothing to compare with.</p>}
      <ol>
        {list.entries.map((entry) => (
          <EntryView key={entry.rank} entry={entry} />
        ))}
      </ol>
      {list.dropped.length > 0 && (
        <>
          <h4>Dropped out since {previousMonth}</h4>
          <ul data-testid="drilldown-dropped">
            {list.dropped.map((dropped) => (
              <li key={dropped.canonicalUrl}>
                {dropped.title || dropped.canonicalUrl} (was #{dropped.previousRank})
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

/** What the user picked in the drill-down: a month, a key query, or both. */
export interface DrilldownChoice {
  month?: Month;
  query?: string;
}

/** The top-20 of one key query (or of each) on each engine for a month, and what changed since the month before. */
export function DrilldownPanel(props: { data: DrilldownData | null; onSelect: (choice: DrilldownChoice) => void }) {
  const { data } = props;
  if (!data) return null;
  const months = data.months.includes(data.month) ? data.months : [data.month, ...data.months];
  return (
    <section class="drilldown" data-testid="drilldown-panel">
      <h2>Top-20 by query</h2>
      <label>
        Month{' '}
        <select data-testid="drilldown-month" value={data.month} onChange={(event) => props.onSelect({ month: event.currentTarget.value })}>
          {months.map((month) => (
            <option key={month} value={month}>
              {month}
            </option>
          ))}
        </select>
      </label>{' '}
      {data.query !== null && (
        <label>
          Key query{' '}
          <select data-testid="drilldown-query" value={data.query} onChange={(event) => props.onSelect({ query: event.currentTarget.value })}>
            {data.queries.map((query) => (
              <option key={query} value={query}>
                {query}
              </option>
            ))}
          </select>
        </label>
      )}{' '}
      <span class="hint">compared with {data.previousMonth}</span>
      {data.lists.length === 0 ? (
        <p class="empty">No key-query results seen in {data.month}.</p>
      ) : (
        data.lists.map((list) => <ListView key={`${list.query}\u0001${list.engine}`} list={list} previousMonth={data.previousMonth} />)
      )}
    </section>
  );
}
