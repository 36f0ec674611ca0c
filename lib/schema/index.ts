import { z } from 'zod';
import { problem, type Problem } from '../i18n/problems';
import { normalizeDomain } from '../match/url';

/** The single source of the extension's record types: everything stored or sent is parsed with these. */

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const SentimentSchema = z.enum(SENTIMENTS);
export type Sentiment = z.infer<typeof SentimentSchema>;

/** What the user can mark a mention as: a sentiment, or "not about the client" (excluded from KPIs). */
export const MARK_SENTIMENTS = ['positive', 'neutral', 'negative', 'irrelevant'] as const;
export const MarkSentimentSchema = z.enum(MARK_SENTIMENTS);
export type MarkSentiment = z.infer<typeof MarkSentimentSchema>;

export const LangSchema = z.enum(['en', 'ru', 'bg']);
export type Lang = z.infer<typeof LangSchema>;

/** The longest URL stored or sent: far beyond any real page's address, and it keeps one key from weighing megabytes. */
export const MAX_URL_LENGTH = 8192;

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** Why `value` is not a web page's address (an absolute http or https URL), or null when it is one. */
function notHttpUrl(value: string): Problem | null {
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    return problem('notWebAddress');
  }
  return WEB_SCHEMES.has(protocol) ? null : problem('notWebScheme', { scheme: protocol });
}

