import { useEffect, useState } from 'preact/hooks';
import { domainForDisplay } from '@/lib/format/domain';
import { monthInWords } from '@/lib/format/month';
import type { Translate } from '@/lib/i18n';
import { PANELS_MESSAGES, type PanelsMessageKey } from '@/lib/i18n/panels';
import type { MentionRow, RequestOf } from '@/lib/messaging';
import { normalizeDomain } from '@/lib/match/url';
import { countedLabelOf, MENTION_LABELS, type MentionFilter, type MentionLabel } from '@/lib/mentions/filter';
import { MonthSchema, type MentionKind } from '@/lib/schema';
import { safeHref } from '@/lib/ui/safe-href';
import { useLabelWords, type LabelWords } from './LabelWords';
import { useLocale, useMessages } from './Locale';

/** What a bulk relabel sets on every selected mention. */
export type RelabelEdit = Pick<RequestOf<'mentions.relabel'>, 'sentiment' | 'recommends'>;

export interface MentionResults {
  rows: readonly MentionRow[];
  total: number;
  offset: number;
}

const KIND_TEXT: Record<MentionKind, PanelsMessageKey> = {
  'serp-result': 'kindSerpResult',
  'forum-post': 'kindForumPost',
  page: 'kindPage',
};

type Words = { t: Translate<PanelsMessageKey>; labels: LabelWords };

const RELABEL_ACTIONS: readonly { action: string; text: (words: Words) => string; edit: RelabelEdit }[] = [
  { action: 'positive', text: ({ labels }) => labels.sentiment('positive'), edit: { sentiment: 'positive' } },
  { action: 'neutral', text: ({ labels }) => labels.sentiment('neutral'), edit: { sentiment: 'neutral' } },
  { action: 'negative', text: ({ labels }) => labels.sentiment('negative'), edit: { sentiment: 'negative' } },
  { action: 'irrelevant', text: ({ labels }) => labels.sentiment('irrelevant'), edit: { sentiment: 'irrelevant' } },
  { action: 'recommends', text: ({ labels }) => labels.recommends, edit: { recommends: true } },
  { action: 'not-recommends', text: ({ t }) => t('relabelNotRecommends'), edit: { recommends: false } },
  { action: 'clear', text: ({ t }) => t('relabelClear'), edit: { sentiment: null, recommends: false } },
];

/** A filter's label in words: a sentiment, or none. */
function labelWord(label: MentionLabel, { t, labels }: Words): string {
  return label === 'unlabeled' ? t('labelUnlabeled') : labels.sentiment(label);
}

const SOURCE_SEPARATOR = ':';

function sourceOf(filter: MentionFilter): string {
  if (filter.engine !== undefined) return `engine${SOURCE_SEPARATOR}${filter.engine}`;
  if (filter.portal !== undefined) return `portal${SOURCE_SEPARATOR}${filter.portal}`;
  return '';
}

function withSource(filter: MentionFilter, source: string): MentionFilter {
  const at = source.indexOf(SOURCE_SEPARATOR);
  const [type, value] = [source.slice(0, at), source.slice(at + 1)];
  return { ...filter, engine: type === 'engine' ? value : undefined, portal: type === 'portal' ? value : undefined };
}

function labelText(row: MentionRow, words: Words): string {
  const { label, source } = countedLabelOf(row.item);
  const shown = [labelWord(label, words)];
  if (source !== null) shown.push(words.t(source === 'marked' ? 'sourceMarked' : 'sourceSuggested'));
  if (row.item.mark?.recommends) shown.push(words.labels.recommends);
  return shown.join(' · ');
}

const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** A filter field left empty means "any": the filter drops the key rather than matching an empty value. */
const optional = <T extends string>(value: string): T | undefined => (value === '' ? undefined : (value as T));

