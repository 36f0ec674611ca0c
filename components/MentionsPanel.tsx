import { useEffect, useState } from 'preact/hooks';
import type { MentionRow, RequestOf } from '@/lib/messaging';
import { normalizeDomain } from '@/lib/match/url';
import { countedLabelOf, MENTION_LABELS, type MentionFilter } from '@/lib/mentions/filter';
import { MonthSchema, type MentionKind } from '@/lib/schema';
import { safeHref } from '@/lib/ui/safe-href';

/** What a bulk relabel sets on every selected mention. */
export type RelabelEdit = Pick<RequestOf<'mentions.relabel'>, 'sentiment' | 'recommends'>;

export interface MentionResults {
  rows: readonly MentionRow[];
  total: number;
  offset: number;
}

const KIND_TEXT: Record<MentionKind, string> = {
  'serp-result': 'search result',
  'forum-post': 'forum post',
  page: 'page',
};

const RELABEL_ACTIONS: readonly { action: string; text: string; edit: RelabelEdit }[] = [
  { action: 'positive', text: 'positive', edit: { sentiment: 'positive' } },
  { action: 'neutral', text: 'neutral', edit: { sentiment: 'neutral' } },
  { action: 'negative', text: 'negative', edit: { sentiment: 'negative' } },
  { action: 'irrelevant', text: 'irrelevant', edit: { sentiment: 'irrelevant' } },
  { action: 'recommends', text: 'recommends', edit: { recommends: true } },
  { action: 'not-recommends', text: 'does not recommend', edit: { recommends: false } },
  { action: 'clear', text: 'clear the mark', edit: { sentiment: null, recommends: false } },
];

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

function labelText(row: MentionRow): string {
  const { label, source } = countedLabelOf(row.item);
  const words: string[] = source === null ? [label] : [label, source];
  if (row.item.mark?.recommends) words.push('recommends');
  return words.join(' · ');
}

const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** A filter field left empty means "any": the filter drops the key rather than matching an empty value. */
const optional = <T extends string>(value: string): T | undefined => (value === '' ? undefined : (value as T));

function DomainField(props: { domain: string | undefined; onChange: (domain: string | undefined) => void }) {
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
      placeholder="domain"
      aria-label="Domain (with its subdomains)"
      aria-invalid={invalid}
      title={invalid ? 'Not a domain: type something like example.com' : undefined}
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
  return (
    <div class="mention-filters">
      <input
        type="search"
        data-testid="mentions-search"
        placeholder="Search titles, excerpts and URLs"
        aria-label="Search mentions"
        value={filter.text ?? ''}
        onInput={(event) => onChange({ ...filter, text: optional(inputValue(event)) })}
      />
      <select aria-label="Label" value={filter.label ?? ''} onChange={(event) => onChange({ ...filter, label: optional(inputValue(event)) })}>
        <option value="">any label</option>
        {MENTION_LABELS.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Marked or suggested" value={filter.state ?? 'any'} onChange={(event) => onChange({ ...filter, state: optional(inputValue(event)) })}>
        <option value="any">marked or suggested</option>
        <option value="marked">marked by you</option>
        <option value="suggested">suggested only</option>
      </select>
      <select aria-label="Kind" value={filter.kind ?? ''} onChange={(event) => onChange({ ...filter, kind: optional(inputValue(event)) })}>
        <option value="">any kind</option>
        {Object.entries(KIND_TEXT).map(([kind, text]) => (
          <option key={kind} value={kind}>
            {text}
          </option>
        ))}
      </select>
      <select aria-label="Seen on" value={sourceOf(filter)} onChange={(event) => onChange(withSource(filter, inputValue(event)))}>
        <option value="">any engine or portal</option>
        <optgroup label="Search engines">
          {props.engines.map((engine) => (
            <option key={engine.id} value={`engine${SOURCE_SEPARATOR}${engine.id}`}>
              {engine.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Portals">
          {props.portals.map((domain) => (
            <option key={domain} value={`portal${SOURCE_SEPARATOR}${domain}`}>
              {domain}
            </option>
          ))}
        </optgroup>
      </select>
      <DomainField domain={filter.domain} onChange={(domain) => onChange({ ...filter, domain })} />
      <input
        type="month"
        aria-label="Seen in month"
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
      <h2>Mentions</h2>
      <Filters filter={props.filter} engines={props.engines} portals={props.portals} onChange={props.onFilterChange} />
      <div class="mention-bulk" role="toolbar" aria-label="Mark the selected mentions" data-testid="mentions-relabel">
        <span>{selected.size === 0 ? 'Select mentions to mark them together.' : `Mark ${selected.size} selected as`}</span>
        {RELABEL_ACTIONS.map(({ action, text, edit }) => (
          <button
            key={action}
            type="button"
            data-action={action}
            disabled={selected.size === 0 || props.busy}
            onClick={() => props.onRelabel([...selected], edit)}
          >
            {text}
          </button>
        ))}
      </div>
      {results === null ? (
        <p class="empty">Loading…</p>
      ) : results.total === 0 ? (
        <p class="empty" data-testid="mentions-total" data-value="0">
          {filtered ? 'No mention matches these filters.' : 'No mentions stored yet: browse search results or forums with this project active.'}
        </p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={allSelected}
                    ref={(box) => {
                      if (box) box.indeterminate = selected.size > 0 && !allSelected;
                    }}
                    onChange={() => setTicked(allSelected ? new Set() : new Set(rows.map((row) => row.canonicalUrl)))}
                  />
                </th>
                <th scope="col">title and URL</th>
                <th scope="col">domain</th>
                <th scope="col">kind</th>
                <th scope="col">label</th>
                <th scope="col">months</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.canonicalUrl} data-testid="mention-row" data-url={row.canonicalUrl}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.title || row.url}`}
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
                  <td>{row.domain}</td>
                  <td>{KIND_TEXT[row.kind]}</td>
                  <td class="mention-label">{labelText(row)}</td>
                  <td>{[...row.months].sort().join(', ')}</td>
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
  return (
    <p class="mention-pager">
      <button type="button" disabled={offset === 0} onClick={() => props.onPage(Math.max(0, offset - props.pageSize))}>
        ‹ previous
      </button>{' '}
      <span data-testid="mentions-total" data-value={total}>
        {(offset + 1).toLocaleString()}–{(offset + rows.length).toLocaleString()} of {total.toLocaleString()}
      </span>{' '}
      <button type="button" disabled={offset + rows.length >= total} onClick={() => props.onPage(offset + props.pageSize)}>
        next ›
      </button>
    </p>
  );
}
