import { problem } from '../i18n/problems';
import { z } from 'zod';
import { EXPORT_FILES } from '../backup/limits';
import { TransferIdSchema } from '../backup/transfer';
import { DrilldownSchema } from './drilldown';
import { MAX_MENTION_PAGE, MentionFilterSchema } from '../mentions/filter';
import { ChannelsSchema, PromotionMonthSchema } from '../promotion';
import {
  AnyLengthHttpUrlSchema,
  ClientFlagsSchema,
  HttpUrlSchema,
  MAX_URL_LENGTH,
  MarkSchema,
  MarkSentimentSchema,
  MonthSchema,
  PlanSchema,
  PortalKindSchema,
  ProjectSchema,
  SuggestionSchema,
} from '../schema';

/**
 * The one protocol into the background: every request type has a zod schema for its payload and for its
 * answer, and names who may send it. The background checks the sender, parses what arrives and parses its own
 * answer before it sends it (lib/messaging dispatchMessage); senders take the answer as typed (./send.ts).
 */

/**
 * Who sends a request. The extension's own pages (popup, dashboard, report, the context menu's marks) see all of
 * the user's data; a content script sends only what its own page needs, because the page it runs in is hostile
 * and a compromised renderer speaks with the content script's voice.
 */
export type SenderOrigin = 'extension-page' | 'content-script';

/** The most items one page.observe carries: a page with more (a 100-result search page is the largest) sends them in parts. */
export const MAX_OBSERVED_ITEMS = 100;

/** Page text cut to `max` characters: a page that writes more loses the rest of it, never its other items. */
const pageText = (max: number) => z.string().transform((text) => (text.length > max ? text.slice(0, max) : text));

/** Links found on a page or in an item: overlong ones dropped, the first `max` kept, each a web address. */
const linkedUrls = (max: number) =>
  z
    .array(z.string())
    .default([])
    .transform((urls) => urls.filter((url) => url.length <= MAX_URL_LENGTH).slice(0, max))
    .pipe(z.array(HttpUrlSchema));

/**
 * A result or a post as the content script read it. Its url may be any http(s) URL (results link anywhere); one
 * longer than MAX_URL_LENGTH is answered but not stored (see page.observe), so it never costs its page the others.
 */
const PageItemSchema = z.object({
  rank: z.number().int().min(1).optional(),
  url: AnyLengthHttpUrlSchema,
  title: pageText(2000),
  snippet: pageText(20_000),
  /** Links found inside the item (sitelinks, links in a forum post), wrapper-decoded. */
  linkedUrls: linkedUrls(200),
  /** Forum posts: author and date as displayed, the date in ISO 8601 when known, the post's own text. */
  author: pageText(500).optional(),
  date: pageText(500).optional(),
  // Cut short, a machine-readable date would be another date: one too long for any real date is dropped.
  dateIso: z
    .string()
    .transform((iso) => (iso.length <= 100 ? iso : undefined))
    .optional(),
  text: pageText(100_000).optional(),
});
export type PageItem = z.input<typeof PageItemSchema>;

/** The item a mark is set on is stored whatever happens: its URL must fit. */
const MarkedItemSchema = PageItemSchema.extend({ url: HttpUrlSchema });

/**
 * The page a content script reports from. The background trusts none of it blindly: the url must be the sender's
 * own page, and the site and kind must be what that URL is (lib/background/sender.ts).
 */
const PageSchema = z.object({
  url: HttpUrlSchema,
  site: z.string().min(1).max(100),
  kind: z.enum(['serp', 'forum']),
  query: z.string().max(2000).optional(),
  firstRank: z.number().int().min(1).optional(),
});

export const ItemStateSchema = z.object({
  canonicalUrl: z.string(),
  suggested: SuggestionSchema.nullable(),
  mark: MarkSchema.nullable(),
  flags: ClientFlagsSchema,
});
export type ItemState = z.infer<typeof ItemStateSchema>;