/** A custom zod issue said with a message of lib/i18n/errors.ts (lib/i18n/problems.ts); `message` names it, for logs. */
export function customIssue(said: Problem) {
  return { code: 'custom' as const, message: said.key, params: { problem: said } };
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar month as `YYYY-MM`; anything else is refused with a sentence of its own. */
export const MonthSchema = z.string().check((ctx) => {
  if (!MONTH_PATTERN.test(ctx.value)) ctx.issues.push({ ...customIssue(problem('monthFormat')), input: ctx.value });
});
export type Month = z.infer<typeof MonthSchema>;

/**
 * A web page's address of any length: http or https only, so no `javascript:`, `data:` or `file:` URL is ever
 * stored, shown or opened. Only page.observe takes it unbounded, to skip an overlong result rather than refuse the page.
 */
export const AnyLengthHttpUrlSchema = z.string().check((ctx) => {
  const refusal = notHttpUrl(ctx.value);
  if (refusal) ctx.issues.push({ ...customIssue(refusal), input: ctx.value });
});

/** Every URL that arrives from a page or is sent back: a web page's address, at most MAX_URL_LENGTH characters. */
export const HttpUrlSchema = AnyLengthHttpUrlSchema.max(MAX_URL_LENGTH);

/** `scheme://` in front: the value is written as a URL. */
const WRITTEN_AS_URL = /^([a-z][a-z0-9+.-]*:)\/\//i;

export const DomainSchema = z.string().transform((value, ctx) => {
  const scheme = WRITTEN_AS_URL.exec(value.trim())?.[1]?.toLowerCase();
  if (scheme !== undefined && !WEB_SCHEMES.has(scheme)) {
    ctx.addIssue(customIssue(problem('notDomainScheme', { value, scheme })));
    return z.NEVER;
  }
  const domain = normalizeDomain(value);
  if (domain === null) {
    ctx.addIssue(customIssue(problem('notDomain', { value })));
    return z.NEVER;
  }
  return domain;
});

/** A share from 0 to 1; its refusals are said by lib/i18n/problems.ts from zod's issue codes, beside the field. */
const share = () => z.number().min(0).max(1);

/** KPI targets; shares are fractions 0..1, counts are whole numbers. Defaults come from METHODOLOGY.md. */
export const TargetsSchema = z.object({
  serpPositivity: share().default(0.7),
  thirdPartyRecommend: share().default(0.15),
  portalCoverage: z.number().int().min(0).max(10_000).default(20),
  negativeTop10: z.number().int().min(0).max(10).default(0),
});
export type Targets = z.infer<typeof TargetsSchema>;
export const DEFAULT_TARGETS: Targets = TargetsSchema.parse({});

/** The entries of a list, each once: the first spelling of entries that are the same under `sameness`. */
const once =
  (sameness: (entry: string) => string) =>
  (entries: string[]): string[] => {
    const seen = new Set<string>();
    return entries.filter((entry) => {
      const key = sameness(entry);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
/** Brand terms and queries repeat when only case or spacing differs ("Acme  Clinic", "acme clinic"). */
const looseText = (entry: string) => entry.toLowerCase().replace(/\s+/g, ' ');

/** A list of at most `max` entries, repeated ones merged (the form says how many were). */
const listOf = <T extends z.ZodType<string>>(item: T, max: number, sameness: (entry: string) => string = (entry) => entry) =>
  z.array(item).max(max).transform(once(sameness));

const brandTerm = z.string().trim().min(1).max(100);
const keyQuery = z.string().trim().min(1).max(300);

/**
 * What the project form submits; every refusal is said beside its field, in the interface language, from zod's
 * issue codes (lib/i18n/problems.ts: "Must be a number.", "Must be at most 100 characters long.").
 */
export const ProjectInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  brandTerms: listOf(brandTerm, 50, looseText).default([]),
  clientDomains: listOf(DomainSchema, 50).default([]),
  competitorDomains: listOf(DomainSchema, 50).default([]),
  keyQueries: listOf(keyQuery, 500, looseText).default([]),
  targets: TargetsSchema.default(DEFAULT_TARGETS),
  monthlyBudget: z.number().min(0).nullable().default(null),
  suggestionsCountInKpis: z.boolean().default(true),
  /** Suggestions less sure than this (their confidence) are shown but count as unlabeled; 0 lets every one count. */
  minSuggestionConfidence: share().default(0),
  /** Searches are kept this many months (this one included), then deleted unless marked; null keeps them. */
  retentionMonths: z.number().int().min(1).max(120).nullable().default(null),
});
export type ProjectInput = z.input<typeof ProjectInputSchema>;

export const TARGET_KEYS = ['serpPositivity', 'thirdPartyRecommend', 'portalCoverage', 'negativeTop10'] as const satisfies readonly (keyof Targets)[];

/**
 * The planned target per month of each targeted KPI (METHODOLOGY.md: month over month against plan from a
 * baseline), e.g. a ramp from the baseline month's 40% to 70%. A month without a planned value uses the target.
 */
export const PlanSchema = z
  .object(
    Object.fromEntries(
      TARGET_KEYS.map((key) => [key, z.record(MonthSchema, TargetsSchema.shape[key].removeDefault()).optional()]),
    ) as { [K in (typeof TARGET_KEYS)[number]]: z.ZodOptional<z.ZodRecord<typeof MonthSchema, ReturnType<(typeof TargetsSchema.shape)[K]['removeDefault']>>> },
  )
  .strict();
export type Plan = z.infer<typeof PlanSchema>;

export const ProjectSchema = ProjectInputSchema.extend({
  id: z.string().min(1),
  /** The month work began: history and progress are measured from it. */
  baselineMonth: MonthSchema,
  /** Absent on projects saved before plans existed. */
  plan: PlanSchema.optional(),
  /** Absent on projects saved before it existed: read with `minSuggestionConfidenceOf` (lib/kpi/label-state.ts). */
  minSuggestionConfidence: ProjectInputSchema.shape.minSuggestionConfidence.removeDefault().optional(),
  /** Absent on projects saved before it existed: searches kept for good. */
  retentionMonths: ProjectInputSchema.shape.retentionMonths.removeDefault().optional(),
  /**
   * The first month whose searches are all still stored, once older ones were deleted for retention: the months
   * before keep the counters they ended with, and rebuilds leave them alone.
   */
  searchesKeptFrom: MonthSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const MentionKindSchema = z.enum(['serp-result', 'forum-post', 'page']);
export type MentionKind = z.infer<typeof MentionKindSchema>;

// The keys of stored records' schemas are in alphabetical order, so a parsed record comes out in the order
// records are stored and backed up in (./key-order.ts) and an import need not sort 100,000 of them.
export const ClientFlagsSchema = z.object({
  clientSite: z.boolean(),
  /** On a competitor's domain (the project's competitor domains); present only when true. */
  competitor: z.boolean().optional(),
  linksToClient: z.boolean(),
  mentionsClient: z.boolean(),
});
export type ClientFlags = z.infer<typeof ClientFlagsSchema>;
export const NO_CLIENT_FLAGS: ClientFlags = { clientSite: false, linksToClient: false, mentionsClient: false };

export const SuggestionSchema = z.object({
  /** How sure the suggestion is (0..1, lib/sentiment/confidence.ts); absent on older suggestions, read as sure. */
  confidence: z.number().min(0).max(1).optional(),
  label: SentimentSchema,
  recommends: z.boolean().default(false),
  score: z.number().min(-1).max(1),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const MarkSchema = z.object({
  at: z.number(),
  recommends: z.boolean(),
  sentiment: MarkSentimentSchema.nullable(),
  /** The label we suggested when the user set this sentiment: how often suggestions agree is measured on it. */
  suggestedAtMark: SentimentSchema.nullable().default(null),
});
export type Mark = z.infer<typeof MarkSchema>;

export const MentionSchema = z.object({
  canonicalUrl: z.string(),
  domain: z.string(),
  excerpt: z.string(),
  firstSeen: z.number(),
  flags: ClientFlagsSchema,
  kind: MentionKindSchema,
  lang: LangSchema,
  lastSeen: z.number(),
  /** Links in the item's own text (a post's, a result's sitelinks), kept so its badges can be re-derived; absent before version 2. */
  linkedUrls: z.array(z.string()).optional(),
  mark: MarkSchema.nullable(),
  /** Months in which the mention was observed; forum tone counts a mention in each month it was seen. */
  months: z.array(MonthSchema),
  projectId: z.string(),
  suggested: SuggestionSchema.nullable(),
  title: z.string(),
  url: z.string(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const SnapshotSchema = z.object({
  id: z.number().int().optional(),
  projectId: z.string(),
  engine: z.string(),
  query: z.string(),
  firstRank: z.number().int().min(1),
  capturedAt: z.number(),
  month: MonthSchema,
  /** Canonical URLs of the organic results in rank order, starting at firstRank. */
  urls: z.array(z.string()),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * How a mention counts in a KPI: a user's mark, or (when the project lets suggestions count) the suggested
 * label, kept apart so the popup can say how many counted items are confirmed.
 */
export const LABEL_STATES = [
  'marked:positive',
  'marked:neutral',
  'marked:negative',
  'marked:irrelevant',
  'suggested:positive',
  'suggested:neutral',
  'suggested:negative',
  'unlabeled',
] as const;
export type LabelState = (typeof LABEL_STATES)[number];
export type LabelCounts = Record<LabelState, number>;

export const LabelCountsSchema = z.object(
  Object.fromEntries(LABEL_STATES.map((state) => [state, z.number().int()])) as Record<LabelState, z.ZodNumber>,
);

/** A month's counters: everything the popup and the history read. */
export const MonthCountsSchema = z.object({
  projectId: z.string(),
  month: MonthSchema,
  top20: LabelCountsSchema,
  /** The same top-20 counts split by search engine, so the SERP KPI can be read per engine. */
  top20ByEngine: z.record(z.string(), LabelCountsSchema),
  top10: LabelCountsSchema,
  /** Top-20 slots holding a third-party URL with "recommends" (marked, or suggested when not marked). */
  thirdPartyRecommends: z.object({ marked: z.number().int(), suggested: z.number().int() }),
  forum: LabelCountsSchema,
});
export type MonthCounts = z.infer<typeof MonthCountsSchema>;

/** The month's top-20 of the key queries: "engine\u0001query\u0001rank" -> canonical URL (latest observed). */
export const MonthSlotsSchema = z.object({ projectId: z.string(), month: MonthSchema, slots: z.record(z.string(), z.string()) });
export type MonthSlots = z.infer<typeof MonthSlotsSchema>;

/**
 * A month's counters with the top-20 slots they are counted from, as the counting code works on them. They are
 * stored apart (lib/db/aggregates.ts): 50 key queries on 4 engines fill 4,000 slots a month, which the popup never needs.
 */
export const AggregateSchema = MonthCountsSchema.extend({ slots: MonthSlotsSchema.shape.slots });
export type Aggregate = z.infer<typeof AggregateSchema>;

export const PORTAL_KINDS = ['forum', 'review-site', 'blog', 'news', 'other'] as const;
export const PortalKindSchema = z.enum(PORTAL_KINDS);
export type PortalKind = z.infer<typeof PortalKindSchema>;

/** What the observations of one month saw of a portal: raw facts, kept per month so past months stay as they were. */
export const PortalMonthSchema = z.object({
  lastObservedAt: z.number(),
  /** The newest post date the month's pages stated (parsed), null when none did. */
  newestPostAt: z.number().nullable(),
});
export type PortalMonth = z.infer<typeof PortalMonthSchema>;

/**
 * A site where the client is discussed (a forum, review site, blog ...), one per project and domain (the host
 * without www). Search engines never make one. `linksByFirstMonth` is derived from the mentions and rebuilt with
 * the aggregates; everything else is what was observed or typed in.
 */
export const PortalRecordSchema = z.object({
  projectId: z.string(),
  domain: z.string(),
  kind: PortalKindSchema,
  /** The forum engine id (`phpbb`, `generic` ...) once a forum page of the portal was read. */
  engine: z.string().nullable(),
  /** Typed in by the user (METHODOLOGY: portal popularity / traffic). */
  popularity: z.number().min(0).nullable(),
  note: z.string(),
  /** Distinct thread / page URLs seen (canonical, without fragment), at most MAX_PORTAL_THREADS of them (lib/kpi/portals.ts). */
  threads: z.array(z.string()),
  months: z.record(MonthSchema, PortalMonthSchema),
  /**
   * Forum-post and page mentions of the portal that link to a client domain, by the month each was first seen:
   * a link counts as observed from that month on. Counts rather than a flag, so a link that disappears
   * (an edited post, a changed client domain) is taken back exactly.
   */
  linksByFirstMonth: z.record(MonthSchema, z.number().int().min(0)),
});
export type PortalRecord = z.infer<typeof PortalRecordSchema>;

export function emptyLabelCounts(): LabelCounts {
  return Object.fromEntries(LABEL_STATES.map((state) => [state, 0])) as LabelCounts;
}

export * from './month';
