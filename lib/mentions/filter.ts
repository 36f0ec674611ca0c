import { z } from 'zod';
import { labelStateOf } from '../kpi/label-state';
import { DomainSchema, MARK_SENTIMENTS, MentionKindSchema, MonthSchema, type Mention } from '../schema';

/**
 * The dashboard's mention list: which stored mentions a search shows, and in what order. Pure, so the background
 * runs it over the stored records and tests run it over plain objects.
 */

/** The most mentions one page of a search returns. */
export const MAX_MENTION_PAGE = 500;

export const MENTION_LABELS = [...MARK_SENTIMENTS, 'unlabeled'] as const;
export type MentionLabel = (typeof MENTION_LABELS)[number];

export const MentionFilterSchema = z.object({
  /** Case-insensitive substring of the title, the excerpt or the URL. */
  text: z.string().max(500).optional(),
  /** The label the mention counts with: the user's mark, else the suggestion (lib/kpi/label-state.ts). */
  label: z.enum(MENTION_LABELS).optional(),
  /** Whether that label is the user's mark or our suggestion. */
  state: z.enum(['marked', 'suggested', 'any']).optional(),
  kind: MentionKindSchema.optional(),
  /** The domain or any of its subdomains. */
  domain: DomainSchema.optional(),
  /** A search engine id (`google`, `yandex` …): results the project's snapshots saw on it (in `month`, when given). */
  engine: z.string().min(1).max(100).optional(),
  /** A portal's domain, exactly (the portal table's mention list). */
  portal: z.string().min(1).max(300).optional(),
  /** A month the mention was seen in. */
  month: MonthSchema.optional(),
});
export type MentionFilter = z.output<typeof MentionFilterSchema>;

/**
 * The test a search applies to each mention. `engineUrls` are the canonical URLs seen on `filter.engine` (in
 * `filter.month`, when given), which only the snapshots know; they are required when the filter names an engine.
 */
export function mentionMatcher(filter: MentionFilter, engineUrls?: ReadonlySet<string>): (mention: Mention) => boolean {
  if (filter.engine !== undefined && engineUrls === undefined) throw new Error('An engine filter needs the URLs seen on that engine');
  const { kind, portal, domain, month, label, state = 'any' } = filter;
  const needle = filter.text?.trim().toLocaleLowerCase() ?? '';
  const subdomainSuffix = `.${domain}`;
  return (mention) => {
    if (kind !== undefined && mention.kind !== kind) return false;
    if (portal !== undefined && mention.domain !== portal) return false;
    if (domain !== undefined && mention.domain !== domain && !mention.domain.endsWith(subdomainSuffix)) return false;
    if (month !== undefined && !mention.months.includes(month)) return false;
    if (engineUrls !== undefined && !engineUrls.has(mention.canonicalUrl)) return false;
    if (label !== undefined || state !== 'any') {
      const counted = countedLabelOf(mention);
      if ((label !== undefined && counted.label !== label) || (state !== 'any' && counted.source !== state)) return false;
    }
    return needle === '' || [mention.title, mention.excerpt, mention.url].some((text) => text.toLocaleLowerCase().includes(needle));
  };
}

/** The label a mention counts with and where it comes from (null: neither a mark nor a suggestion gives one). */
export function countedLabelOf(mention: Pick<Mention, 'mark' | 'suggested'>): { label: MentionLabel; source: 'marked' | 'suggested' | null } {
  const labelState = labelStateOf(mention);
  if (labelState === 'unlabeled') return { label: 'unlabeled', source: null };
  const [source, label] = labelState.split(':') as ['marked' | 'suggested', MentionLabel];
  return { label, source };
}

/** Newest sighting first; the URL breaks ties so that pages of a search never overlap. */
export function compareNewestFirst(a: Pick<Mention, 'lastSeen' | 'canonicalUrl'>, b: Pick<Mention, 'lastSeen' | 'canonicalUrl'>): number {
  return b.lastSeen - a.lastSeen || (a.canonicalUrl < b.canonicalUrl ? -1 : a.canonicalUrl > b.canonicalUrl ? 1 : 0);
}