function DomainField(props: { domain: string | undefined; onChange: (domain: string | undefined) => void }) {
  const t = useMessages(PANELS_MESSAGES);
  const [text, setText] = useState(props.domain ?? '');
  // Follow a domain set from outside (a reset), but not the normalised form of what is being typed.
  useEffect(() => {
    if ((normalizeDomain(text) ?? undefined) !== props.domain) setText(props.domain ?? '');
  }, [props.domain]);
  const domain = normalizeDomain(text);
  const invalid = text.trim() !== '' && domain === null;
  return (
    <input
      type="text"
      placeholder={t('domainPlaceholder')}
      aria-label={t('domainLabel')}
      aria-invalid={invalid}
      title={invalid ? t('domainInvalid') : undefined}
      value={text}
      onInput={(event) => {
        const typed = inputValue(event);
        setText(typed);
        const normalized = normalizeDomain(typed);
        if (typed.trim() === '' || normalized !== null) props.onChange(normalized ?? undefined);
      }}
    />
  );
}

function Filters(props: {
  filter: MentionFilter;
  engines: readonly { id: string; name: string }[];
  portals: readonly string[];
  onChange: (filter: MentionFilter) => void;
}) {
  const { filter, onChange } = props;
  const t = useMessages(PANELS_MESSAGES);
  const words = { t, labels: useLabelWords() };
  return (
    <div class="mention-filters">
      <input
        type="search"
        data-testid="mentions-search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        value={filter.text ?? ''}
        onInput={(event) => onChange({ ...filter, text: optional(inputValue(event)) })}
      />
      <select aria-label={t('filterLabel')} value={filter.label ?? ''} onChange={(event) => onChange({ ...filter, label: optional(inputValue(event)) })}>
        <option value="">{t('filterAnyLabel')}</option>
        {MENTION_LABELS.map((label) => (
          <option key={label} value={label}>
            {labelWord(label, words)}
          </option>
        ))}
      </select>
      <select aria-label={t('filterState')} value={filter.state ?? 'any'} onChange={(event) => onChange({ ...filter, state: optional(inputValue(event)) })}>
        <option value="any">{t('filterStateAny')}</option>
        <option value="marked">{t('filterStateMarked')}</option>
        <option value="suggested">{t('filterStateSuggested')}</option>
      </select>
      <select aria-label={t('filterKind')} value={filter.kind ?? ''} onChange={(event) => onChange({ ...filter, kind: optional(inputValue(event)) })}>
        <option value="">{t('filterAnyKind')}</option>
        {Object.entries(KIND_TEXT).map(([kind, text]) => (
          <option key={kind} value={kind}>
            {t(text)}
          </option>
        ))}
      </select>
      <select aria-label={t('filterSource')} value={sourceOf(filter)} onChange={(event) => onChange(withSource(filter, inputValue(event)))}>
        <option value="">{t('filterAnySource')}</option>
        <optgroup label={t('filterEngines')}>
          {props.engines.map((engine) => (
            <option key={engine.id} value={`engine${SOURCE_SEPARATOR}${engine.id}`}>
              {engine.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('filterPortals')}>
          {props.portals.map((domain) => (
            <option key={domain} value={`portal${SOURCE_SEPARATOR}${domain}`}>
              {domainForDisplay(domain)}
            </option>
          ))}
        </optgroup>
      </select>
      <DomainField domain={filter.domain} onChange={(domain) => onChange({ ...filter, domain })} />
      <input
        type="month"
        aria-label={t('filterMonth')}
        value={filter.month ?? ''}
        onInput={(event) => {
          const month = MonthSchema.safeParse(inputValue(event));
          onChange({ ...filter, month: month.success ? month.data : undefined });
        }}
      />
    </div>
  );
}

/**
 * The project's stored mentions, searched and filtered, with a bulk relabel of the selected ones. Titles and
 * excerpts come from pages and render as text only.
 */
export function MentionsPanel(props: {
  filter: MentionFilter;
  onFilterChange: (filter: MentionFilter) => void;
  /** The page on show; null until the first answer. */
  results: MentionResults | null;
  pageSize: number;
  onPage: (offset: number) => void;
  engines: readonly { id: string; name: string }[];
  portals: readonly string[];
  /** A relabel is being written: the bulk actions wait for it. */
  busy: boolean;
  onRelabel: (canonicalUrls: string[], edit: RelabelEdit) => void;
}) {
  const { results } = props;
  const t = useMessages(PANELS_MESSAGES);
  const locale = useLocale();
  const words = { t, labels: useLabelWords() };
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const rows = results?.rows ?? [];
  // Only rows on show are selected, so a live refresh keeps the ticks and no action reaches a row out of sight.
  const selected = new Set(rows.map((row) => row.canonicalUrl).filter((url) => ticked.has(url)));
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.canonicalUrl));
  const toggle = (url: string) => {
    const next = new Set(selected);
    if (!next.delete(url)) next.add(url);
    setTicked(next);
  };
  const filtered = Object.values(props.filter).some((value) => value !== undefined && value !== 'any');
  return (
    <section class="mentions-panel" data-testid="mentions-panel">
      <h2>{t('mentionsTitle')}</h2>
      <Filters filter={props.filter} engines={props.engines} portals={props.portals} onChange={props.onFilterChange} />
      <div class="mention-bulk" role="toolbar" aria-label={t('bulkLabel')} data-testid="mentions-relabel">
        <span>{selected.size === 0 ? t('bulkNone') : t('bulkSelected', { count: selected.size })}</span>
        {RELABEL_ACTIONS.map(({ action, text, edit }) => (
          <button
            key={action}
            type="button"
            data-action={action}
            disabled={selected.size === 0 || props.busy}
            onClick={() => props.onRelabel([...selected], edit)}
          >
            {text(words)}
          </button>
        ))}
      </div>
      {results === null || results.total === 0 ? (
        <p class="empty" data-testid={results ? 'mentions-total' : undefined} data-value={results ? '0' : undefined}>
          {results === null ? t('loading') : filtered ? t('mentionsNoMatch') : t('mentionsNone')}
        </p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={allSelected}
                    ref={(box) => {
                      if (box) box.indeterminate = selected.size > 0 && !allSelected;
                    }}
                    onChange={() => setTicked(allSelected ? new Set() : new Set(rows.map((row) => row.canonicalUrl)))}
                  />
                </th>
                <th scope="col">{t('colTitleUrl')}</th>
                <th scope="col">{t('colDomain')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colLabel')}</th>
                <th scope="col">{t('colMonths')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.canonicalUrl} data-testid="mention-row" data-url={row.canonicalUrl}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('selectRow', { title: row.title || row.url })}
                      checked={selected.has(row.canonicalUrl)}
                      onChange={() => toggle(row.canonicalUrl)}
                    />
                  </td>
                  <td>
                    <a href={safeHref(row.url)} target="_blank" rel="noopener noreferrer">
                      {row.title || row.url}
                    </a>
                    <div class="url">{row.url}</div>
                  </td>
                  <td>{domainForDisplay(row.domain)}</td>
                  <td>{t(KIND_TEXT[row.kind])}</td>
                  <td class="mention-label">{labelText(row, words)}</td>
                  <td>
                    {[...row.months]
                      .sort()
                      .map((month) => monthInWords(month, locale))
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager results={results} pageSize={props.pageSize} onPage={props.onPage} />
        </>
      )}
    </section>
  );
}

function Pager(props: { results: MentionResults; pageSize: number; onPage: (offset: number) => void }) {
  const { offset, rows, total } = props.results;
  const t = useMessages(PANELS_MESSAGES);
  return (
    <p class="mention-pager">
      <button type="button" disabled={offset === 0} onClick={() => props.onPage(Math.max(0, offset - props.pageSize))}>
        {t('pagePrevious')}
      </button>{' '}
      <span data-testid="mentions-total" data-value={total}>
        {t('pageRange', { first: offset + 1, last: offset + rows.length, total })}
      </span>{' '}
      <button type="button" disabled={offset + rows.length >= total} onClick={() => props.onPage(offset + props.pageSize)}>
        {t('pageNext')}
      </button>
    </p>
  );
}