const KpiValueSchema = z.object({
  key: z.string(),
  titleKey: z.string(),
  title: z.string(),
  formula: z.string(),
  unit: z.enum(['share', 'count']),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  value: z.number().nullable(),
  target: z.number().nullable(),
  previous: z.number().nullable(),
  counted: z.number(),
  confirmed: z.number(),
  byEngine: z.array(z.object({ engine: z.string(), value: z.number().nullable(), counted: z.number() })).optional(),
});

const MonthReportSchema = z.object({
  month: MonthSchema,
  score: z.number().nullable(),
  kpis: z.array(KpiValueSchema),
});

const KpiReportSchema = MonthReportSchema.extend({
  markedCount: z.number(),
  /** The sparklines: score and KPI values of the months through this one, oldest first. */
  recent: z.array(z.object({ month: MonthSchema, score: z.number().nullable(), values: z.record(z.string(), z.number().nullable()) })),
});

const ProjectListSchema = z.object({
  projects: z.array(ProjectSchema),
  activeProjectId: z.string().nullable(),
});

export const SiteStatusSchema = z.object({
  url: HttpUrlSchema,
  itemsFound: z.number().int().min(0),
  blocksSeen: z.number().int().min(0),
  at: z.number(),
});
export type SiteStatus = z.infer<typeof SiteStatusSchema>;

const AgreementSchema = z.object({ month: MonthSchema, agreed: z.number().int(), total: z.number().int() });

const ProjectIdSchema = z.object({ id: z.string().min(1).max(100) });

/** An origin the user granted for auditing, as `https://host` (no path, no trailing slash). */
export const OriginSchema = z
  .string()
  .max(300)
  .regex(/^https?:\/\/[^/?#\s]+$/);

export { PORTAL_KINDS, PortalKindSchema } from '../schema';

const LabelTallySchema = z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int(), irrelevant: z.number().int(), unmarked: z.number().int() });

/** One row of the dashboard's portal table (one portal domain of the project). */
export const PortalRowSchema = z.object({
  domain: z.string(),
  kind: PortalKindSchema,
  /** The forum engine id (`phpbb`, `generic` ...) when the portal is a forum. */
  engine: z.string().nullable(),
  threads: z.number().int(),
  mentions: z.number().int(),
  /** Mentions by the label they count with (a mark, else the suggestion; unmarked = neither). */
  byLabel: LabelTallySchema,
  hasLinkToClient: z.boolean(),
  /** Newest post date seen on the portal (parsed from the page), else the newest observation. */
  lastActivityAt: z.number().nullable(),
  popularity: z.number().nullable(),
  note: z.string(),
});
export type PortalRow = z.infer<typeof PortalRowSchema>;

/** A stored mention as the dashboard lists it (text only: rendered with textContent). */
export const MentionRowSchema = z.object({
  canonicalUrl: z.string(),
  url: z.string(),
  domain: z.string(),
  kind: z.enum(['serp-result', 'forum-post', 'page']),
  title: z.string(),
  excerpt: z.string(),
  item: ItemStateSchema,
  months: z.array(MonthSchema),
  lastSeen: z.number(),
});
export type MentionRow = z.infer<typeof MentionRowSchema>;

/** What the popup captures of the current tab to mark it (or a selected passage) as a page mention. */
export const PageCaptureSchema = z.object({
  url: HttpUrlSchema,
  title: z.string().max(2000),
  /** The selected passage; null marks the page as a whole. */
  passage: z.string().max(20_000).nullable(),
  /** The page's main text (first part), for the suggestion when no passage is selected. */
  text: z.string().max(20_000),
  linkedUrls: linkedUrls(500),
  /** What the page says it is (schema.org Review, og:type article ...), when it says. */
  kindHint: PortalKindSchema.optional(),
  dateIso: z.string().max(100).optional(),
});
export type PageCapture = z.input<typeof PageCaptureSchema>;

/** The most mentions one bulk relabel marks: one transaction stays short. */
const MAX_RELABEL_URLS = 1000;

