import { domainForDisplay } from '@/lib/format/domain';
import type { ResponseOf } from '@/lib/messaging';
import { badgesOf } from '@/lib/format/labels';
import { monthInWords } from '@/lib/format/month';
import type { Translate } from '@/lib/i18n';
import { PANELS_MESSAGES, type PanelsMessageKey } from '@/lib/i18n/panels';
import type { Month } from '@/lib/schema';
import { safeHref } from '@/lib/ui/safe-href';
import { useLabelWords } from './LabelWords';
import { useLocale, useMessages } from './Locale';

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
  const t = useMessages(PANELS_MESSAGES);
  if (change === 'new') return <span class="change change-new">{t('changeNew')}</span>;
  const [symbol, words] =
    change === 'same'
      ? ['=', t('changeSame')]
      : [`${change.moved > 0 ? '▲' : '▼'}${Math.abs(change.moved)}`, t(change.moved > 0 ? 'changeUp' : 'changeDown', { count: Math.abs(change.moved) })];
  return (
    <span class="change">
      <span aria-hidden="true">{symbol}</span>
      <span class="visually-hidden">{words}</span>
    </span>
  );
}

function EntryView({ entry }: { entry: DrilldownEntry }) {
  const t = useMessages(PANELS_MESSAGES);
  const labels = useLabelWords();
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
      <span class="domain">{domainForDisplay(entry.domain)}</span> · <span class="mention-label">{labels.label(entry.label)}</span>
      {badges.map((flag) => (
        <span key={flag} class="badge">
          {' · '}
          {labels.badge(flag)}
        </span>
      ))}
      {entry.newNegative && (
        <>
          {' '}
          <strong class="new-negative-tag">{t('newNegative')}</strong>
        </>
      )}
    </li>
  );
}

function summaryOf(list: DrilldownList, t: Translate<PanelsMessageKey>): string {
  const added = list.entries.filter((entry) => entry.change === 'new').length;
  const negatives = list.entries.filter((entry) => entry.newNegative).length;
  const parts = [t('summaryResults', { count: list.entries.length })];
  if (list.previousObserved) parts.push(t('summaryNew', { count: added }), t('summaryDropped', { count: list.dropped.length }));
  if (negatives > 0) parts.push(t('summaryNewNegative', { count: negatives }));
  return parts.join(', ');
}

function ListView({ list, previousMonth }: { list: DrilldownList; previousMonth: Month }) {
  const t = useMessages(PANELS_MESSAGES);
  const locale = useLocale();
  const previous = monthInWords(previousMonth, locale);
  return (
    <details
      class="drilldown-list"
      data-testid="drilldown-list"
      data-query={list.query}
      data-engine={list.engine}
      open={list.entries.some((entry) => entry.newNegative)}
    >
      <summary>
        {list.query} — {list.engine}: {summaryOf(list, t)}
      </summary>
      {!list.previousObserved && <p class="empty">{t('notSeenBefore', { engine: list.engine, month: previous })}</p>}
      <ol>
        {list.entries.map((entry) => (
          <EntryView key={entry.rank} entry={entry} />
        ))}
      </ol>
      {list.dropped.length > 0 && (
        <>
          <h4>{t('droppedSince', { month: previous })}</h4>
          <ul data-testid="drilldown-dropped">
            {list.dropped.map((dropped) => (
              <li key={dropped.canonicalUrl}>{t('droppedWas', { title: dropped.title || dropped.canonicalUrl, rank: dropped.previousRank })}</li>
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
  const t = useMessages(PANELS_MESSAGES);
  const locale = useLocale();
  if (!data) return null;
  const months = data.months.includes(data.month) ? data.months : [data.month, ...data.months];
  return (
    <section class="drilldown" data-testid="drilldown-panel">
      <h2>{t('drilldownTitle')}</h2>
      <label>
        {t('month')}{' '}
        <select data-testid="drilldown-month" value={data.month} onChange={(event) => props.onSelect({ month: event.currentTarget.value })}>
          {months.map((month) => (
            <option key={month} value={month}>
              {monthInWords(month, locale)}
            </option>
          ))}
        </select>
      </label>{' '}
      {data.query !== null && (
        <label>
          {t('keyQuery')}{' '}
          <select data-testid="drilldown-query" value={data.query} onChange={(event) => props.onSelect({ query: event.currentTarget.value })}>
            {data.queries.map((query) => (
              <option key={query} value={query}>
                {query}
              </option>
            ))}
          </select>
        </label>
      )}{' '}
      <span class="hint">{t('comparedWith', { month: monthInWords(data.previousMonth, locale) })}</span>
      {data.lists.length === 0 ? (
        <p class="empty">{t('noKeyQueryResults', { month: monthInWords(data.month, locale) })}</p>
      ) : (
        data.lists.map((list) => <ListView key={`${list.query}\u0001${list.engine}`} list={list} previousMonth={data.previousMonth} />)
      )}
    </section>
  );
}