export const protocol = {
  /**
   * The items a content script found on its page. Each answer state is at the position of its item; an item whose
   * URL is too long to store is answered without being stored.
   */
  'page.observe': {
    sender: 'content-script',
    request: z.object({
      page: PageSchema,
      items: z.array(PageItemSchema).max(MAX_OBSERVED_ITEMS),
    }),
    response: z.object({
      projectId: z.string().nullable(),
      projectName: z.string().nullable(),
      /** The project's confidence below which a suggestion is shown but not counted (0 without a project). */
      minSuggestionConfidence: z.number().min(0).max(1),
      items: z.array(ItemStateSchema),
    }),
  },
  'mark.set': {
    sender: 'content-script',
    request: z.object({
      page: PageSchema,
      item: MarkedItemSchema,
      sentiment: MarkSentimentSchema.nullable(),
      recommends: z.boolean(),
      /** The project the row was drawn for: refused once another project is active (the row is stale). */
      projectId: z.string().max(100).optional(),
      /**
       * When the mark the row shows was set (null: no mark). Another tab may have changed it since: then nothing is
       * written and `applied` is false, with the stored state for the row to show. The tag rows always send both
       * fields; without them (the context menu, tests of other things) the mark is written as it comes.
       */
      seenMarkAt: z.number().nullable().optional(),
    }),
    response: z.object({ projectId: z.string(), applied: z.boolean(), item: ItemStateSchema }),
  },
  'projects.list': { sender: 'extension-page', request: z.object({}), response: ProjectListSchema },
  'projects.save': {
    sender: 'extension-page',
    // The form's fields are validated by the repository so that errors come back per field.
    request: z.object({ id: z.string().max(100).optional(), input: z.record(z.string(), z.unknown()) }),
    response: z.union([
      z.object({ saved: z.literal(true), project: ProjectSchema }),
      z.object({ saved: z.literal(false), fieldErrors: z.record(z.string(), z.string()) }),
    ]),
  },
  'projects.delete': { sender: 'extension-page', request: ProjectIdSchema, response: z.object({}) },
  'projects.setActive': { sender: 'extension-page', request: ProjectIdSchema, response: z.object({}) },
  /** Deletes a project's search snapshots and the mentions never marked (what browsing left); marks stay. */
  'history.clear': {
    sender: 'extension-page',
    request: ProjectIdSchema,
    response: z.object({ snapshots: z.number().int(), mentions: z.number().int() }),
  },
  /** Whether pages seen in private (incognito) windows are stored; off until the user turns it on. */
  'privacy.get': { sender: 'extension-page', request: z.object({}), response: z.object({ storeIncognito: z.boolean() }) },
  'privacy.set': { sender: 'extension-page', request: z.object({ storeIncognito: z.boolean() }), response: z.object({ storeIncognito: z.boolean() }) },
  /** Whether the content script understood its page; the url and site are checked against the sender like a page's. */
  'page.status': {
    sender: 'content-script',
    // The background stamps the time itself.
    request: SiteStatusSchema.omit({ at: true }).extend({ site: z.string().min(1).max(100) }),
    response: z.object({}),
  },
  'sites.status': {
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({
      sites: z.array(
        z.object({ id: z.string(), name: z.string(), kind: z.enum(['serp', 'forum']), last: SiteStatusSchema.nullable() }),
      ),
      overridesText: z.string(),
    }),
  },
  /** The user's selector overrides of the sender's own search engine (none on other pages). */
  'overrides.get': { sender: 'content-script', request: z.object({}), response: z.object({ overrides: z.record(z.string(), z.unknown()) }) },
  'overrides.save': {
    sender: 'extension-page',
    request: z.object({ text: z.string().max(100_000) }),
    response: z.union([z.object({ saved: z.literal(true) }), z.object({ saved: z.literal(false), error: z.string() })]),
  },
  'suggestions.agreement': {
    sender: 'extension-page',
    request: z.object({ projectId: z.string().max(100).optional() }),
    response: z.object({ thisMonth: AgreementSchema.nullable(), lastMonth: AgreementSchema.nullable() }),
  },
  'dashboard.open': { sender: 'content-script', request: z.object({}), response: z.object({}) },
  /** Marks the popup's tab (or a selected passage of it) as a page mention; from the extension's own pages. */
  'pageMention.set': {
    sender: 'extension-page',
    request: z.object({ capture: PageCaptureSchema, sentiment: MarkSentimentSchema.nullable(), recommends: z.boolean() }),
    response: z.object({ projectId: z.string(), item: ItemStateSchema }),
  },
  /** The stored page mention of a URL (the whole page, not a passage), for the popup to show its mark. */
  'pageMention.get': {
    sender: 'extension-page',
    request: z.object({ url: HttpUrlSchema }),
    response: z.object({ item: ItemStateSchema.nullable() }),
  },
  'portals.list': {
    sender: 'extension-page',
    request: z.object({ projectId: z.string().max(100).optional() }),
    response: z.object({ portals: z.array(PortalRowSchema) }),
  },
  /** The user-typed portal attributes (METHODOLOGY: popularity / traffic as optional statistics). */
  'portals.update': {
    sender: 'extension-page',
    request: z.object({
      projectId: z.string().max(100).optional(),
      domain: z.string().min(1).max(300),
      popularity: z.number().min(0).nullable(),
      note: z.string().max(2000),
    }),
    response: z.object({}),
  },
  /**
   * A month of social promotion (METHODOLOGY goal B): the saved month, or an empty one naming the channels of
   * the latest earlier month; the project's monthly budget; and the months saved so far.
   */
  'promotion.get': {
    sender: 'extension-page',
    request: z.object({ projectId: z.string().max(100).optional(), month: MonthSchema }),
    response: z.object({ promotion: PromotionMonthSchema, budget: z.number().nullable(), months: z.array(MonthSchema) }),
  },
  /** Replaces a month's channels and figures as typed in the dashboard. */
  'promotion.save': {
    sender: 'extension-page',
    request: z.object({ projectId: z.string().max(100).optional(), month: MonthSchema, channels: ChannelsSchema }),
    response: z.object({ promotion: PromotionMonthSchema }),
  },
  'mentions.byPortal': {
    sender: 'extension-page',
    request: z.object({ projectId: z.string().max(100).optional(), domain: z.string().min(1).max(300) }),
    response: z.object({ mentions: z.array(MentionRowSchema) }),
  },
  /** The dashboard's mention list: one page of the project's mentions that match, newest sighting first. */
  'mentions.search': {
    sender: 'extension-page',
    request: z.object({
      projectId: z.string().max(100).optional(),
      filter: MentionFilterSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_MENTION_PAGE),
    }),
    response: z.object({ rows: z.array(MentionRowSchema), total: z.number().int() }),
  },
  /**
   * One mark edit on many mentions (the dashboard's bulk relabel): sentiment null takes the sentiment off (with
   * `recommends: false`, the whole mark); what the edit leaves out stays as each mention has it.
   */
  'mentions.relabel': {
    sender: 'extension-page',
    request: z
      .object({
        projectId: z.string().max(100).optional(),
        canonicalUrls: z.array(HttpUrlSchema).min(1).max(MAX_RELABEL_URLS),
        sentiment: MarkSentimentSchema.nullable().optional(),
        recommends: z.boolean().optional(),
      })
      .refine((edit) => edit.sentiment !== undefined || edit.recommends !== undefined, { params: { problem: problem('nothingToSet') } }),
    response: z.object({ changed: z.number().int() }),
  },
  /** Sites the user granted for auditing ("Audit this site"), with what was recognised there last. */
  'sites.audited': {
    sender: 'extension-page',
    request: z.object({}),
    response: z.object({
      sites: z.array(z.object({ origin: OriginSchema, engine: z.string().nullable(), last: SiteStatusSchema.nullable() })),
    }),
  },
  /** After the popup obtained the host permission, registers the forum content script for the origin. */
  'sites.audit': { sender: 'extension-page', request: z.object({ origin: OriginSchema }), response: z.object({}) },
  /** Unregisters the origin's content script and gives the permission back; its marks stay. */
  'sites.revoke': { sender: 'extension-page', request: z.object({ origin: OriginSchema }), response: z.object({}) },
  /**
   * A file of one project (by id) or of every project (null), named for the day it was made: the JSON
   * backup, or a CSV table of mentions, snapshots or monthly KPIs. The file itself waits in the transfer
   * cache (lib/backup/transfer.ts) under `transferId`, for the dashboard to take.
   */
  'files.export': {
    sender: 'extension-page',
    request: z.object({ file: z.enum(EXPORT_FILES), projectId: z.string().max(100).nullable() }),
    // The file waits in the transfer cache; when the cache has no room (it shares the database's quota), a file
    // small enough for a message comes as text in the answer instead.
    response: z.union([z.object({ fileName: z.string(), transferId: TransferIdSchema }), z.object({ fileName: z.string(), text: z.string() })]),
  },
  /**
   * A backup file the dashboard put in the transfer cache under `transferId`: validated whole and merged
   * (newer record wins), or refused with where and why.
   */
  'backup.import': {
    sender: 'extension-page',
    request: z.object({ transferId: TransferIdSchema }),
    response: z.object({
      counts: z.record(z.enum(['projects', 'mentions', 'snapshots', 'portals', 'promotion', 'frozenMonths']), z.object({ written: z.number(), kept: z.number() })),
    }),
  },
  /**
   * The dashboard's top-20 per key query and engine for a month (the latest month with data when none is named)
   * against the month before, and share of voice over the twelve months ending with it.
   */
  'drilldown.get': {
    sender: 'extension-page',
    request: z.object({
      projectId: z.string().max(100).optional(),
      month: MonthSchema.optional(),
      /** The key query whose lists are wanted (default: the month's first); the report asks for every query. */
      query: z.string().max(300).optional(),
      everyQuery: z.boolean().optional(),
    }),
    response: DrilldownSchema,
  },
  /** Every month's KPIs of a project against the plan of that month, from its baseline month through `through`. */
  'kpi.history': {
    sender: 'extension-page',
    request: z.object({ projectId: z.string().max(100).optional(), through: MonthSchema.optional() }),
    response: z.object({ projectId: z.string(), baselineMonth: MonthSchema, months: z.array(MonthReportSchema) }),
  },
  /** The monthly plan of a project's targeted KPIs, and its baseline month. */
  'projects.setPlan': {
    sender: 'extension-page',
    request: z.object({ id: z.string().min(1).max(100), baselineMonth: MonthSchema, plan: PlanSchema }),
    response: z.object({ project: ProjectSchema }),
  },
  'kpi.get': {
    sender: 'extension-page',
    request: z.object({
      projectId: z.string().optional(),
      month: MonthSchema.optional(),
      /** The popup's current tab, to say whether its page was recognised. */
      tabUrl: z.string().max(MAX_URL_LENGTH).optional(),
    }),
    response: ProjectListSchema.extend({
      report: KpiReportSchema.nullable(),
      tabPage: z
        .object({
          kind: z.enum(['serp', 'forum']),
          site: z.string(),
          siteName: z.string(),
          recognised: z.boolean(),
          itemsFound: z.number(),
          /** A search page's query as typed, and whether the active project counts it (null without a project). */
          query: z.string().nullable(),
          isKeyQuery: z.boolean().nullable(),
        })
        .nullable(),
    }),
  },
} as const satisfies Record<string, { sender: SenderOrigin; request: z.ZodType; response: z.ZodType }>;

export type Protocol = typeof protocol;
export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends RequestType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<Protocol[T]['response']>;

export const EnvelopeSchema = z.object({
  type: z.enum(Object.keys(protocol) as [RequestType, ...RequestType[]]),
  payload: z.unknown(),
});

/** Every answer from the background: the handler's validated data, or why the request was refused. */
export type Reply = { ok: true; data: unknown } | { ok: false; error: string };
